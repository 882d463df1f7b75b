import type { Core } from '@strapi/strapi';
import { uidBase, type Doc, type Schema, type Translations } from '../content';
import type { OrderRecord } from '../platform/records';

/**
 * Uid values (slugs) read ahead for a slice's writes, by type, locale and field: every value
 * starting with one of `bases`, with its document. Writes of the slice add what they set.
 */
export type UidReads = Map<string, { bases: Set<string>; values: Array<{ documentId: string; value: string }> }>;

/** What one write of a slice will merge (for reading its uid values ahead). */
export interface PlannedWrite {
  order: OrderRecord;
  source: Doc;
  target: Doc | null;
  translations: Translations;
}

/**
 * The slugs a write must not take: the values of its uid fields that other documents of the
 * target locale already use, read in one query per type, locale and field for a slice.
 */
export const createUidReads = (strapi: Core.Strapi, schema: (order: OrderRecord) => Schema) => {
  /** Per uid field (slug) this write may set, the base it is made from (`uidBase`, as the merge does). */
  const uidBases = ({ order, source, target, translations }: PlannedWrite): Array<{ key: string; base: string }> => {
    const out: Array<{ key: string; base: string }> = [];
    for (const [key, attribute] of Object.entries(schema(order).attributes)) {
      if (attribute.type !== 'uid') continue;
      const field = attribute.targetField;
      // An existing target's uid is only rewritten with its translated field.
      if (target && typeof (field ? translations[field] : undefined) !== 'string') continue;
      const base = uidBase(key, attribute, source, target, translations);
      if (base) out.push({ key, base });
    }
    return out;
  };

  const uidKey = (order: OrderRecord, key: string) => `${order.contentType}|${order.targetLocale}|${key}`;

  /** Uid values starting with one of `bases` in the target locale (one query), with their documents. */
  const readUidValues = async (order: OrderRecord, key: string, bases: Iterable<string>) => {
    const rows = await strapi.db.query(order.contentType as any).findMany({
      where: { locale: order.targetLocale, $or: [...bases].map((b) => ({ [key]: { $startsWith: b } })) },
      select: [key, 'documentId'],
    });
    return rows
      .filter((r: any) => typeof r[key] === 'string')
      .map((r: any) => ({ documentId: String(r.documentId), value: r[key] as string }));
  };

  return {
    /**
     * Values of the document's uid fields (slugs) already used by other documents of the target
     * locale, for the uids this write may set: only those starting with a base it could use. From
     * the slice's reads when they cover the bases, else read now.
     */
    async takenUids(write: PlannedWrite, uids?: UidReads) {
      const out: Record<string, string[]> = {};
      for (const { key, base } of uidBases(write)) {
        const ahead = uids?.get(uidKey(write.order, key));
        const values = ahead?.bases.has(base) ? ahead.values : await readUidValues(write.order, key, [base]);
        out[key] = values
          .filter((v) => v.documentId !== write.order.targetDocumentId && v.value.startsWith(base))
          .map((v) => v.value);
      }
      return out;
    },

    /**
     * For the writes a slice is about to make: the uid values (slugs) of their target locales
     * starting with any base they could use, in one query per content type, locale and field
     * (instead of one per write).
     */
    async readUids(writes: PlannedWrite[]): Promise<UidReads> {
      const wanted = new Map<string, { order: OrderRecord; key: string; bases: Set<string> }>();
      for (const write of writes) {
        for (const { key, base } of uidBases(write)) {
          const k = uidKey(write.order, key);
          if (!wanted.has(k)) wanted.set(k, { order: write.order, key, bases: new Set() });
          wanted.get(k)!.bases.add(base);
        }
      }
      const uids: UidReads = new Map();
      for (const [k, { order, key, bases }] of wanted)
        uids.set(k, { bases, values: await readUidValues(order, key, bases) });
      return uids;
    },

    /** The slice's later writes see the uids this one set. */
    noteWritten(order: OrderRecord, data: Doc, uids?: UidReads) {
      for (const [key, value] of Object.entries(data)) {
        const ahead = uids?.get(uidKey(order, key));
        if (ahead && typeof value === 'string') ahead.values.push({ documentId: order.targetDocumentId, value });
      }
    },
  };
};
