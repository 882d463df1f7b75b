import type { Core } from '@strapi/strapi';
import { UIDS } from '../constants';
import { joinChunks, restoreSegment, type Translations } from '../content';
import { createKeyedMutex, lockAll, type SerialQueue } from '../platform/serial-queue';
import { groupBy } from '../platform/group-by';
import { editedPaths, hashPaths, isStale, lastWrittenHashes, segmentReadiness } from './segment-state';
import type { HistoryEntry, JobRecord, OrderedSegment, OrderRecord } from '../platform/records';
import { createTargetIo, type PlannedWrite, type UidReads, type VersionReads } from './target';
import type { Leases } from '../platform/lease';

/**
 * Applying translations (segments of one order, in one write) to the target locale, for callbacks,
 * the poller and the review actions alike. For each segment:
 *
 *   ready? (every chunk reviewable/approved) → same revision already written? → restore (refused:
 *   `error`) → source changed since the order? (`stale`, nothing written) → target field edited by
 *   a person since we wrote it? (`conflict`, nothing written) → merge → Document Service update of
 *   the target draft → record the revision and the hashes of what was written.
 *
 * Exactly once per revision: the revision hash (texts + status) is compared with the rows'
 * `appliedHash`, and the rows are claimed by a conditional UPDATE in the transaction of the write
 * (a revision claimed meanwhile by another writer rolls the write back). No lost field: everything
 * for one target document runs under an in-process mutex and, across instances, a row lock
 * (SELECT … FOR UPDATE on a lease row named after the document) held by that transaction; the
 * target is re-read inside it before merging.
 */
export type ApplyState = 'waiting' | 'applied' | 'already' | 'conflict' | 'stale' | 'error' | 'missing';
export interface ApplyOutcome {
  state: ApplyState;
  detail?: string;
}
/**
 * What a slice reads ahead for the segments it writes (see `readAhead`): each is used once, by the
 * write it was read for, and dropped.
 */
export interface SliceReads {
  versions: VersionReads;
  uids: UidReads;
  /** Job rows by `orderId:segmentKey`, in chunk order, with `recorded` applied. */
  rows: Map<string, JobRecord[]>;
  /**
   * By row id, what the slice recorded from Gengo but did not store yet: stored with the claim of
   * the row's write, and removed from here then.
   */
  recorded: Map<number, Partial<JobRecord>>;
  /**
   * Orders with an approved write in the slice: whether they are complete is asked once for all
   * of them, after the slice's records (`completeOrders`).
   */
  approved: Set<OrderRecord>;
}
export interface ApplyOptions {
  /** Write even over a person's edit or a changed source (an admin's decision in review). */
  force?: boolean;
}

const MAX_HISTORY = 50;

