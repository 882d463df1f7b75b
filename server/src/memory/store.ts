import type { Core } from '@strapi/strapi';
import { sha256Hex } from '../content';
import { UIDS } from '../constants';
import { isUniqueViolation } from '../platform/unique-violation';
import type { MemoryPair } from '../../../shared/contracts/memory';

/** The rows of plugin::gengo.memory (records, not documents: `strapi.db.query`). */

export interface MemoryRecord {
  id: number;
  memoryKey: string;
  lcSrc: string;
  lcTgt: string;
  sourceHash: string;
  chunks: string[];
  units: number | null;
  credits: number | string | null;
  tier: string | null;
  contentType: string | null;
  entryDocumentId: string | null;
  paths: string[] | null;
  orderId: number | null;
  gengoJobIds: string[] | null;
  approvedAt: string | null;
}

export type NewMemory = Omit<MemoryRecord, 'id' | 'memoryKey' | 'sourceHash'> & { protectedText: string };

/** One key per (pair, protected source text): the exact text Gengo was sent, markers included. */
export const memoryKeyOf = (lcSrc: string, lcTgt: string, protectedText: string) =>
  `${lcSrc}|${lcTgt}|${sha256Hex(protectedText)}`;

export const createMemoryStore = (strapi: Core.Strapi) => {
  const rows = () => strapi.db.query(UIDS.memory as any);

  return {
    async findByKeys(keys: string[]): Promise<MemoryRecord[]> {
      if (!keys.length) return [];
      return (await rows().findMany({ where: { memoryKey: { $in: [...new Set(keys)] } } })) as MemoryRecord[];
    },

    /**
     * Insert, or replace the text of the same key (a later approval wins). Idempotent: the same
     * approval delivered again writes the same row; two writers racing on a new key meet the
     * unique index and the loser updates.
     */
    async upsert(m: NewMemory): Promise<MemoryRecord> {
      const { protectedText, ...rest } = m;
      const memoryKey = memoryKeyOf(m.lcSrc, m.lcTgt, protectedText);
      const data = { ...rest, memoryKey, sourceHash: sha256Hex(protectedText) };
      const existing = (await rows().findOne({ where: { memoryKey } })) as MemoryRecord | null;
      if (existing) return (await rows().update({ where: { id: existing.id }, data })) as MemoryRecord;
      try {
        return (await rows().create({ data })) as MemoryRecord;
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
        return (await rows().update({ where: { memoryKey }, data })) as MemoryRecord;
      }
    },

    /** Language pairs with their segment and unit counts (optionally one source or target). */
    async pairs(filter: { lcSrc?: string; lcTgt?: string }): Promise<MemoryPair[]> {
      const table = strapi.db.metadata.get(UIDS.memory as any).tableName;
      const q = strapi.db
        .connection(table)
        .select({ sourceLang: 'lc_src', targetLang: 'lc_tgt' })
        .count({ segments: '*' })
        .sum({ units: 'units' })
        .groupBy('lc_src', 'lc_tgt')
        .orderBy(['lc_src', 'lc_tgt']);
      if (filter.lcSrc) q.where('lc_src', filter.lcSrc);
      if (filter.lcTgt) q.where('lc_tgt', filter.lcTgt);
      const found = (await q) as Array<Record<string, unknown>>;
      return found.map((r) => ({
        sourceLang: String(r.sourceLang),
        targetLang: String(r.targetLang),
        segments: Number(r.segments ?? 0),
        units: Number(r.units ?? 0),
      }));
    },

    async clearPair(lcSrc: string, lcTgt: string): Promise<number> {
      const { count } = await rows().deleteMany({ where: { lcSrc, lcTgt } });
      return Number(count ?? 0);
    },
  };
};

export type MemoryStore = ReturnType<typeof createMemoryStore>;
