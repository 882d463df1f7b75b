import type { Core } from '@strapi/strapi';
import { UIDS } from '../constants';
import type { Translations } from '../content';
import { groupBy } from '../platform/group-by';
import type { HistoryEntry, JobRecord, OrderedSegment, OrderRecord } from '../platform/records';
import { storeRowChanges } from '../platform/update-rows';
import { userAccess } from '../platform/content-permissions';
import type { DocumentLock } from './document-lock';
import { readAhead, segmentKeyOf, type SliceReads } from './read-ahead';
import {
  editedPaths,
  hashPaths,
  isStale,
  lastWrittenHashes,
  restoreText,
  segmentReadiness,
  type Readiness,
} from './segment-state';
import type { TargetIo } from './target';

/**
 * Applying translations to the target locale, for callbacks, the poller and a reviewer alike, always
 * inside the documents' lock (document-lock.ts). For each segment:
 *
 *   ready? (every chunk reviewable/approved) → same revision already written? → restore (refused:
 *   `error`) → source changed since the order? (`stale`, nothing written) → target field edited by
 *   a person since we wrote it? (`conflict`, nothing written) → merge → Document Service update of
 *   the target draft → record the revision and the hashes of what was written.
 *
 * An order's segments that pass are written in one update. Exactly once per revision: the
 * revision hash (texts + status) is compared with the rows' `appliedHash`, and the rows are claimed
 * by a conditional UPDATE in the transaction of the write (a revision claimed meanwhile by another
 * writer throws ClaimLost, which rolls the write back). The target is read inside the lock.
 */
export type ApplyState =
  'waiting' | 'applied' | 'already' | 'conflict' | 'stale' | 'error' | 'needs_review' | 'missing';
export interface ApplyOutcome {
  state: ApplyState;
  detail?: string;
}
export interface ApplyOptions {
  /** Write even over a person's edit or a changed source (an admin's decision in review). */
  force?: boolean;
}

export class ClaimLost extends Error {
  constructor(id: number) {
    super(`job row ${id} was claimed by another writer`);
  }
}

const MAX_HISTORY = 50;

/** A segment that passed every check: its rows, its revision and what it writes. */
interface Passed {
  segment: OrderedSegment;
  rows: JobRecord[];
  ready: Extract<Readiness, { ready: true }>;
  translations: Translations;
}