export const createApply = (strapi: Core.Strapi, { leases, queue }: { leases: Leases; queue: SerialQueue }) => {
  const mutex = createKeyedMutex();
  const io = createTargetIo(strapi);
  const jobs = () => strapi.db.query(UIDS.job);

  const withHistory = (row: JobRecord, status: string, note?: string) => {
    const history = [...(row.history ?? [])];
    const last = history[history.length - 1];
    if (!last || last.status !== status || last.note !== note)
      history.push({ at: new Date().toISOString(), status, ...(note ? { note } : {}) } as HistoryEntry);
    return history.slice(-MAX_HISTORY);
  };

  /** Marks every row of the segment (conflict, stale, error) without writing the entry. */
  const mark = async (rows: JobRecord[], status: 'conflict' | 'stale' | 'error', note: string) => {
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

  const segmentKeyOf = (orderId: number, segmentKey: string) => `${orderId}:${segmentKey}`;

  /** A segment's chunks joined and restored, or why not (`note`: what its rows are marked with). */
  const restoreText = (
    segment: OrderedSegment,
    chunks: string[]
  ): { ok: true; value: Translations[string] } | { ok: false; note: string; detail: string } => {
    let joined: string;
    try {
      joined = joinChunks(chunks, segment.separators ?? []);
    } catch (err: any) {
      return { ok: false, note: err.message, detail: err.message };
    }
    const restored = restoreSegment(segment.protected, joined);
    if (restored.ok === false)
      return { ok: false, note: `Translation refused: ${restored.reason}`, detail: restored.reason };
    return { ok: true, value: restored.value };
  };

  /** The restored translation of a segment whose chunks are all in, else null (`applyLocked` says why). */
  const translatedText = (segment: OrderedSegment, rows: JobRecord[]): Translations[string] | null => {
    const ready = segmentReadiness(segment, rows);
    if (ready.ready === false) return null;
    const restored = restoreText(segment, ready.chunks);
    return restored.ok ? restored.value : null;
  };

  const segmentRows = async (order: OrderRecord, segmentKey: string, reads?: SliceReads): Promise<JobRecord[]> => {
    const key = segmentKeyOf(order.id, segmentKey);
    const ahead = reads?.rows.get(key);
    if (ahead) {
      reads!.rows.delete(key);
      return ahead;
    }
    return (await jobs().findMany({
      where: { orderId: order.id, segmentKey },
      orderBy: { chunkIndex: 'asc' },
    })) as JobRecord[];
  };

  /** A segment that passed every check: its rows, its revision and what it writes. */
  interface Passed {
    segment: OrderedSegment;
    rows: JobRecord[];
    ready: Extract<ReturnType<typeof segmentReadiness>, { ready: true }>;
    translations: Translations;
  }

  /**
   * The segments of one order written in one Document Service update: each checked on its own
   * (ready? already written? restorable? source changed? edited by a person?), the ones that pass
   * merged together, then each one's rows claimed with the hashes of what it wrote.
   */
  const applyLocked = async (
    order: OrderRecord,
    segments: OrderedSegment[],
    opts: ApplyOptions,
    reads?: SliceReads
  ): Promise<Map<string, ApplyOutcome>> => {
    const outcomes = new Map<string, ApplyOutcome>();
    const candidates: Array<Omit<Passed, 'translations'> & { value: Translations[string] }> = [];
    for (const segment of segments) {
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
    if (!candidates.length) return outcomes;

    const { source, target } = await io.load(order, reads?.versions);
    const written = target && !opts.force ? await lastWritten(order) : {};
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
    if (!passed.length || !source) return outcomes;

    const data = await io.write(order, source, target, Object.assign({}, ...passed.map((p) => p.translations)), reads);
    const now = new Date();
    for (const { segment, rows, ready } of passed) {
      const hashes = hashPaths(data, segment.paths);
      // The claim and the outcome in one statement: only one writer per revision, whoever else (a
      // callback, the poller, another instance) races. It runs in the write's transaction, so a
      // revision claimed meanwhile rolls the write back (ClaimLost).
      for (const row of rows) {
        const { count } = await jobs().updateMany({
          where: { id: row.id, appliedHash: row.appliedHash ?? { $null: true } },
          data: {
            ...reads?.recorded.get(row.id),
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
        reads?.recorded.delete(row.id);
      }
      outcomes.set(segment.key, { state: 'applied', detail: ready.status });
    }
    return outcomes;
  };

  const docKey = (order: OrderRecord) => `doc:${order.contentType}:${order.targetDocumentId}:${order.targetLocale}`;

  /**
   * Runs `fn` holding every target document of `orders` (in-process mutex, then one transaction
   * with each document's row lock): what `fn` writes is committed once. Then, outside the
   * transaction, publishes the orders `fn` returned as completed, when the site asks for it.
   */
  const inDocuments = async <T>(orders: OrderRecord[], fn: (done: Set<OrderRecord>) => Promise<T>): Promise<T> => {
    const keys = orders.map(docKey);
    return lockAll(mutex, keys, async () => {
      const done = new Set<OrderRecord>();
      const out = await leases.withRowLocks(keys, () => fn(done));
      for (const order of done) {
        await io
          .publishIfWanted(order)
          .catch((err) => strapi.log.error(`[gengo] publishing order ${order.id}: ${err.message}`));
      }
      return out;
    });
  };

  /**
   * Applies segments of an order whose target document the caller holds (`inDocuments`), in one
   * write; the outcome of each by its key. Throws `ClaimLost` when another writer took a revision:
   * the caller's transaction must roll back.
   */
  const applyHeld = async (
    order: OrderRecord,
    segmentKeys: string[],
    done: Set<OrderRecord>,
    opts: ApplyOptions = {},
    reads?: SliceReads
  ): Promise<Map<string, ApplyOutcome>> => {
    const keys = [...new Set(segmentKeys)];
    const segments = keys.flatMap((key) => order.segments?.filter((s) => s.key === key) ?? []);
    const outcomes = await applyLocked(order, segments, opts, reads);
    for (const key of keys) if (!outcomes.has(key)) outcomes.set(key, { state: 'missing' });
    // Only an approved write can be an order's last one.
    const approved = [...outcomes.values()].some((o) => o.state === 'applied' && o.detail === 'approved');
    if (approved && reads) reads.approved.add(order);
    else if (approved) for (const complete of await io.completeIfDone([order])) done.add(complete);
    return outcomes;
  };

  /** Applies one segment now (serialized per target document). Prefer `request` from outside the queue. */
  const applySegment = async (orderId: number, segmentKey: string, opts: ApplyOptions = {}): Promise<ApplyOutcome> => {
    const order = (await strapi.db.query(UIDS.order).findOne({ where: { id: orderId } })) as OrderRecord | null;
    if (!order) return { state: 'missing' };
    try {
      return await inDocuments([order], async (done) =>
        (await applyHeld(order, [segmentKey], done, opts)).get(segmentKey)!
      );
    } catch (err) {
      if (err instanceof ClaimLost) return { state: 'already' as const, detail: err.message };
      throw err;
    }
  };

  return {
    applySegment,
    inDocuments,
    applyHeld,
    /**
     * For `applyHeld` calls to come in one slice (inside `inDocuments`, after the slice's records):
     * the source and target versions of their documents, and the job rows of their segments.
     */
    async readAhead(
      segments: Array<{ order: OrderRecord; segmentKey: string }>,
      recorded = new Map<number, Partial<JobRecord>>()
    ): Promise<SliceReads> {
      const wanted = [...new Map(segments.map((s) => [segmentKeyOf(s.order.id, s.segmentKey), s])).values()];
      const found = (await jobs().findMany({
        where: { $or: wanted.map((s) => ({ orderId: s.order.id, segmentKey: s.segmentKey })) },
        orderBy: [{ orderId: 'asc' }, { segmentKey: 'asc' }, { chunkIndex: 'asc' }],
      })) as JobRecord[];
      const rows = groupBy(
        found.map((row) => ({ ...row, ...recorded.get(row.id) })),
        (row) => segmentKeyOf(row.orderId, row.segmentKey)
      );
      const versions = await io.readVersions([...new Set(segments.map((s) => s.order))]);
      // The texts the writes will set, for the slugs they may derive from them.
      const writes: PlannedWrite[] = [];
      for (const { order, segmentKey } of wanted) {
        const segment = order.segments?.find((s) => s.key === segmentKey);
        const text = segment && translatedText(segment, rows.get(segmentKeyOf(order.id, segmentKey)) ?? []);
        const source = versions.get(io.versionKey(order.contentType, order.targetDocumentId, order.sourceLocale));
        if (text === null || text === undefined || !source) continue;
        const target =
          versions.get(io.versionKey(order.contentType, order.targetDocumentId, order.targetLocale)) ?? null;
        writes.push({ order, source, target, translations: Object.fromEntries(segment!.paths.map((p) => [p, text])) });
      }
      return { versions, uids: await io.readUids(writes), rows, recorded, approved: new Set() };
    },
    /** The slice's orders with an approved write that are now complete (see `SliceReads.approved`). */
    async completeOrders(reads: SliceReads, done: Set<OrderRecord>): Promise<void> {
      for (const complete of await io.completeIfDone([...reads.approved])) done.add(complete);
      reads.approved.clear();
    },
    /** Through the queue (what the review actions should call). */
    request: (orderId: number, segmentKey: string, opts: ApplyOptions = {}) =>
      queue.run(`apply:${orderId}:${segmentKey}:${opts.force ? 'force' : ''}`, () =>
        applySegment(orderId, segmentKey, opts)
      ),
  };
};

export class ClaimLost extends Error {
  constructor(id: number) {
    super(`job row ${id} was claimed by another writer`);
  }
}

export type Apply = ReturnType<typeof createApply>;
