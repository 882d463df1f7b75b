import type { MemoryOrigin } from '../../../shared/contracts/memory';
import type { MemoryRecord } from './store';

/**
 * Which segments of a plan a remembered translation stands in for. Pure: the rows are read by the
 * caller. A hit needs the same protected text (the key), as many chunks as the plan cuts the
 * segment into (the same split, so each chunk's text goes on its own job row), and a tier at
 * least the one ordered (a standard translation does not stand in for a pro order).
 */

export interface ReuseHit {
  chunks: string[];
  origin: MemoryOrigin;
}

export interface SegmentToReuse {
  key: string;
  memoryKey: string;
  chunkCount: number;
}

const TIER_RANK: Record<string, number> = { standard: 0, pro: 1 };

const rank = (tier: string | null | undefined) => TIER_RANK[String(tier ?? 'standard')] ?? 0;

export const originOf = (m: MemoryRecord): MemoryOrigin => ({
  memoryId: m.id,
  orderId: m.orderId ?? null,
  contentType: m.contentType ?? null,
  documentId: m.entryDocumentId ?? null,
  paths: m.paths ?? [],
  gengoJobIds: m.gengoJobIds ?? [],
  tier: m.tier ?? null,
  approvedAt: m.approvedAt ? new Date(m.approvedAt).toISOString() : null,
  units: Number(m.units ?? 0),
});

export const matchHits = (
  segments: SegmentToReuse[],
  tier: string,
  found: Map<string, MemoryRecord>
): Map<string, ReuseHit> => {
  const hits = new Map<string, ReuseHit>();
  for (const s of segments) {
    const m = found.get(s.memoryKey);
    if (!m || !Array.isArray(m.chunks) || m.chunks.length !== s.chunkCount) continue;
    if (m.chunks.some((c) => typeof c !== 'string') || rank(m.tier) < rank(tier)) continue;
    hits.set(s.key, { chunks: m.chunks, origin: originOf(m) });
  }
  return hits;
};
