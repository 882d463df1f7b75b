import type { Core } from '@strapi/strapi';
import { PLUGIN_ID, UIDS } from '../constants';
import { buildTargetData, slugify, type Doc, type GetComponent, type Schema, type Translations } from '../content';
import { buildDeepPopulate } from '../orders/populate';
import { relationRefs } from '../receiving/relations';
import { hasAllPaths } from '../receiving/segment-state';
import type { JobRecord, OrderRecord } from '../records/types';
import { asPluginWrite } from '../utils/plugin-writes';

/** Document versions read ahead for a slice, by type, documentId and locale (null: no such version). */
export type VersionReads = Map<string, Doc | null>;

/**
 * The entry side of applying: reads the source and target locale versions (fully populated),
 * writes the merged target draft through the Document Service, and after a write, completes the
 * order and (per-site option) publishes the target.
 */
export const createTargetIo = (strapi: Core.Strapi) => {
  const getComponent: GetComponent = (uid) => strapi.getModel(uid as any) as unknown as Schema | undefined;
  const schema = (order: OrderRecord) => strapi.getModel(order.contentType as any) as unknown as Schema;
  const docs = (order: OrderRecord) => strapi.documents(order.contentType as any);
  const populate = (order: OrderRecord) => buildDeepPopulate(schema(order), getComponent) as any;

  const find = (order: OrderRecord, locale: string, status: 'draft' | 'published' = 'draft') =>
    docs(order).findOne({ documentId: order.targetDocumentId, locale, status, populate: populate(order) }) as Promise<Doc | null>;

  const versionKey = (uid: string, documentId: string, locale: string) => `${uid}|${documentId}|${locale}`;

  /** A version from the slice's reads when it has it, else read now. */
  const version = async (order: OrderRecord, locale: string, reads?: VersionReads): Promise<Doc | null> => {
    const key = versionKey(order.contentType, order.targetDocumentId, locale);
    if (reads?.has(key)) return reads.get(key)!;
    return find(order, locale);
  };

  /**
   * Values of the document's uid fields (slugs) already used by other documents of the target
   * locale, for the uids this write may set: only those starting with a base it could use.
   */
  const takenUids = async (order: OrderRecord, source: Doc, target: Doc | null, translations: Translations) => {
    const out: Record<string, string[]> = {};
    for (const [key, attribute] of Object.entries(schema(order).attributes)) {
      if (attribute.type !== 'uid') continue;
      const field = attribute.targetField;
      const translated = field ? translations[field] : undefined;
      if (target && typeof translated !== 'string') continue;
      const bases = [translated, field ? source[field] : undefined, source[key]]
        .map((v) => (typeof v === 'string' ? slugify(v) : ''))
        .filter(Boolean);
      if (!bases.length) continue;
      const rows = await strapi.db.query(order.contentType as any).findMany({
        where: { locale: order.targetLocale, documentId: { $ne: order.targetDocumentId }, $or: bases.map((b) => ({ [key]: { $startsWith: b } })) },
        select: [key],
      });
      out[key] = rows.map((r: any) => r[key]).filter((v: unknown): v is string => typeof v === 'string');
    }
    return out;
  };

  /** Related documents that exist in the target locale (or are not localized): the ones that may be written. */
  const writableRelations = async (order: OrderRecord, source: Doc) => {
    const ok = new Set<string>();
    for (const { target, documentId } of relationRefs(schema(order), source, getComponent)) {
      const model = strapi.getModel(target as any) as any;
      const localized = model?.pluginOptions?.i18n?.localized === true;
      const where = localized ? { documentId, locale: order.targetLocale } : { documentId };
      if ((await strapi.db.query(target as any).count({ where })) > 0) ok.add(`${target}:${documentId}`);
    }
    return ok;
  };

  return {
    schema,
    getComponent,

    async load(order: OrderRecord, reads?: VersionReads): Promise<{ source: Doc | null; target: Doc | null }> {
      const source = await version(order, order.sourceLocale, reads);
      const target = await version(order, order.targetLocale, reads);
      return { source, target };
    },

    /**
     * The source and target draft versions of several orders' documents, read in one query per
     * content type and locale (with the same deep populate as `load`) instead of two per order.
     * To be taken inside the documents' locks: a write through `write` drops its target from them.
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

    /**
     * Merges and writes the target draft; returns what is stored afterwards at the translated
     * paths: the data sent when it holds every one of them, else the target read back.
     */
    async write(order: OrderRecord, source: Doc, target: Doc | null, translations: Translations, reads?: VersionReads): Promise<Doc | null> {
      reads?.delete(versionKey(order.contentType, order.targetDocumentId, order.targetLocale));
      const relations = await writableRelations(order, source);
      const { data, skipped } = buildTargetData({
        schema: schema(order),
        getComponent,
        source,
        existingTarget: target,
        translations,
        takenUids: await takenUids(order, source, target, translations),
        keepRelation: ({ attribute, documentId }) => relations.has(`${attribute.target}:${documentId}`),
      });
      if (skipped.length) strapi.log.warn(`[gengo] order ${order.id}: skipped ${skipped.map((s) => `${s.path} (${s.reason})`).join(', ')}`);
      await asPluginWrite(() => docs(order).update({ documentId: order.targetDocumentId, locale: order.targetLocale, data } as any));
      return hasAllPaths(data, Object.keys(translations)) ? data : find(order, order.targetLocale);
    },

    /**
     * Once every job of the order is approved and written, the order is completed. True when it
     * is (then `publishIfWanted`, after the write is committed).
     */
    async completeIfDone(order: OrderRecord): Promise<boolean> {
      const rows = (await strapi.db.query(UIDS.job).findMany({ where: { orderId: order.id }, select: ['appliedStatus', 'status'] })) as JobRecord[];
      const done = rows.length > 0 && rows.every((r) => r.appliedStatus === 'approved' && r.status === 'approved');
      if (!done) return false;
      if (order.status !== 'completed') {
        const history = [...(order.history ?? []), { at: new Date().toISOString(), status: 'completed' }];
        await strapi.db.query(UIDS.order).updateMany({ where: { id: order.id }, data: { status: 'completed', history } });
      }
      return true;
    },

    /**
     * When the site asks for it (`publishWhenApproved` in the plugin config) and the source
     * locale is published, a completed order's target locale is published too.
     */
    async publishIfWanted(order: OrderRecord): Promise<void> {
      const config = (strapi.config.get(`plugin::${PLUGIN_ID}`) ?? {}) as Record<string, unknown>;
      if (config.publishWhenApproved !== true) return;
      if (!(strapi.getModel(order.contentType as any) as any)?.options?.draftAndPublish) return;
      const sourcePublished = await docs(order).findOne({ documentId: order.targetDocumentId, locale: order.sourceLocale, status: 'published', fields: ['id'] } as any);
      if (!sourcePublished) return;
      await asPluginWrite(() => docs(order).publish({ documentId: order.targetDocumentId, locale: order.targetLocale } as any));
      strapi.log.info(`[gengo] order ${order.id}: all jobs approved, ${order.targetLocale} published`);
    },
  };
};