export const createApply = (strapi: Core.Strapi, { io, lock }: { io: TargetIo; lock: DocumentLock }) => {
  const jobs = () => strapi.db.query(UIDS.job);

  const withHistory = (row: JobRecord, status: string, note?: string) => {
    const history = [...(row.history ?? [])];
    const last = history[history.length - 1];
    if (!last || last.status !== status || last.note !== note)
      history.push({ at: new Date().toISOString(), status, ...(note ? { note } : {}) } as HistoryEntry);
    return history.slice(-MAX_HISTORY);
  };

  /** Marks every row of the segment (conflict, stale, error, needs_review) without writing the entry. */
  const mark = async (rows: JobRecord[], status: 'conflict' | 'stale' | 'error' | 'needs_review', note: string) => {
    for (const row of rows) {
      if (row.status === status && row.lastError === note) continue;
      await jobs().updateMany({
        where: { id: row.id },
        data: { status, lastError: note, history: withHistory(row, status, note) },
      });
    }
  };

  /** Paths → hash last written by the plugin there, over every order for this target. */
  const lastWritten = async (order: OrderRecord) => {
    const orders = await strapi.db.query(UIDS.order).findMany({
      where: {
        contentType: order.contentType,
        targetDocumentId: order.targetDocumentId,
        targetLocale: order.targetLocale,
      },
      select: ['id'],
    });
    const rows = (await jobs().findMany({
      where: { orderId: { $in: orders.map((o: any) => o.id) }, appliedAt: { $notNull: true } },
      select: ['writtenHashes', 'appliedAt'],
      orderBy: [{ appliedAt: 'asc' }, { id: 'asc' }],
    })) as Array<Pick<JobRecord, 'writtenHashes'>>;
    return lastWrittenHashes(rows.map((r) => r.writtenHashes));
  };

  /**
   * A write done later carries the authority of the admin who ordered: their rights as they stand
   * now (platform/content-permissions.ts). Null: they may write these paths; else why not. Orders
   * placed by no admin (translate on publish, scripts) are internal.
   */
  const ordererRefusal = async (order: OrderRecord, paths: string[]): Promise<string | null> => {
    if (order.orderedById == null) return null;
    const access = await userAccess(strapi, order.orderedById);
    const who = order.orderedByName ?? `admin #${order.orderedById}`;
    if (!access) return `${who}, who ordered it, is no longer an active admin: waiting for a reviewer`;
    try {
      await access.assertWrite(order.contentType, order.targetDocumentId, order.targetLocale, paths);
      return null;
    } catch (err: any) {
      return `${who}, who ordered it, may no longer write it (${err?.message ?? err}): waiting for a reviewer`;
    }
  };

  const segmentRows = async (order: OrderRecord, segmentKey: string, reads: SliceReads): Promise<JobRecord[]> => {
    const key = segmentKeyOf(order.id, segmentKey);
    const ahead = reads.rows.get(key);
    if (ahead) {
      reads.rows.delete(key);
      return ahead;
    }
    return (await jobs().findMany({
      where: { orderId: order.id, segmentKey },
      orderBy: { chunkIndex: 'asc' },
    })) as JobRecord[];
  };

  /** The rows of a segment that passed claimed, with the revision, status and hashes written. */
  const claim = async ({ rows, ready }: Passed, hashes: Record<string, string>, reads: SliceReads, now: Date) => {
    // The claim and the outcome in one statement: only one writer per revision, whoever else (a
    // callback, the poller, another instance) races. It runs in the write's transaction, so a
    // revision claimed meanwhile rolls the write back (ClaimLost).
    for (const row of rows) {
      const { count } = await jobs().updateMany({
        where: { id: row.id, appliedHash: row.appliedHash ?? { $null: true } },
        data: {
          ...reads.recorded.get(row.id),
          appliedHash: ready.revision,
          status: ready.status,
          appliedStatus: ready.status,
          appliedAt: now,
          writtenHashes: hashes,
          lastError: null,
          history: withHistory(
            row,
            ready.status,
            ready.status === 'approved' ? 'final translation written' : 'written to the draft, awaiting review'
          ),
        },
      });
      if (!count) throw new ClaimLost(row.id);
      reads.recorded.delete(row.id);
    }
  };

  /**
   * The segments of one order written in one Document Service update: each checked on its own
   * (ready? already written? restorable? source changed? edited by a person?), the ones that pass
   * merged together, then each one's rows claimed with the hashes of what it wrote.
   */
  const applyOrder = async (
    order: OrderRecord,
    segmentKeys: string[],
    opts: ApplyOptions,
    reads: SliceReads
  ): Promise<Map<string, ApplyOutcome>> => {
    const keys = [...new Set(segmentKeys)];
    const outcomes = new Map<string, ApplyOutcome>();
    const candidates: Array<Omit<Passed, 'translations'> & { value: Translations[string] }> = [];
    for (const segment of keys.flatMap((key) => order.segments?.filter((s) => s.key === key) ?? [])) {
      const rows = await segmentRows(order, segment.key, reads);
      const ready = segmentReadiness(segment, rows);
      if (ready.ready === false) {
        outcomes.set(segment.key, { state: 'waiting', detail: ready.reason });
        continue;
      }
      if (!opts.force && rows.every((r) => r.appliedHash === ready.revision)) {
        outcomes.set(segment.key, { state: 'already' });
        continue;
      }
      const restored = restoreText(segment, ready.chunks);
      if (restored.ok === false) {
        await mark(rows, 'error', restored.note);
        outcomes.set(segment.key, { state: 'error', detail: restored.detail });
        continue;
      }
      candidates.push({ segment, rows, ready, value: restored.value });
    }

    // A reviewer's forced write was checked against the reviewer's own rights (review routes).
    const refusal =
      candidates.length && !opts.force
        ? await ordererRefusal(
            order,
            candidates.flatMap((c) => c.segment.paths)
          )
        : null;
    if (refusal) {
      for (const { segment, rows } of candidates.splice(0)) {
        await mark(rows, 'needs_review', refusal);
        outcomes.set(segment.key, { state: 'needs_review', detail: refusal });
      }
    }

    const { source, target } = candidates.length
      ? await io.load(order, reads.versions)
      : { source: null, target: null };
    const written = candidates.length && target && !opts.force ? await lastWritten(order) : {};
    const passed: Passed[] = [];
    for (const { segment, rows, ready, value } of candidates) {
      if (!source) {
        await mark(rows, 'stale', 'The source locale version no longer exists');
        outcomes.set(segment.key, { state: 'stale', detail: 'no source' });
        continue;
      }
      if (!opts.force && isStale(segment, io.schema(order), source, io.getComponent)) {
        const note =
          'The source text changed since the order: not written (order it again, or apply anyway from the review)';
        await mark(rows, 'stale', note);
        outcomes.set(segment.key, { state: 'stale', detail: note });
        continue;
      }
      if (!opts.force && target) {
        const edited = editedPaths(target, segment.paths, written);
        if (edited.length) {
          const note = `Edited by a person since the plugin wrote it: ${edited.join(', ')} (not overwritten)`;
          await mark(rows, 'conflict', note);
          outcomes.set(segment.key, { state: 'conflict', detail: note });
          continue;
        }
      }
      passed.push({ segment, rows, ready, translations: Object.fromEntries(segment.paths.map((p) => [p, value])) });
    }

    if (passed.length && source) {
      const translations = Object.assign({}, ...passed.map((p) => p.translations));
      const data = await io.write(order, source, target, translations, reads);
      const now = new Date();
      for (const p of passed) {
        await claim(p, hashPaths(data, p.segment.paths), reads, now);
        outcomes.set(p.segment.key, { state: 'applied', detail: p.ready.status });
      }
      // Only an approved write can be an order's last one.
      if (passed.some((p) => p.ready.status === 'approved')) reads.approved.add(order);
    }
    for (const key of keys) if (!outcomes.has(key)) outcomes.set(key, { state: 'missing' });
    return outcomes;
  };

  /**
   * Writes segments into the documents the caller holds (`lock.hold`): what they need read ahead
   * in a few queries, each order's segments in one update, what was `recorded` from Gengo and not
   * claimed by a write stored after the writes, and the orders completed by an approved write
   * added to `completed`. The outcome of each segment by `orderId:segmentKey`. Throws ClaimLost
   * when another writer took a revision: the caller's transaction must roll back.
   */
  const write = async (
    segments: Array<{ order: OrderRecord; segmentKey: string }>,
    {
      completed,
      recorded = new Map(),
      opts = {},
    }: { completed: Set<OrderRecord>; recorded?: Map<number, Partial<JobRecord>>; opts?: ApplyOptions }
  ): Promise<Map<string, ApplyOutcome>> => {
    const outcomes = new Map<string, ApplyOutcome>();
    const reads = await readAhead(strapi, io, segments, recorded);
    for (const [order, same] of groupBy(segments, (s) => s.order))
      for (const [key, outcome] of await applyOrder(
        order,
        same.map((s) => s.segmentKey),
        opts,
        reads
      ))
        outcomes.set(segmentKeyOf(order.id, key), outcome);
    // What no write recorded (waiting, already written, conflict, stale, error).
    await storeRowChanges(strapi, UIDS.job, recorded);
    // The orders written approved are complete when all their jobs are: asked once, from the rows as stored.
    for (const order of await io.completeIfDone([...reads.approved])) completed.add(order);
    return outcomes;
  };

  /**
   * Segments of one order written now, holding its document (a text Gengo answered at once, a
   * reviewer's decision). A revision another writer took meanwhile counts as written.
   */
  const now = async (orderId: number, segmentKeys: string[], opts: ApplyOptions = {}) => {
    const order = (await strapi.db.query(UIDS.order).findOne({ where: { id: orderId } })) as OrderRecord | null;
    if (!order) return new Map(segmentKeys.map((key) => [key, { state: 'missing' } as ApplyOutcome]));
    try {
      const out = await lock.hold([order], (completed) =>
        write(
          segmentKeys.map((segmentKey) => ({ order, segmentKey })),
          { completed, opts }
        )
      );
      return new Map(segmentKeys.map((key) => [key, out.get(segmentKeyOf(order.id, key))!]));
    } catch (err) {
      if (err instanceof ClaimLost)
        return new Map(segmentKeys.map((key) => [key, { state: 'already', detail: err.message } as ApplyOutcome]));
      throw err;
    }
  };

  return { write, now };
};

export type Apply = ReturnType<typeof createApply>;
