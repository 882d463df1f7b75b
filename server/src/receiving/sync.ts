import type { Core } from '@strapi/strapi';
import { UIDS } from '../constants';
import type { Job } from '../gengo';
import { idScope, normalizeStatus, OUR_MARKS, type JobRecord, type OrderRecord } from '../platform/records';
import { yieldToEventLoop } from '../platform/serial-queue';
import { getService } from '../platform/services';
import { storeRowChanges } from '../platform/update-rows';
import { announceJobMoves, type JobMove } from '../platform/job-moves';
import { ClaimLost, type Apply, type ApplyOutcome } from './apply';
import type { DocumentLock } from './document-lock';
import type { JobLocator, Located } from './locate';
import { byOrder } from './order-groups';
import { segmentKeyOf } from './read-ahead';
import { fitSlice, INITIAL_COSTS, learnCosts, mayWrite, type SliceCosts } from './slice-cost';

/**
 * From jobs as Gengo returns them to a signed GET (never from a callback body) to our records and
 * entries, a slice at a time: find each job's row (locate.ts), hold the slice's documents
 * (document-lock.ts), record statuses and texts, and write the segments that are translated
 * (apply.ts). One path for any number of jobs: a callback's batch, a page of the poller, the job a
 * review action just changed.
 */
export interface RowOutcome {
  jobRowId: number;
  discovered: boolean;
  apply: ApplyOutcome | null;
}
/** A job's outcome: its first row's, and every row's when it serves several (a shared job). */
export type SyncOutcome =
  { state: 'ignored'; reason: string } | ({ state: 'synced'; rows?: RowOutcome[] } & RowOutcome);

/**
 * About this much work per transaction. SQLite runs in this process and blocks it while a slice
 * runs (better-sqlite3 is synchronous): every request waits for the slice. A server database
 * leaves the event loop free, and a transaction there only holds its own documents' rows, so
 * larger slices (fewer commits and fewer row-lock rounds) cost other requests nothing.
 */
const SLICE_BUDGET_MS = { sqlite: 40, server: 250 };
const MAX_SLICE = 50;

/** What Gengo's view of a job changes on our row; whether the job is translated (its segment may be written). */
export const changesOf = (job: Job, row: JobRecord): { translated: boolean; data: Partial<JobRecord> } => {
  const gengoStatus = normalizeStatus(job.status);
  const data: Partial<JobRecord> = {};
  if (row.gengoStatus !== gengoStatus) data.gengoStatus = gengoStatus;
  // Gengo's auto-approval clock starts when a job becomes reviewable; its payload does not say
  // when, so the time we learn it is recorded (gengo/auto-approval.ts).
  if (gengoStatus === 'reviewable' && (row.gengoStatus !== 'reviewable' || !row.reviewableAt))
    data.reviewableAt = new Date().toISOString();
  else if (gengoStatus !== 'reviewable' && row.reviewableAt) data.reviewableAt = null;
  const translated = mayWrite(gengoStatus);
  if (typeof job.body_tgt === 'string' && job.body_tgt !== row.bodyTgt && translated) data.bodyTgt = job.body_tgt;
  const units = Number(job.unit_count);
  if (job.unit_count != null && Number.isFinite(units) && units !== row.unitCount) data.unitCount = units;
  // What Gengo charged for the job (a string in its payloads): the orders page's jobs window shows it.
  // A row sharing another's job leaves it to that row, where Gengo charged it.
  const credits = Number(job.credits);
  if (job.credits != null && job.credits !== '' && Number.isFinite(credits) && row.sharedWithOrderId == null) {
    if (row.credits == null || Number(row.credits) !== credits) data.credits = credits;
  }
  if (job.captcha_url !== undefined && job.captcha_url !== row.captchaUrl) data.captchaUrl = job.captcha_url ?? null;
  // A translated job's status is the apply step's to set (written, conflict, stale, error…).
  if (!translated && row.status !== gengoStatus) data.status = gengoStatus as JobRecord['status'];
  return { translated, data };
};

