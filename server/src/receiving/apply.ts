import type { Core } from '@strapi/strapi';
import { UIDS } from '../constants';
import type { Translations } from '../content';
import { groupBy } from '../platform/group-by';
import type { HistoryEntry, JobRecord, OrderedSegment, OrderRecord } from '../platform/records';
import { storeRowChanges } from '../platform/update-rows';
import { userAccess } from '../platform/content-permissions';
import { announceApplied, announceConflict } from './announce';
import type { DocumentLock } from './document-lock';
import { readAhead, segmentKeyOf, type SliceReads } from './read-ahead';
import { errors } from '@strapi/utils';
import { sha256Hex, type Doc } from '../content';
import { writtenHashesOf } from '../platform/written';
import { checkPaths, isStale, restoreText, segmentReadiness, type Readiness } from './segment-state';
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
  'waiting' | 'applied' | 'already' | 'held' | 'conflict' | 'stale' | 'error' | 'needs_review' | 'missing';
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

/** A segment that passed every check: its rows, its revision and what it writes (and keeps). */
interface Passed {
  segment: OrderedSegment;
  rows: JobRecord[];
  ready: Extract<Readiness, { ready: true }>;
  translations: Translations;
  /** Paths where a reviewer kept the person's text: not written. */
  kept: string[];
}

const HELD =
  'Awaiting review: this type has no draft, so the translation is written once approved (shown in the review meanwhile)';

