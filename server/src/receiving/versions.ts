import type { Core } from '@strapi/strapi';
import type { Doc, GetComponent, Schema } from '../content';
import { buildDeepPopulate } from '../platform/populate';
import type { OrderRecord } from '../platform/records';

/** Document versions read ahead for a slice, by type, documentId and locale (null: no such version). */
export type VersionReads = Map<string, Doc | null>;

/**
 * The source and target versions of orders' documents, fully populated (components, zones,
 * media, relations' documentIds), one at a time or a slice's in one query per type and locale.
 */
export const createVersions = (
  strapi: Core.Strapi,
  { schema, getComponent }: { schema: (order: OrderRecord) => Schema; getComponent: GetComponent }
) => {
  const docs = (order: OrderRecord) => strapi.documents(order.contentType as any);
  const populate = (order: OrderRecord) => buildDeepPopulate(schema(order), getComponent) as any;

  const find = (order: OrderRecord, locale: string) =>
    docs(order).findOne({
      documentId: order.targetDocumentId,
      locale,
      status: 'draft',
      populate: populate(order),
    }) as Promise<Doc | null>;

  const versionKey = (uid: string, documentId: string, locale: string) => `${uid}|${documentId}|${locale}`;

  return {
    find,
    versionKey,

    /** A version from the slice's reads when it has it, else read now. */
    async version(order: OrderRecord, locale: string, reads?: VersionReads): Promise<Doc | null> {
      const key = versionKey(order.contentType, order.targetDocumentId, locale);
      if (reads?.has(key)) return reads.get(key)!;
      return find(order, locale);
    },

    /**
     * The source and target draft versions of several orders' documents, read in one query per
     * content type and locale (with the same deep populate as `version`) instead of two per order.
     * To be taken inside the documents' locks: a write drops its target from them.
     */
    async readVersions(orders: OrderRecord[]): Promise<VersionReads> {
      const wanted = new Map<string, { uid: string; locale: string; ids: Set<string>; order: OrderRecord }>();
      for (const order of orders) {
        for (const locale of [order.sourceLocale, order.targetLocale]) {
          const group = `${order.contentType}|${locale}`;
          if (!wanted.has(group)) wanted.set(group, { uid: order.contentType, locale, ids: new Set(), order });
          wanted.get(group)!.ids.add(order.targetDocumentId);
        }
      }
      const reads: VersionReads = new Map();
      for (const { uid, locale, ids, order } of wanted.values()) {
        const found = (await docs(order).findMany({
          filters: { documentId: { $in: [...ids] } },
          locale,
          status: 'draft',
          populate: populate(order),
        } as any)) as Doc[];
        for (const id of ids) reads.set(versionKey(uid, id, locale), null);
        for (const doc of found) reads.set(versionKey(uid, String(doc.documentId), locale), doc);
      }
      return reads;
    },
  };
};
