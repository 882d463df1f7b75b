import { errors } from '@strapi/utils';
import { sha256Hex, type Doc, type Translations } from '../content';
import type { OrderRecord } from '../platform/records';
import type { ApplyOutcome } from './outcome';
import type { SliceReads } from './read-ahead';
import type { Passed, SegmentRows } from './segment-rows';
import type { TargetIo } from './target';

/**
 * The segments of one order that passed their checks, written in one Document Service update
 * (target.ts), each one's rows then claimed with the hashes of what it wrote. A write Strapi
 * refuses is retried without the refused fields.
 */

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

export const conflictNote = (reasons: string[]) =>
  `Not written, a person's words are kept until a reviewer decides: ${reasons.join('; ')}`;

export const createWritePassed = ({ io, rows }: { io: TargetIo; rows: SegmentRows }) => {
  /** A refused write's key: the same revision is not tried again under the same schema. */
  const refusedKey = (order: OrderRecord, revision: string) => sha256Hex(`${revision}:${io.schemaHash(order)}`);

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
          await rows.claim(p, {}, reads, now);
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
          await rows.mark(p.rows, 'error', note, refusedKey(order, p.ready.revision));
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
          await rows.mark(p.rows, 'conflict', note);
          outcomes.set(p.segment.key, { state: 'conflict', detail: note });
          continue;
        }
        const leaves = result.written.filter((w) => w.translated && paths.includes(w.path) && !unplaced.has(w.path));
        let hashes = io.leafHashes(order, doc, leaves);
        if (!hashes && doc === result.data) hashes = io.leafHashes(order, (doc = await io.readTarget(order)), leaves);
        await rows.claim(p, hashes ?? {}, reads, now);
        outcomes.set(p.segment.key, { state: 'applied', detail: p.ready.status });
        // Only an approved write can be an order's last one.
        if (p.ready.status === 'approved') reads.approved.add(order);
      }
      return left;
    }
  };

  return { writePassed, refusedKey };
};
