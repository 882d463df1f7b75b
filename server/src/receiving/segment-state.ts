import {
  legacyValueHash,
  ownerOf,
  valueHash,
  type LeafLocation,
  extractSegments,
  getAt,
  joinChunks,
  parsePath,
  restoreSegment,
  sha256Hex,
  type Doc,
  type GetComponent,
  type Schema,
  type Translations,
} from '../content';
import { TRANSLATED, type BaselineEntry, type OrderedSegment, type Resolution } from '../platform/records';

/**
 * Pure decisions of the apply step, tested without Strapi: is a segment ready, which revision is
 * it (exactly-once), was a field edited by a person since we wrote it (conflict), did the source
 * change since the order (stale).
 */

export interface ChunkState {
  chunkIndex: number;
  gengoStatus: string | null;
  bodyTgt: string | null;
}

export type Readiness =
  | { ready: false; reason: string }
  | { ready: true; chunks: string[]; status: 'reviewable' | 'approved'; revision: string };

/**
 * A segment can be written once every chunk has a translation (reviewable or approved). Its
 * revision hash covers the texts and the status: the same revision delivered again writes nothing,
 * an approval of the same text is a new revision (the entry's mark changes from review to final).
 */
export const segmentReadiness = (segment: Pick<OrderedSegment, 'separators'>, rows: ChunkState[]): Readiness => {
  const expected = (segment.separators?.length ?? 0) + 1;
  const sorted = [...rows].sort((a, b) => a.chunkIndex - b.chunkIndex);
  if (sorted.length !== expected || sorted.some((r, i) => r.chunkIndex !== i)) {
    return {
      ready: false,
      reason: `expected chunks 0..${expected - 1}, have ${sorted.map((r) => r.chunkIndex).join(',') || 'none'}`,
    };
  }
  const waiting = sorted.filter(
    (r) => !r.gengoStatus || !TRANSLATED.has(r.gengoStatus) || typeof r.bodyTgt !== 'string'
  );
  if (waiting.length)
    return { ready: false, reason: `chunks ${waiting.map((r) => r.chunkIndex).join(',')} not translated yet` };
  const chunks = sorted.map((r) => r.bodyTgt as string);
  const status = sorted.every((r) => r.gengoStatus === 'approved') ? 'approved' : 'reviewable';
  return { ready: true, chunks, status, revision: revisionHash(chunks, status) };
};

export const revisionHash = (chunks: string[], status: string): string => sha256Hex(JSON.stringify([status, chunks]));

/**
 * Hash of a field's value: of what we wrote, to tell a person's later edit from ours. Key order
 * does not count, so the hash of the data sent equals the hash of the value read back.
 */
export { valueHash };

export const hashPaths = (doc: Doc | null | undefined, paths: string[]): Record<string, string> =>
  Object.fromEntries(paths.map((p) => [p, valueHash(getAt(doc, parsePath(p)))]));

/** Paths whose current target value is not what the plugin last wrote there (never written: not a conflict). */
export const editedPaths = (
  target: Doc | null | undefined,
  paths: string[],
  lastWritten: Record<string, string>
): string[] =>
  paths.filter((p) => {
    if (lastWritten[p] === undefined) return false;
    const current = getAt(target, parsePath(p));
    return lastWritten[p] !== valueHash(current) && lastWritten[p] !== legacyValueHash(current);
  });

/** Whether every path has a value in `doc` (then its hashes can be taken from it). */
export const hasAllPaths = (doc: Doc | null | undefined, paths: string[]): boolean =>
  paths.every((p) => getAt(doc, parsePath(p)) !== undefined);

/**
 * Whether the source still holds, at the segment's paths, the text that was ordered: the current
 * source is extracted again and the segment holding the first path must have the ordered hash and
 * every path of the order.
 */
