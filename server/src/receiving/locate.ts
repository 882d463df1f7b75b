import type { Core } from '@strapi/strapi';
import { UIDS } from '../constants';
import type { Job } from '../gengo';
import { boundIdentity, decodeCustomData, jobIdentity, type JobRecord, type OrderRecord } from '../platform/records';
import { emitOrderPlaced } from '../platform/events';
import { updateRows } from '../platform/update-rows';

/**
 * Which of our rows a Gengo job serves. One job may serve several rows (Gengo answers a repeated
 * text with one job: segments of one entry, several entries, several orders), so a job is found
 * as every row bound to its id, in the current id space (`idScope`: the API and account), whose
 * bound identity (`boundIdentity`: its own custom_data, or the shared job's) is the job's
 * custom_data. A row bound to the same id for ANOTHER job (an emulator started afresh, the same
 * database moved from the sandbox to production) is not this job: when it still waits for Gengo,
 * it is a collision (the row is marked `error`, never written with another job's text). A row not
 * bound yet is found through the job's custom_data (order reference → order, segment key and
 * chunk index → row), and its id recorded (`bindAll`). Reads for any number of jobs in four queries.
 */
export interface Located {
  row: JobRecord;
  order: OrderRecord;
  /** Found through custom_data: the row did not know its Gengo id. */
  discovered: boolean;
}

export type Found = Located | { reason: string };

/** A row bound to a Gengo id that now names another job: marked `error` with `note`. */
export interface Collision {
  row: JobRecord;
  note: string;
}

/** Every row a job of the list serves (`index`: its place in the list), at least one entry per job. */
export interface LocatedJobs {
  found: Array<{ job: Job; index: number; found: Found }>;
  collisions: Collision[];
}

/** A job found through its custom_data whose row does not know its Gengo id yet. */
const unbound = (found: Found): found is Located => !('reason' in found) && found.discovered && !found.row.gengoJobId;

const FINAL = new Set(['approved', 'canceled']);
/** Nothing more expected from Gengo for this row: a colliding id is then history, not an error. */
const finished = (row: JobRecord) =>
  !!row.gengoStatus &&
  FINAL.has(row.gengoStatus) &&
  (row.gengoStatus !== 'approved' || row.appliedStatus === 'approved' || row.status === 'conflict');

