import type { Core } from '@strapi/strapi';
import { UIDS } from '../constants';
import type { Translations } from '../content';
import { groupBy } from '../platform/group-by';
import type { JobRecord, OrderRecord } from '../platform/records';
import { storeRowChanges } from '../platform/update-rows';
import type { DocumentLock } from './document-lock';
import { readAhead, segmentKeyOf, type SliceReads } from './read-ahead';
import { writtenHashesOf } from '../platform/written';
import { checkPaths, isStale, restoreText, segmentReadiness } from './segment-state';
import type { TargetIo } from './target';
import type { ApplyOptions, ApplyOutcome } from './outcome';
import { ordererRefusal } from './orderer';
import { ClaimLost, createSegmentRows, type Passed } from './segment-rows';
import { conflictNote, createWritePassed } from './write-passed';
import { rememberApproved } from './remember';

/**
 * Applying translations to the target locale, for callbacks, the poller and a reviewer alike, always
 * inside the documents' lock (document-lock.ts). For each segment:
 *
 *   ready? (every chunk reviewable/approved) → same revision already written? → restore (refused:
 *   `error`) → source changed since the order? (`stale`, nothing written) → target field edited by
 *   a person since we wrote it? (`conflict`, nothing written) → merge → Document Service update of
 *   the target draft → record the revision and the hashes of what was written.
 *
 * An order's segments that pass are written in one update (write-passed.ts). Exactly once per
 * revision: the revision hash (texts + status) is compared with the rows' `appliedHash`, and the
 * rows are claimed by a conditional UPDATE in the transaction of the write (segment-rows.ts; a
 * revision claimed meanwhile by another writer throws ClaimLost, which rolls the write back). The
 * target is read inside the lock.
 */
export type { ApplyState, ApplyOutcome, ApplyOptions } from './outcome';
export { ClaimLost } from './segment-rows';

const HELD =
  'Awaiting review: this type has no draft, so the translation is written once approved (shown in the review meanwhile)';

export const createApply = (strapi: Core.Strapi, { io, lock }: { io: TargetIo; lock: DocumentLock }) => {
  const segmentRows = createSegmentRows(strapi);
  const { writePassed, refusedKey } = createWritePassed({ strapi, io, rows: segmentRows });
  const mark = segmentRows.mark;

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
      const rows = await segmentRows.of(order, segment.key, reads);
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
            strapi,
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
        await segmentRows.markConflict(order, segment.key, rows, note);
        outcomes.set(segment.key, { state: 'conflict', detail: note });
        continue;
      }
      const toWrite = verdicts.filter((v) => v.verdict === 'write').map((v) => v.path);
      const kept = verdicts.filter((v) => v.verdict === 'keep').map((v) => v.path);
      if (facts.some((f) => f.located?.ok === false && f.located.code === 'moved' && toWrite.includes(f.path)))
        acceptMoved = true;
      passed.push({ segment, rows, ready, kept, translations: Object.fromEntries(toWrite.map((p) => [p, value])) });
    }

    if (passed.length && source) {
      await writePassed(order, source, target, passed, reads, outcomes, acceptMoved);
      await rememberApproved(strapi, order, passed, outcomes);
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
