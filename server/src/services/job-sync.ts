import type { Core } from '@strapi/strapi';
import { PLUGIN_ID, UIDS } from '../constants';
import { sha256Hex } from '../content';
import type { Job } from '../gengo';
import { decodeCustomData, type JobRecord, type OrderRecord } from '../records/types';
import type { ApplyOutcome, ApplyService } from './apply';
import type { GengoService } from './gengo';

/**
 * From a job as Gengo returns it to a signed GET (never from a callback body) to our records:
 * finds the row (by Gengo's job id, else by its custom_data → order reference, segment, chunk,
 * and records the id), stores status and text, and applies the segment when it is translated.
 */
export type SyncOutcome =
  | { state: 'ignored'; reason: string }
  | { state: 'synced'; jobRowId: number; discovered: boolean; apply: ApplyOutcome | null };

const normalizeStatus = (s: unknown): string => (s === 'cancelled' ? 'canceled' : String(s ?? ''));
/** Our marks stay until the apply step decides again. */
const OUR_MARKS = new Set(['conflict', 'stale', 'error']);

const createJobSyncService = ({ strapi }: { strapi: Core.Strapi }) => {
  const jobs = () => strapi.db.query(UIDS.job);
  const orders = () => strapi.db.query(UIDS.order);
  const apply = () => strapi.plugin(PLUGIN_ID).service('apply') as ApplyService;
  const gengo = () => strapi.plugin(PLUGIN_ID).service('gengo') as GengoService;

  /** The row of a Gengo job; discovered through custom_data (and recorded) when its id is new to us. */
  const findRow = async (job: Job): Promise<{ row: JobRecord; order: OrderRecord; discovered: boolean } | { reason: string }> => {
    const gengoJobId = String(job.job_id);
    const known = (await jobs().findOne({ where: { gengoJobId } })) as JobRecord | null;
    if (known) {
      const order = (await orders().findOne({ where: { id: known.orderId } })) as OrderRecord | null;
      return order ? { row: known, order, discovered: false } : { reason: `job ${gengoJobId}: its order ${known.orderId} is gone` };
    }
    const data = decodeCustomData(job.custom_data);
    if (!data) return { reason: `job ${gengoJobId}: custom_data is not ours` };
    const order = (await orders().findOne({ where: { reference: data.ref } })) as OrderRecord | null;
    if (!order) return { reason: `job ${gengoJobId}: no order with reference ${data.ref}` };
    const row = (await jobs().findOne({ where: { orderId: order.id, segmentKey: data.s, chunkIndex: data.c } })) as JobRecord | null;
    if (!row) return { reason: `job ${gengoJobId}: order ${order.id} has no row for ${data.s}#${data.c}` };
    if (row.gengoJobId && row.gengoJobId !== gengoJobId) return { reason: `job ${gengoJobId}: row ${row.id} is already job ${row.gengoJobId}` };
    const { count } = await jobs().updateMany({ where: { id: row.id, gengoJobId: { $null: true } }, data: { gengoJobId } });
    if (!count && !row.gengoJobId) {
      const again = (await jobs().findOne({ where: { id: row.id } })) as JobRecord;
      if (again.gengoJobId !== gengoJobId) return { reason: `job ${gengoJobId}: row ${row.id} was taken by job ${again.gengoJobId}` };
    }
    return { row: { ...row, gengoJobId }, order, discovered: true };
  };

  /** Gengo has a job of this order: a POST whose outcome was unknown did place it. */
  const settleOrder = async (order: OrderRecord, job: Job) => {
    if (!order.gengoOrderId && job.order_id !== undefined) {
      await orders().updateMany({ where: { id: order.id, gengoOrderId: { $null: true } }, data: { gengoOrderId: String(job.order_id) } });
    }
    if (order.status === 'ambiguous') {
      const history = [...(order.history ?? []), { at: new Date().toISOString(), status: 'placed', note: `job ${job.job_id} found at Gengo` }];
      await orders().updateMany({ where: { id: order.id, status: 'ambiguous' }, data: { status: 'placed', history } });
    }
  };

  const syncJob = async (job: Job): Promise<SyncOutcome> => {
    const found = await findRow(job);
    if ('reason' in found) {
      strapi.log.info(`[gengo] ignored: ${found.reason}`);
      return { state: 'ignored', reason: found.reason };
    }
    const { row, order, discovered } = found;
    await settleOrder(order, job);
    const gengoStatus = normalizeStatus(job.status);
    const data: Partial<JobRecord> = {};
    if (row.gengoStatus !== gengoStatus) data.gengoStatus = gengoStatus;
    if (typeof job.body_tgt === 'string' && job.body_tgt !== row.bodyTgt && (gengoStatus === 'reviewable' || gengoStatus === 'approved')) data.bodyTgt = job.body_tgt;
    if (job.captcha_url !== undefined && job.captcha_url !== row.captchaUrl) data.captchaUrl = job.captcha_url ?? null;
    const translated = gengoStatus === 'reviewable' || gengoStatus === 'approved';
    // A translated job's status is the apply step's to set (written, conflict, stale, error…).
    if (!translated && row.status !== gengoStatus) data.status = gengoStatus as JobRecord['status'];
    if (Object.keys(data).length) await jobs().update({ where: { id: row.id }, data });
    const outcome = translated ? await apply().applySegment(order.id, row.segmentKey) : null;
    if (outcome?.state === 'waiting' && row.status !== gengoStatus && !OUR_MARKS.has(row.status)) {
      // Not every chunk of the segment is in: this row shows Gengo's status meanwhile.
      await jobs().update({ where: { id: row.id }, data: { status: gengoStatus } });
    }
    return { state: 'synced', jobRowId: row.id, discovered, apply: outcome };
  };

  /** A translator's comments on one of our jobs, re-read from Gengo and stored once each. */
  const syncComments = async (gengoJobId: string): Promise<number> => {
    if (!(await jobs().findOne({ where: { gengoJobId }, select: ['id'] }))) return 0;
    const client = await gengo().client();
    const { thread } = await client.listJobComments(gengoJobId);
    let stored = 0;
    for (const c of thread ?? []) {
      const fingerprint = sha256Hex(`${gengoJobId}\u0000${c.ctime}\u0000${c.author}\u0000${c.body}`);
      if (await strapi.db.query(UIDS.comment).findOne({ where: { fingerprint }, select: ['id'] })) continue;
      try {
        await strapi.db.query(UIDS.comment).create({ data: { gengoJobId, body: String(c.body ?? ''), author: String(c.author ?? ''), ctime: c.ctime, fingerprint } });
        stored++;
      } catch {
        // stored by a concurrent sync (unique fingerprint)
      }
    }
    return stored;
  };

  return {
    syncJob,
    syncComments,

    /** Fetches one job from Gengo (signed GET) and syncs it. */
    async refresh(gengoJobId: string): Promise<SyncOutcome> {
      const client = await gengo().client();
      const { job } = await client.getJob(gengoJobId);
      return syncJob(job);
    },
  };
};

export type JobSyncService = ReturnType<typeof createJobSyncService>;
export default createJobSyncService;