export const createJobLocator = (strapi: Core.Strapi) => {
  const jobs = () => strapi.db.query(UIDS.job);
  const orders = () => strapi.db.query(UIDS.order);

  /** The rows of Gengo jobs fetched in `scope` (reads only: `bindAll` records a discovered id). */
  const locateAll = async (list: Job[], scope: string | null): Promise<LocatedJobs> => {
    const ids = [...new Set(list.map((job) => String(job.job_id)))];
    // Rows older than scopes (null) count as the current scope's.
    const inScope = scope ? { $or: [{ scope }, { scope: { $null: true } }] } : {};
    const bound = (await jobs().findMany({ where: { gengoJobId: { $in: ids }, ...inScope } })) as JobRecord[];
    const byJob = new Map<string, JobRecord[]>();
    for (const r of bound) byJob.set(r.gengoJobId!, [...(byJob.get(r.gengoJobId!) ?? []), r]);
    const refs = new Set<string>();
    for (const job of list) {
      const ref = decodeCustomData(job.custom_data)?.ref;
      if (ref) refs.add(ref);
    }
    const referenced = (
      refs.size ? await orders().findMany({ where: { reference: { $in: [...refs] } } }) : []
    ) as OrderRecord[];
    const byRef = new Map(referenced.map((o) => [o.reference, o]));
    const parts = (
      referenced.length ? await jobs().findMany({ where: { orderId: { $in: referenced.map((o) => o.id) } } }) : []
    ) as JobRecord[];
    const byParts = new Map(parts.map((r) => [`${r.orderId}:${r.segmentKey}:${r.chunkIndex}`, r]));
    const referencedIds = new Set(referenced.map((o) => o.id));
    const orderIds = [...new Set(bound.map((r) => r.orderId))].filter((id) => !referencedIds.has(id));
    const byId = new Map(
      [
        ...referenced,
        ...((orderIds.length ? await orders().findMany({ where: { id: { $in: orderIds } } }) : []) as OrderRecord[]),
      ].map((o) => [o.id, o])
    );

    const collisions = new Map<number, Collision>();
    const locate = (job: Job): Found[] => {
      const gengoJobId = String(job.job_id);
      const identity = jobIdentity(job.custom_data);
      const located: Found[] = [];
      for (const row of byJob.get(gengoJobId) ?? []) {
        const order = byId.get(row.orderId);
        if (!order) located.push({ reason: `job ${gengoJobId}: the order ${row.orderId} of row ${row.id} is gone` });
        else if (boundIdentity(row, order) === identity) located.push({ row, order, discovered: false });
        else if (!finished(row))
          collisions.set(row.id, {
            row,
            note:
              `Gengo job ${gengoJobId} is now another job (${identity}), not this row's: its job is not at this ` +
              'Gengo account and environment any more (the API URL or keys changed, or Gengo started its ids ' +
              'again): order it again',
          });
      }
      const data = decodeCustomData(job.custom_data);
      const order = data ? byRef.get(data.ref) : undefined;
      const row = order && data ? byParts.get(`${order.id}:${data.s}:${data.c}`) : undefined;
      if (row && located.some((f) => !('reason' in f) && f.row.id === row.id)) return located;
      const none = (reason: string) => (located.some((f) => !('reason' in f)) ? located : [...located, { reason }]);
      if (!data) return none(`job ${gengoJobId}: custom_data is not ours`);
      if (!order) return none(`job ${gengoJobId}: no order with reference ${data.ref}`);
      if (!row) return none(`job ${gengoJobId}: order ${order.id} has no row for ${data.s}#${data.c}`);
      if (scope && order.scope && order.scope !== scope)
        return none(`job ${gengoJobId}: order ${order.id} was placed with another Gengo account or environment`);
      if (row.gengoJobId && row.gengoJobId !== gengoJobId)
        return none(`job ${gengoJobId}: row ${row.id} is already job ${row.gengoJobId}`);
      if (row.gengoJobId) return none(`job ${gengoJobId}: row ${row.id} holds this id in another Gengo environment`);
      return [...located, { row, order, discovered: true }];
    };
    const found = list.flatMap((job, index) => locate(job).map((f) => ({ job, index, found: f })));
    return { found, collisions: [...collisions.values()] };
  };

  /**
   * Records the discovered jobs' ids (and their scope) on their rows (one statement), unless
   * another job took a row meanwhile.
   */
  const bindAll = async <T extends { job: Job; found: Found }>(list: T[], scope: string | null): Promise<T[]> => {
    const rows = list.flatMap(({ job, found }) =>
      unbound(found) ? [{ id: found.row.id, data: { gengoJobId: String(job.job_id), scope } }] : []
    );
    if (!rows.length) return list;
    const count = await updateRows(strapi, UIDS.job, rows, { whereNull: ['gengoJobId'] });
    // Some row was bound meanwhile (or twice in this list): whose it is now.
    const holders =
      count < rows.length
        ? new Map(
            (
              (await jobs().findMany({
                where: { id: { $in: rows.map((r) => r.id) } },
                select: ['id', 'gengoJobId'],
              })) as JobRecord[]
            ).map((r) => [r.id, r.gengoJobId])
          )
        : null;
    return list.map((entry) => {
      const { job, found } = entry;
      if (!unbound(found)) return entry;
      const gengoJobId = String(job.job_id);
      const holder = holders ? holders.get(found.row.id) : gengoJobId;
      if (holder !== gengoJobId)
        return { ...entry, found: { reason: `job ${gengoJobId}: row ${found.row.id} was taken by job ${holder}` } };
      return { ...entry, found: { ...found, row: { ...found.row, gengoJobId, scope } } };
    });
  };

  /**
   * Rows whose Gengo id now names another job: `error`, with why, logged. The id leaves the row
   * (it is in the note): a review action, a comment or a poll must never reach the other job
   * through it. Their orders then wait for a person (order again, or cancel).
   */
  const markCollisions = async (collisions: Collision[]) => {
    for (const { row, note } of collisions) {
      strapi.log.warn(`[gengo] job row ${row.id} (order ${row.orderId}): ${note}`);
      const history = [...(row.history ?? []), { at: new Date().toISOString(), status: 'error', note }].slice(-50);
      await jobs().updateMany({
        where: { id: row.id, gengoJobId: row.gengoJobId },
        data: { status: 'error', lastError: note, gengoJobId: null, history },
      });
    }
  };

  /**
   * Gengo has a job of this order, so it was placed. `order` is brought up to date with what was
   * written: a slice's later jobs and its apply step read it.
   */
  const settleOrder = async (order: OrderRecord, job: Job) => {
    if (!order.gengoOrderId && job.order_id !== undefined) {
      const gengoOrderId = String(job.order_id);
      const { count } = await orders().updateMany({
        where: { id: order.id, gengoOrderId: { $null: true } },
        data: { gengoOrderId },
      });
      if (count) order.gengoOrderId = gengoOrderId;
    }
    // A POST whose outcome was unknown (`ambiguous`), or that a crash cut off or whose answer is
    // still on its way (`placing`), did place the order.
    if (order.status === 'ambiguous' || order.status === 'placing') {
      const history = [
        ...(order.history ?? []),
        { at: new Date().toISOString(), status: 'placed', note: `job ${job.job_id} found at Gengo` },
      ];
      const { count } = await orders().updateMany({
        where: { id: order.id, status: order.status },
        data: { status: 'placed', history },
      });
      if (count) {
        Object.assign(order, { status: 'placed', history });
        await emitOrderPlaced(strapi, order);
      }
    }
  };

  return { locateAll, bindAll, markCollisions, settleOrder };
};

export type JobLocator = ReturnType<typeof createJobLocator>;