export const isStale = (
  segment: Pick<OrderedSegment, 'paths' | 'sourceHash'>,
  schema: Schema,
  source: Doc,
  getComponent: GetComponent
): boolean => {
  const current = extractSegments(schema, source, getComponent);
  return !segment.paths.every((p) => current.some((s) => s.hash === segment.sourceHash && s.paths.includes(p)));
};

/** Latest value hash per path over several jobs' `writtenHashes`, oldest first in `entries`. */
export const lastWrittenHashes = (entries: Array<Record<string, string> | null | undefined>): Record<string, string> =>
  Object.assign({}, ...entries.filter(Boolean));

/** A segment's chunks joined and restored, or why not (`note`: what its rows are marked with). */
export const restoreText = (
  segment: Pick<OrderedSegment, 'separators' | 'protected'>,
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

/** The restored translation of a segment whose chunks are all in, else null (the apply step says why). */
export const translatedText = (segment: OrderedSegment, rows: ChunkState[]): Translations[string] | null => {
  const ready = segmentReadiness(segment, rows);
  if (ready.ready === false) return null;
  const restored = restoreText(segment, ready.chunks);
  return restored.ok ? restored.value : null;
};

/** What the apply step does with one translated path of a segment. */
export type PathVerdict =
  | { path: string; verdict: 'write' }
  | { path: string; verdict: 'keep' }
  | { path: string; verdict: 'conflict'; reason: string; targetPath?: string; current?: unknown };

export interface PathFacts {
  path: string;
  /** Where the leaf is in the target now (`locateLeaf`); undefined: no target version yet. */
  located?: LeafLocation;
  /** The source's value at the leaf (an untranslated copy is nobody's words). */
  sourceValue: unknown;
  /** The target's value at the located path itself (earlier versions hashed a text block whole). */
  raw?: unknown;
}

/**
 * A person's words are final: per path, write, keep (a reviewer kept the person's text) or
 * conflict. A conflict: the leaf's place cannot be told (removed, moved, changed structure), or it
 * holds text the plugin did not write (there before the order, or written by a person while at
 * Gengo, or edited since the plugin wrote it), unless the orderer chose to replace exactly that
 * text (`replaceExisting`, the baseline's hash) or a reviewer took the translation for it.
 */
export const checkPaths = (
  facts: PathFacts[],
  ctx: {
    written: Record<string, string>;
    baseline?: Record<string, BaselineEntry> | null;
    resolutions?: Record<string, Resolution> | null;
    replaceExisting?: boolean;
    force?: boolean;
  }
): PathVerdict[] =>
  facts.map(({ path, located, sourceValue, raw }): PathVerdict => {
    const choice = ctx.resolutions?.[path]?.choice;
    if (!ctx.force && choice === 'keep') return { path, verdict: 'keep' };
    if (ctx.force || !located) return { path, verdict: 'write' };
    if (located.ok === false) {
      if (located.code === 'moved' && choice === 'take') return { path, verdict: 'write' };
      return {
        path,
        verdict: 'conflict',
        reason: located.reason,
        targetPath: located.targetPath,
        current: located.current,
      };
    }
    if (located.createAt !== undefined || choice === 'take') return { path, verdict: 'write' };
    const { targetPath, current } = located;
    const written = [ctx.written[targetPath], ctx.written[path]];
    const owner = ownerOf(current, sourceValue, written, raw);
    if (owner !== 'person') return { path, verdict: 'write' };
    const before = ctx.baseline?.[path];
    const hash = valueHash(current);
    if (ctx.replaceExisting && before && (before.hash === hash || legacyValueHash(current) === before.hash))
      return { path, verdict: 'write' };
    const reason = written.some(Boolean)
      ? `${targetPath}: edited by a person since the plugin wrote it`
      : before && before.hash === hash
        ? `${targetPath}: a person's text was there before the order`
        : `${targetPath}: written by a person while the translation was at Gengo`;
    return { path, verdict: 'conflict', reason, targetPath, current };
  });
