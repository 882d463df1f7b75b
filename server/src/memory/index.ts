import type { Core } from '@strapi/strapi';
import type { MemoryCleared, MemoryList } from '../../../shared/contracts/memory';
import type { JobRecord, OrderedSegment, OrderRecord } from '../platform/records';
import { matchHits, type ReuseHit } from './reuse';
import { createMemoryStore, memoryKeyOf } from './store';

/**
 * Translation memory (issue 22, "never pay twice"): a segment's approved translation is kept per
 * language pair and its exact protected source text (receiving remembers it when an approved
 * segment is applied); ordering asks for the segments it would send and orders only the others.
 */

/** One target of an order, as ordering asks about it. */
export interface MemoryAsk {
  lcSrc: string;
  lcTgt: string;
  tier: string;
  segments: Array<Pick<OrderedSegment, 'key' | 'protected'> & { chunkCount: number }>;
}

const createMemoryService = ({ strapi }: { strapi: Core.Strapi }) => {
  const store = createMemoryStore(strapi);

  return {
    /** Per ask, the segments a remembered translation stands in for (one query for all). */
    async hits(asks: MemoryAsk[]): Promise<Array<Map<string, ReuseHit>>> {
      const keyed = asks.map((a) =>
        a.segments.map((s) => ({
          key: s.key,
          chunkCount: s.chunkCount,
          memoryKey: memoryKeyOf(a.lcSrc, a.lcTgt, s.protected.text),
        }))
      );
      const rows = await store.findByKeys(keyed.flat().map((s) => s.memoryKey));
      const found = new Map(rows.map((r) => [r.memoryKey, r]));
      return asks.map((a, i) => matchHits(keyed[i], a.tier, found));
    },

    /**
     * An approved segment written (or kept) by the receiving side: its chunks remembered. A segment
     * that was itself reused is not remembered again (its origin stays the first approval).
     */
    async remember(order: OrderRecord, segment: OrderedSegment, chunks: string[], rows: JobRecord[]) {
      if (rows.some((r) => r.reusedFrom)) return;
      await store.upsert({
        protectedText: segment.protected.text,
        lcSrc: order.lcSrc,
        lcTgt: order.lcTgt,
        chunks,
        units: rows.reduce((sum, r) => sum + Number(r.unitCount ?? 0), 0),
        credits: Math.round(rows.reduce((sum, r) => sum + Number(r.credits ?? 0), 0) * 100) / 100,
        tier: order.tier,
        contentType: order.contentType,
        entryDocumentId: order.targetDocumentId,
        paths: segment.paths,
        orderId: order.id,
        gengoJobIds: [...new Set(rows.flatMap((r) => (r.gengoJobId ? [r.gengoJobId] : [])))],
        approvedAt: new Date().toISOString(),
      });
    },

    /** `GET /gengo/memory` */
    async list(filter: { lcSrc?: string; lcTgt?: string } = {}): Promise<MemoryList> {
      return { pairs: await store.pairs(filter) };
    },

    /** `DELETE /gengo/memory`: one pair forgotten; later orders of it are ordered from Gengo. */
    async clear(lcSrc: string, lcTgt: string): Promise<MemoryCleared> {
      return { sourceLang: lcSrc, targetLang: lcTgt, deleted: await store.clearPair(lcSrc, lcTgt) };
    },
  };
};

export type MemoryService = ReturnType<typeof createMemoryService>;
export type { ReuseHit } from './reuse';
export default createMemoryService;
