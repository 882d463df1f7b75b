import type { Core } from '@strapi/strapi';
import { UIDS } from '../constants';
import { sha256Hex } from '../content';
import type { Job } from '../gengo';
import { decodeCustomData, type JobRecord, type OrderRecord } from '../platform/records';
import { ClaimLost, type ApplyOutcome, type Apply, type SliceReads } from './apply';
import { byOrder } from './order-groups';
import { yieldToEventLoop } from '../platform/serial-queue';
import { groupBy } from '../platform/group-by';
import { updateRows } from '../platform/update-rows';
import { fitSlice, INITIAL_COSTS, learnCosts, mayWrite, type SliceCosts } from './slice-cost';
import { getService } from '../platform/services';

/**
 * From a job as Gengo returns it to a signed GET (never from a callback body) to our records:
 * finds the row (by Gengo's job id, else by its custom_data → order reference, segment, chunk,
 * and records the id), stores status and text, and applies the segment when it is translated.
 */
export type SyncOutcome =
  | { state: 'ignored'; reason: string }
  | { state: 'synced'; jobRowId: number; discovered: boolean; apply: ApplyOutcome | null };

interface Located {
  row: JobRecord;
  order: OrderRecord;
  discovered: boolean;
}

/**
 * About this much work per transaction. SQLite runs in this process and blocks it while a slice
 * runs (better-sqlite3 is synchronous): every request waits for the slice. A server database
 * leaves the event loop free, and a transaction there only holds its own documents' rows, so
 * larger slices (fewer commits and fewer row-lock rounds) cost other requests nothing.
 */
const SLICE_BUDGET_MS = { sqlite: 40, server: 250 };
const MAX_SLICE = 50;

const normalizeStatus = (s: unknown): string => (s === 'cancelled' ? 'canceled' : String(s ?? ''));
/** Our marks stay until the apply step decides again. */
const OUR_MARKS = new Set(['conflict', 'stale', 'error']);

/** What Gengo's view of a job changes on our row; whether the job is translated (its segment may be written). */
const changes = (job: Job, row: JobRecord): { translated: boolean; data: Partial<JobRecord> } => {
  const gengoStatus = normalizeStatus(job.status);
  const data: Partial<JobRecord> = {};
  if (row.gengoStatus !== gengoStatus) data.gengoStatus = gengoStatus;
  const translated = mayWrite(gengoStatus);
  if (typeof job.body_tgt === 'string' && job.body_tgt !== row.bodyTgt && translated) data.bodyTgt = job.body_tgt;
  if (job.captcha_url !== undefined && job.captcha_url !== row.captchaUrl) data.captchaUrl = job.captcha_url ?? null;
  // A translated job's status is the apply step's to set (written, conflict, stale, error…).
  if (!translated && row.status !== gengoStatus) data.status = gengoStatus as JobRecord['status'];
  return { translated, data };
};

/** A job found through its custom_data whose row does not know its Gengo id yet. */
const unbound = (found: Located | { reason: string }): found is Located =>
  !('reason' in found) && found.discovered && !found.row.gengoJobId;