type Settled = PromiseSettledResult<SyncOutcome>;
const fulfilled = (value: SyncOutcome): Settled => ({ status: 'fulfilled', value });

export const createJobSync = (
  strapi: Core.Strapi,
  { locator, lock, apply }: { locator: JobLocator; lock: DocumentLock; apply: Apply }
) => {
  const jobs = () => strapi.db.query(UIDS.job);
  /** Running estimates of what a job costs a slice, to size the next slice. */
  let costs: SliceCosts = INITIAL_COSTS;
  const sliceBudget = () => (strapi.db.dialect.client === 'sqlite' ? SLICE_BUDGET_MS.sqlite : SLICE_BUDGET_MS.server);

  /** Not every chunk of the segment is in: this row shows Gengo's status meanwhile. */
  const showWaiting = async (job: Job, row: JobRecord, outcome: ApplyOutcome | null) => {
    const gengoStatus = normalizeStatus(job.status);
    if (outcome?.state === 'waiting' && row.status !== gengoStatus && !OUR_MARKS.has(row.status)) {
      await jobs().updateMany({ where: { id: row.id }, data: { status: gengoStatus } });
    }
  };

  /**
   * The id space of the jobs being synced: they were fetched with the current settings' client.
   * Null when Gengo is not configured (nothing is then fetched; rows are matched in any space).
   */
  const currentScope = async (): Promise<string | null> =>
    getService(strapi, 'settings')
      .client()
      .then(idScope, () => null);

  const ignored = (reason: string): SyncOutcome => {
    strapi.log.info(`[gengo] ignored: ${reason}`);
    return { state: 'ignored', reason };
  };

  /**
   * One slice in one transaction, holding its documents: rows found and bound, statuses recorded,
   * translated segments written (each once, after all of its chunks in the slice are recorded).
   */
  const syncSlice = async (slice: Job[], scope: string | null): Promise<SyncOutcome[]> => {
    const { found: located, collisions } = await locator.locateAll(slice, scope);
    const orders = new Map<number, OrderRecord>();
    for (const { found } of located)
      if (!('reason' in found)) orders.set(found.order.id, orders.get(found.order.id) ?? found.order);
    return lock.hold([...orders.values()], async (completed) => {
      await locator.markCollisions(collisions);
      const recorded: Array<
        { index: number } & ({ job: Job; found: Located; translated: boolean } | { reason: string })
      > = [];
      // A translated job's text and status are stored by the statement that records its segment's
      // write (one statement per row instead of two), else after the writes. Other jobs' changes
      // are stored before the writes, which read the rows (an order's completion).
      const deferred = new Map<number, Partial<JobRecord>>();
      const changed = new Map<number, Partial<JobRecord>>();
      const moves: JobMove[] = [];
      // One object per order in the slice, so that what one job settles the next ones see.
      const bound = await locator.bindAll(
        located.map(({ job, index, found }) => ({
          job,
          index,
          found: 'reason' in found ? found : { ...found, order: orders.get(found.order.id)! },
        })),
        scope
      );
      for (const { job, index, found } of bound) {
        if ('reason' in found) {
          recorded.push({ index, ...found });
          continue;
        }
        // A shared job belongs to the order that placed it (an old job: to an earlier Gengo order).
        if (!found.row.sharedJobKey) await locator.settleOrder(found.order, job);
        const { translated, data } = changesOf(job, found.row);
        const into = translated ? deferred : changed;
        if (data.gengoStatus === 'reviewable' || data.gengoStatus === 'approved')
          moves.push({ order: found.order, row: found.row, gengoStatus: data.gengoStatus });
        if (Object.keys(data).length) into.set(found.row.id, { ...into.get(found.row.id), ...data });
        recorded.push({ index, job, found, translated });
      }
      // Before anything of the slice is stored: what the rows hold now tells which moves are ours.
      await announceJobMoves(strapi, moves);
      await storeRowChanges(strapi, UIDS.job, changed);
      const segments = recorded.flatMap((r) =>
        'reason' in r || !r.translated
          ? []
          : [{ order: orders.get(r.found.order.id)!, segmentKey: r.found.row.segmentKey }]
      );
      const outcomes = segments.length ? await apply.write(segments, { completed, recorded: deferred }) : new Map();
      const rows: RowOutcome[][] = slice.map(() => []);
      const reasons: string[][] = slice.map(() => []);
      const reported = new Set<string>();
      for (const r of recorded) {
        if ('reason' in r) {
          reasons[r.index].push(r.reason);
          continue;
        }
        const key = segmentKeyOf(r.found.order.id, r.found.row.segmentKey);
        let outcome: ApplyOutcome | null = r.translated ? outcomes.get(key)! : null;
        // One write for the segment's chunks: the first of them reports it.
        if (outcome?.state === 'applied') {
          if (reported.has(key)) outcome = { state: 'already', detail: 'written with another chunk of its segment' };
          reported.add(key);
        }
        await showWaiting(r.job, r.found.row, outcome);
        rows[r.index].push({ jobRowId: r.found.row.id, discovered: r.found.discovered, apply: outcome });
      }
      return slice.map((_, i): SyncOutcome => {
        if (!rows[i].length) return ignored(reasons[i].join('; ') || `job ${slice[i].job_id}: no row`);
        if (reasons[i].length) strapi.log.info(`[gengo] ${reasons[i].join('; ')}`);
        return { state: 'synced', ...rows[i][0], ...(rows[i].length > 1 ? { rows: rows[i] } : {}) };
      });
    });
  };

  /** A job alone (a slice that failed, synced job by job): a revision another writer took is recorded then. */
  const syncAlone = async (job: Job, scope: string | null): Promise<Settled> => {
    try {
      return fulfilled((await syncSlice([job], scope))[0]);
    } catch (err) {
      if (!(err instanceof ClaimLost)) return { status: 'rejected', reason: err };
      return syncSlice([job], scope).then(
        ([value]) => fulfilled(value),
        (reason) => ({ status: 'rejected', reason })
      );
    }
  };

  /**
   * Jobs written a slice at a time: each slice's records and entry writes share one transaction,
   * so one commit (on SQLite most of what a write costs) serves several writes. A slice is sized
   * to about `sliceBudget()` of work (from the time slices took so far, writes and records apart:
   * slice-cost.ts), and the event loop and the database are let go between slices. A slice that
   * fails is rolled back and its jobs are synced one by one instead.
   */
  const syncJobs = async (list: Job[]): Promise<Settled[]> => {
    // The jobs of one order side by side and never split between slices: an order's segments
    // translated together are then written in one update. Results keep the order of `list`.
    const grouped = byOrder(list);
    const scope = await currentScope();
    const writes = grouped.map((o) => mayWrite(normalizeStatus(o.job.status)));
    const out: Settled[] = [];
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
        out.push(...(await syncSlice(slice, scope)).map(fulfilled));
      } catch (err) {
        if (slice.length === 1 && !(err instanceof ClaimLost)) out.push({ status: 'rejected', reason: err });
        else for (const job of slice) out.push(await syncAlone(job, scope));
      }
      costs = learnCosts(costs, {
        writes: sliceWrites,
        records: slice.length - sliceWrites,
        ms: performance.now() - started,
      });
    }
    const results: Settled[] = [];
    grouped.forEach((o, k) => (results[o.index] = out[k]));
    return results;
  };

  /** One job, as Gengo returned it: through the same path as any batch. */
  const syncJob = async (job: Job): Promise<SyncOutcome> => {
    const [result] = await syncJobs([job]);
    if (result.status === 'rejected') throw result.reason;
    return result.value;
  };

  return {
    syncJobs,
    syncJob,
    /** Fetches one job from Gengo (signed GET) and syncs it. */
    async refresh(gengoJobId: string): Promise<SyncOutcome> {
      const { job } = await (await getService(strapi, 'settings').client()).getJob(gengoJobId);
      return syncJob(job);
    },
  };
};

export type JobSync = ReturnType<typeof createJobSync>;