export const createApply = (strapi: Core.Strapi, { io, lock }: { io: TargetIo; lock: DocumentLock }) => {
  const jobs = () => strapi.db.query(UIDS.job);

  const withHistory = (row: JobRecord, status: string, note?: string) => {
    const history = [...(row.history ?? [])];
    const last = history[history.length - 1];
    if (!last || last.status !== status || last.note !== note)
      history.push({ at: new Date().toISOString(), status, ...(note ? { note } : {}) } as HistoryEntry);
    return history.slice(-MAX_HISTORY);
  };

  /**
   * Marks every row of the segment (conflict, stale, error, needs_review; reviewable: held) without writing the
   * entry. `refusedHash`: a refused write's, so that the same revision is not tried again.
   */
  const mark = async (
    rows: JobRecord[],
    status: 'conflict' | 'stale' | 'error' | 'needs_review' | 'reviewable',
    note: string,
    refusedHash: string | null = null
  ) => {
    const changed: JobRecord[] = [];
    for (const row of rows) {
      // Held for review is no error: the note goes to the history only.
      const lastError = status === 'reviewable' ? null : note;
      if (row.status === status && row.lastError === lastError && (row.refusedHash ?? null) === refusedHash) continue;
      await jobs().updateMany({
        where: { id: row.id },
        data: { status, lastError, refusedHash, history: withHistory(row, status, note) },
      });
      changed.push(row);
    }
    return changed;
  };

  /** A segment's rows marked conflict; announced when that is news (not a callback repeated). */
  const markConflict = async (order: OrderRecord, segmentKey: string, rows: JobRecord[], note: string) => {
    const changed = await mark(rows, 'conflict', note);
    if (changed.some((r) => r.status !== 'conflict')) await announceConflict(strapi, order, segmentKey, rows);
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
  const claim = async ({ rows, ready, kept }: Passed, hashes: Record<string, string>, reads: SliceReads, now: Date) => {
    // The claim and the outcome in one statement: only one writer per revision, whoever else (a
    // callback, the poller, another instance) races. It runs in the write's transaction, so a
    // revision claimed meanwhile rolls the write back (ClaimLost).
    const note = ready.status === 'approved' ? 'final translation written' : 'written to the draft, awaiting review';
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
          refusedHash: null,
          history: withHistory(
            row,
            ready.status,
            kept.length ? `${note}; kept the person's text at ${kept.join(', ')}` : note
          ),
        },
      });
      if (!count) throw new ClaimLost(row.id);
      reads.recorded.delete(row.id);
    }
  };

  /** What Strapi refused, by the paths its ValidationError names (`seo.metaTitle`, `sections.0.title`). */
  const refusedBy = (err: any): Array<{ path: string; message: string }> =>
    ((err?.details?.errors ?? []) as Array<{ path?: unknown; message?: unknown }>).map((e) => ({
      path: (Array.isArray(e.path) ? e.path : [e.path]).filter((t) => t !== undefined).join('.'),
      message: String(e.message ?? err.message),
    }));

  /** Whether a written target path is the refused one, or under it, or holds it. */
  const touches = (targetPath: string, refused: string) => {
    const a = targetPath.replace(/\[(\d+)\]/g, '.$1');
    return a === refused || a.startsWith(`${refused}.`) || refused.startsWith(`${a}.`);
  };

  const isValidationError = (err: any) => err?.name === 'ValidationError' || err instanceof errors.ValidationError;

  /**
   * The segments that passed written in one update. A write Strapi refuses (maxLength, regex,
   * unique, required) marks the segments of the refused fields `error` with its message and a
   * `refusedHash` (not tried again until the text or the schema changes), and the rest is written
   * again without them. Strapi validates before its first statement, so the refused attempt left
   * nothing to roll back.
   */
  const writePassed = async (
    order: OrderRecord,
    source: Doc,
    target: Doc | null,
    passed: Passed[],
    reads: SliceReads,
    outcomes: Map<string, ApplyOutcome>,
    acceptMoved: boolean
  ): Promise<Passed[]> => {
    let left = passed;
    for (;;) {
      const translations: Translations = Object.assign({}, ...left.map((p) => p.translations));
      if (!Object.keys(translations).length) {
        const now = new Date();
        for (const p of left) {
          await claim(p, {}, reads, now);
          outcomes.set(p.segment.key, { state: 'applied', detail: `${p.ready.status} (kept)` });
          if (p.ready.status === 'approved') reads.approved.add(order);
        }
        return left;
      }
      let result: Awaited<ReturnType<TargetIo['write']>>;
      try {
        result = await io.write(order, source, target, translations, reads, acceptMoved);
      } catch (err: any) {
        if (!isValidationError(err)) throw err;
        const refused = refusedBy(err);
        const hit = left.filter((p) =>
          Object.keys(p.translations).some((path) => refused.some((r) => touches(path, r.path)))
        );
        // Not told which field: every segment of the write is refused (never a retry loop).
        const blamed = hit.length ? hit : left;
        for (const p of blamed) {
          const mine = refused.filter((r) => Object.keys(p.translations).some((path) => touches(path, r.path)));
          const note = `Refused by Strapi: ${(mine.length ? mine : refused).map((r) => `${r.path || 'entry'}: ${r.message}`).join('; ') || err.message}`;
          await mark(p.rows, 'error', note, refusedKey(order, p.ready.revision));
          outcomes.set(p.segment.key, { state: 'error', detail: note });
        }
        left = left.filter((p) => !blamed.includes(p));
        if (!left.length) return [];
        continue;
      }
      // Leaves that could not be placed after all: their segments are conflicts, not written.
      const unplaced = new Set(result.conflicts.map((c) => c.path));
      const now = new Date();
      let doc: Doc | null = result.data;
      for (const p of left) {
        const paths = Object.keys(p.translations);
        const conflicts = result.conflicts.filter((c) => paths.includes(c.path));
        if (conflicts.length) {
          const note = conflictNote(conflicts.map((c) => `${c.path}: ${c.reason}`));
          await markConflict(order, p.segment.key, p.rows, note);
          outcomes.set(p.segment.key, { state: 'conflict', detail: note });
          continue;
        }
        const leaves = result.written.filter((w) => w.translated && paths.includes(w.path) && !unplaced.has(w.path));
        let hashes = io.leafHashes(order, doc, leaves);
        if (!hashes && doc === result.data) hashes = io.leafHashes(order, (doc = await io.readTarget(order)), leaves);
        await claim(p, hashes ?? {}, reads, now);
        await announceApplied(strapi, order, {
          segmentKey: p.segment.key,
          rows: p.rows,
          fields: Object.keys(p.translations),
          status: p.ready.status,
        });
        outcomes.set(p.segment.key, { state: 'applied', detail: p.ready.status });
        // Only an approved write can be an order's last one.
        if (p.ready.status === 'approved') reads.approved.add(order);
      }
      return left;
    }
  };

  const refusedKey = (order: OrderRecord, revision: string) => sha256Hex(`${revision}:${io.schemaHash(order)}`);

  const conflictNote = (reasons: string[]) =>
    `Not written, a person's words are kept until a reviewer decides: ${reasons.join('; ')}`;

  /**
   * The segments of one order written in one Document Service update: each checked on its own
   * (ready? already written? refused before? held for review? restorable? source changed? a
   * person's text there?), the ones that pass merged together, then each one's rows claimed with
   * the hashes of what it wrote.
   */
  const applyOrder = async (
    order: OrderRecord,
    segmentKeys: string[],
    opts: ApplyOptions,
    reads: SliceReads
  ): Promise<Map<string, ApplyOutcome>> => {
    const keys = [...new Set(segmentKeys)];
    const outcomes = new Map<string, ApplyOutcome>();
    const candidates: Array<Omit<Passed, 'translations' | 'kept'> & { value: Translations[string] }> = [];
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
      if (!opts.force && rows.every((r) => r.refusedHash && r.refusedHash === refusedKey(order, ready.revision))) {
        outcomes.set(segment.key, { state: 'error', detail: 'refused by Strapi before: not tried again' });
        continue;
      }
      if (ready.status === 'reviewable' && !io.hasDrafts(order)) {
        // No draft to hold it: what is written is live. The text waits on the rows, shown in review.
        await mark(rows, 'reviewable', HELD);
        outcomes.set(segment.key, { state: 'held', detail: HELD });
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
    const written = candidates.length && target ? await writtenHashesOf(strapi, order) : {};
    const resolutions = order.resolutions ?? {};
    // Written where a person moved its entry: on a reviewer's word only (force, or `take` on that path).
    let acceptMoved = !!opts.force;
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
      const facts = io.facts(order, source, target, segment.paths, !!opts.force);
      const verdicts = checkPaths(facts, {
        written,
        baseline: order.baseline,
        resolutions,
        replaceExisting: order.options?.replaceExisting === true,
        force: opts.force,
      });
      const conflicts = verdicts.filter((v) => v.verdict === 'conflict');
      if (conflicts.length) {
        const note = conflictNote(conflicts.map((c) => (c as { reason: string }).reason));
        await markConflict(order, segment.key, rows, note);
        outcomes.set(segment.key, { state: 'conflict', detail: note });
        continue;
      }
      const toWrite = verdicts.filter((v) => v.verdict === 'write').map((v) => v.path);
      const kept = verdicts.filter((v) => v.verdict === 'keep').map((v) => v.path);
      if (facts.some((f) => f.located?.ok === false && f.located.code === 'moved' && toWrite.includes(f.path)))
        acceptMoved = true;
      passed.push({ segment, rows, ready, kept, translations: Object.fromEntries(toWrite.map((p) => [p, value])) });
    }

    if (passed.length && source) await writePassed(order, source, target, passed, reads, outcomes, acceptMoved);
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