export const createJobSync = (strapi: Core.Strapi, { apply }: { apply: Apply }) => {
  const jobs = () => strapi.db.query(UIDS.job);
  const orders = () => strapi.db.query(UIDS.order);
  const gengo = () => getService(strapi, 'settings');
  /** Running estimates of what a job costs a slice, to size the next slice. */
  let costs: SliceCosts = INITIAL_COSTS;
  const sliceBudget = () => (strapi.db.dialect.client === 'sqlite' ? SLICE_BUDGET_MS.sqlite : SLICE_BUDGET_MS.server);

  /**
   * The rows of Gengo jobs (reads only: `bind` records a discovered id): by Gengo's job id, else
   * through custom_data (order reference, segment, chunk). Four queries for any number of jobs.
   */
  const locateAll = async (list: Job[]): Promise<Array<{ job: Job; found: Located | { reason: string } }>> => {
    const ids = list.map((job) => String(job.job_id));
    const bound = (await jobs().findMany({ where: { gengoJobId: { $in: ids } } })) as JobRecord[];
    const byJob = new Map(bound.map((r) => [r.gengoJobId, r]));
    const refs = new Set<string>();
    for (const job of list) {
      const ref = byJob.has(String(job.job_id)) ? null : decodeCustomData(job.custom_data)?.ref;
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

    const locate = (job: Job): Located | { reason: string } => {
      const gengoJobId = String(job.job_id);
      const known = byJob.get(gengoJobId);
      if (known) {
        const order = byId.get(known.orderId);
        return order
          ? { row: known, order, discovered: false }
          : { reason: `job ${gengoJobId}: its order ${known.orderId} is gone` };
      }
      const data = decodeCustomData(job.custom_data);
      if (!data) return { reason: `job ${gengoJobId}: custom_data is not ours` };
      const order = byRef.get(data.ref);
      if (!order) return { reason: `job ${gengoJobId}: no order with reference ${data.ref}` };
      const row = byParts.get(`${order.id}:${data.s}:${data.c}`);
      if (!row) return { reason: `job ${gengoJobId}: order ${order.id} has no row for ${data.s}#${data.c}` };
      if (row.gengoJobId && row.gengoJobId !== gengoJobId)
        return { reason: `job ${gengoJobId}: row ${row.id} is already job ${row.gengoJobId}` };
      return { row, order, discovered: true };
    };
    return list.map((job) => ({ job, found: locate(job) }));
  };

  /**
   * Records the discovered jobs' ids on their rows (one statement), unless another job took a row
   * meanwhile.
   */
  const bindAll = async (
    list: Array<{ job: Job; found: Located | { reason: string } }>
  ): Promise<Array<{ job: Job; found: Located | { reason: string } }>> => {
    const rows = list.flatMap(({ job, found }) =>
      unbound(found) ? [{ id: found.row.id, data: { gengoJobId: String(job.job_id) } }] : []
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
    return list.map(({ job, found }) => {
      if (!unbound(found)) return { job, found };
      const gengoJobId = String(job.job_id);
      const holder = holders ? holders.get(found.row.id) : gengoJobId;
      if (holder !== gengoJobId)
        return { job, found: { reason: `job ${gengoJobId}: row ${found.row.id} was taken by job ${holder}` } };
      return { job, found: { ...found, row: { ...found.row, gengoJobId } } };
    });
  };

  const findRow = async (job: Job): Promise<Located | { reason: string }> => {
    const [{ found }] = await bindAll(await locateAll([job]));
    return found;
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
      if (count) Object.assign(order, { status: 'placed', history });
    }
  };

  /**
   * Stores changes by row id. Rows given the same changes (a burst of jobs becoming `available`)
   * share one statement; updateMany, as the query engine's `update` reads the row before and after.
   */
  const store = async (changed: Map<number, Partial<JobRecord>>) => {
    for (const same of groupBy(changed, ([, data]) => JSON.stringify(data)).values()) {
      await jobs().updateMany({ where: { id: { $in: same.map(([id]) => id) } }, data: same[0][1] });
    }
  };

  /** Not every chunk of the segment is in: this row shows Gengo's status meanwhile. */
  const showWaiting = async (job: Job, row: JobRecord, outcome: ApplyOutcome | null) => {
    const gengoStatus = normalizeStatus(job.status);
    if (outcome?.state === 'waiting' && row.status !== gengoStatus && !OUR_MARKS.has(row.status)) {
      await jobs().updateMany({ where: { id: row.id }, data: { status: gengoStatus } });
    }
  };

  const ignored = (reason: string): SyncOutcome => {
    strapi.log.info(`[gengo] ignored: ${reason}`);
    return { state: 'ignored', reason };
  };

  /** One job, on its own (its writes in the apply step's own transaction). */
  const syncJob = async (job: Job): Promise<SyncOutcome> => {
    const found = await findRow(job);
    if ('reason' in found) return ignored(found.reason);
    await settleOrder(found.order, job);
    const { translated, data } = changes(job, found.row);
    if (Object.keys(data).length) await store(new Map([[found.row.id, data]]));
    const outcome = translated ? await apply.applySegment(found.order.id, found.row.segmentKey) : null;
    await showWaiting(job, found.row, outcome);
    return { state: 'synced', jobRowId: found.row.id, discovered: found.discovered, apply: outcome };
  };

  /**
   * Several jobs (a burst of callbacks, a page of the poller), written a slice at a time: each
   * slice's records and entry writes share one transaction, so one commit (on SQLite most of
   * what a write costs) serves several writes. A slice is sized to about `sliceBudget()` of work
   * (from the time slices took so far, writes and records apart: receiving/slice-cost.ts), and
   * the event loop and the database are let go between slices. A slice that fails is rolled back
   * and its jobs are synced one by one instead.
   */
  const syncJobs = async (list: Job[]): Promise<Array<PromiseSettledResult<SyncOutcome>>> => {
    // The jobs of one order side by side and never split between slices: an order's segments
    // translated together are then written in one update. Results keep the order of `list`.
    const grouped = byOrder(list);
    const writes = grouped.map((o) => mayWrite(normalizeStatus(o.job.status)));
    const out: Array<PromiseSettledResult<SyncOutcome>> = [];
    for (let i = 0; i < grouped.length;) {
      let size = fitSlice(writes.slice(i), sliceBudget(), costs, MAX_SLICE);
      while (
        i + size < grouped.length &&
        grouped[i + size].ref !== null &&
        grouped[i + size].ref === grouped[i + size - 1].ref
      )
        size++;
      const slice = grouped.slice(i, i + size).map((o) => o.job);
      const sliceWrites = writes.slice(i, i + size).filter(Boolean).length;
      if (i > 0) await yieldToEventLoop();
      i += slice.length;
      const started = performance.now();
      try {
        out.push(...(await syncSlice(slice)).map((value) => ({ status: 'fulfilled' as const, value })));
      } catch (err: any) {
        if (slice.length === 1 && !(err instanceof ClaimLost)) {
          out.push({ status: 'rejected', reason: err });
          continue;
        }
        for (const job of slice)
          out.push(
            await syncJob(job).then(
              (value) => ({ status: 'fulfilled' as const, value }),
              (reason) => ({ status: 'rejected' as const, reason })
            )
          );
      }
      costs = learnCosts(costs, {
        writes: sliceWrites,
        records: slice.length - sliceWrites,
        ms: performance.now() - started,
      });
    }
    const results: Array<PromiseSettledResult<SyncOutcome>> = [];
    grouped.forEach((o, k) => (results[o.index] = out[k]));
    return results;
  };

  const syncSlice = async (slice: Job[]): Promise<SyncOutcome[]> => {
    const located = await locateAll(slice);
    const orders = new Map<number, OrderRecord>();
    for (const { found } of located)
      if (!('reason' in found)) orders.set(found.order.id, orders.get(found.order.id) ?? found.order);
    return apply.inDocuments([...orders.values()], async (done) => {
      const recorded: Array<{ job: Job; found: Located; translated: boolean } | { reason: string }> = [];
      // A translated job's text and status are stored by the statement that records its segment's
      // write (one statement per row instead of two), else after the writes below. Other jobs'
      // changes are stored before the writes, which read the rows (an order's completion).
      const deferred = new Map<number, Partial<JobRecord>>();
      const changed = new Map<number, Partial<JobRecord>>();
      // One object per order in the slice, so that what one job settles the next ones see.
      const bound = await bindAll(
        located.map(({ job, found }) => ({
          job,
          found: 'reason' in found ? found : { ...found, order: orders.get(found.order.id)! },
        }))
      );
      for (const { job, found } of bound) {
        if ('reason' in found) {
          recorded.push(found);
          continue;
        }
        await settleOrder(found.order, job);
        const { translated, data } = changes(job, found.row);
        const into = translated ? deferred : changed;
        if (Object.keys(data).length) into.set(found.row.id, { ...into.get(found.row.id), ...data });
        recorded.push({ job, found, translated });
      }
      await store(changed);
      // Each segment once, after all of its chunks in this slice are recorded; the documents it
      // writes read in one query per type and locale, its rows in one query.
      const ready = recorded.filter(
        (r): r is Extract<typeof r, { translated: boolean }> => !('reason' in r) && r.translated
      );
      const outcomes = new Map<string, ApplyOutcome>();
      let reads: SliceReads | null = null;
      if (ready.length) {
        const segments = ready.map((r) => ({
          order: orders.get(r.found.order.id)!,
          segmentKey: r.found.row.segmentKey,
        }));
        reads = await apply.readAhead(segments, deferred);
        // An order's segments in one write.
        for (const [order, same] of groupBy(segments, (s) => s.order))
          for (const [key, outcome] of await apply.applyHeld(
            order,
            same.map((s) => s.segmentKey),
            done,
            {},
            reads
          ))
            outcomes.set(`${order.id}:${key}`, outcome);
      }
      // What no write recorded (waiting, already written, conflict, stale, error).
      await store(deferred);
      // The orders written approved are complete when all their jobs are: asked once, from the rows as stored.
      if (reads) await apply.completeOrders(reads, done);
      const results: SyncOutcome[] = [];
      const reported = new Set<string>();
      for (const r of recorded) {
        if ('reason' in r) {
          results.push(ignored(r.reason));
          continue;
        }
        const key = `${r.found.order.id}:${r.found.row.segmentKey}`;
        let outcome = r.translated ? outcomes.get(key)! : null;
        // One write for the segment's chunks: the first of them reports it.
        if (outcome?.state === 'applied') {
          if (reported.has(key)) outcome = { state: 'already', detail: 'written with another chunk of its segment' };
          reported.add(key);
        }
        await showWaiting(r.job, r.found.row, outcome);
        results.push({ state: 'synced', jobRowId: r.found.row.id, discovered: r.found.discovered, apply: outcome });
      }
      return results;
    });
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
        await strapi.db.query(UIDS.comment).create({
          data: {
            gengoJobId,
            body: String(c.body ?? ''),
            author: String(c.author ?? ''),
            ctime: c.ctime,
            fingerprint,
          },
        });
        stored++;
      } catch {
        // stored by a concurrent sync (unique fingerprint)
      }
    }
    return stored;
  };

  return {
    syncJob,
    syncJobs,
    syncComments,

    /** Fetches one job from Gengo (signed GET) and syncs it. */
    async refresh(gengoJobId: string): Promise<SyncOutcome> {
      const client = await gengo().client();
      const { job } = await client.getJob(gengoJobId);
      return syncJob(job);
    },
  };
};

export type JobSync = ReturnType<typeof createJobSync>;
