import { joinChunks, restoreSegment } from '../content';
import type { OrderedSegment } from '../platform/records';
import type { RestoredView } from '../../../shared/contracts/review';

/**
 * What a reviewer reads: the translator's text of a whole segment with our protected markup put
 * back (markers replaced by the stored parts), computed the way the apply step restores it. A
 * refusal carries the reason, so the review shows Gengo's raw text with a warning instead.
 */
export type { RestoredView };

export interface ChunkText {
  chunkIndex: number;
  bodyTgt: string | null;
}

export const restoredView = (
  segment: Pick<OrderedSegment, 'kind' | 'protected' | 'separators'> | undefined,
  chunks: ChunkText[]
): RestoredView => {
  if (!segment) return { ok: false, reason: 'the order no longer holds this segment' };
  const expected = (segment.separators?.length ?? 0) + 1;
  const sorted = [...chunks].sort((a, b) => a.chunkIndex - b.chunkIndex);
  const missing = Array.from({ length: expected }, (_, i) => i).filter(
    (i) => typeof sorted.find((c) => c.chunkIndex === i)?.bodyTgt !== 'string'
  );
  if (missing.length)
    return { ok: false, reason: `no translation yet for part ${missing.map((i) => i + 1).join(', ')} of ${expected}` };
  let joined: string;
  try {
    joined = joinChunks(
      Array.from({ length: expected }, (_, i) => sorted.find((c) => c.chunkIndex === i)!.bodyTgt as string),
      segment.separators ?? []
    );
  } catch (err: any) {
    return { ok: false, reason: err.message };
  }
  const restored = restoreSegment(segment.protected, joined);
  if (restored.ok === false) return { ok: false, reason: restored.reason };
  return { ok: true, kind: segment.kind, value: restored.value, chunks: expected };
};
