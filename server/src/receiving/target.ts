import type { Core } from '@strapi/strapi';
import { UIDS } from '../constants';
import { pluginConfig } from '../platform/config';
import {
  buildTargetData,
  getAt,
  leafAt,
  locateLeaf,
  parsePath,
  recordLayout,
  uidBase,
  valueHash,
  type Doc,
  type GetComponent,
  type LeafConflict,
  type LeafWrite,
  type Schema,
  type Translations,
} from '../content';
import type { PathFacts } from './segment-state';
import { buildDeepPopulate } from '../platform/populate';
import { relationRefs } from './relations';
import { groupBy } from '../platform/group-by';
import type { JobRecord, OrderRecord } from '../platform/records';
import { updateRows } from '../platform/update-rows';
import { asPluginWrite } from '../platform/plugin-writes';

/** Document versions read ahead for a slice, by type, documentId and locale (null: no such version). */
export type VersionReads = Map<string, Doc | null>;

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
    docs(order).findOne({
      documentId: order.targetDocumentId,
      locale,
      status,
      populate: populate(order),
    }) as Promise<Doc | null>;

  const versionKey = (uid: string, documentId: string, locale: string) => `${uid}|${documentId}|${locale}`;

  /** A version from the slice's reads when it has it, else read now. */
  const version = async (order: OrderRecord, locale: string, reads?: VersionReads): Promise<Doc | null> => {
    const key = versionKey(order.contentType, order.targetDocumentId, locale);
    if (reads?.has(key)) return reads.get(key)!;
    return find(order, locale);
  };

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

  /**
   * Values of the document's uid fields (slugs) already used by other documents of the target
   * locale, for the uids this write may set: only those starting with a base it could use. From
   * the slice's reads when they cover the bases, else read now.
   */
  const takenUids = async (write: PlannedWrite, uids?: UidReads) => {
    const out: Record<string, string[]> = {};
    for (const { key, base } of uidBases(write)) {
      const ahead = uids?.get(uidKey(write.order, key));
      const values = ahead?.bases.has(base) ? ahead.values : await readUidValues(write.order, key, [base]);
      out[key] = values
        .filter((v) => v.documentId !== write.order.targetDocumentId && v.value.startsWith(base))
        .map((v) => v.value);
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

  const schemaHashes = new Map<string, string>();

  return {
    schema,
    getComponent,
    versionKey,

    /** Types without draft & publish: what is written is live (so only approved text is). */
    hasDrafts: (order: OrderRecord) => (schema(order) as any)?.options?.draftAndPublish === true,

    /**
     * The content type and its components as a hash: a write Strapi refused is tried again once
     * its translation or this changes (a changed `maxLength`).
     */
    schemaHash(order: OrderRecord): string {
      let hash = schemaHashes.get(order.contentType);
      if (!hash) {
        const components = Object.fromEntries(
          Object.entries(strapi.components ?? {}).map(([uid, c]: [string, any]) => [uid, c.attributes])
        );
        hash = valueHash({ type: schema(order).attributes, components });
        schemaHashes.set(order.contentType, hash);
      }
      return hash;
    },

    /**
     * Each path located in the target as it is now (per the order's layout; without one, the
     * layout of the two versions now), with the source's value there: the facts `checkPaths` decides on.
     */
    facts(order: OrderRecord, source: Doc, target: Doc | null, paths: string[], acceptMoved = false): PathFacts[] {
      const s = schema(order);
      const layout =
        (order.layout as any) ?? (target ? recordLayout({ schema: s, getComponent, source, target, paths }) : null);
      return paths.map((path) => {
        const sourceValue = leafAt(s, getComponent, source, path);
        if (!target || !layout) return { path, sourceValue };
        const located = locateLeaf({ schema: s, getComponent, source, target, path, layout, acceptMoved });
        const raw =
          located.ok && located.createAt === undefined ? getAt(target, parsePath(located.targetPath)) : undefined;
        return { path, located, sourceValue, raw };
      });
    },

    /** Target path → hash of the leaf now in `doc` (what the plugin wrote there), for the written leaves given. */
    leafHashes(order: OrderRecord, doc: Doc | null, leaves: LeafWrite[]): Record<string, string> | null {
      const out: Record<string, string> = {};
      for (const w of leaves) {
        const value = leafAt(schema(order), getComponent, doc, w.targetPath);
        if (value === undefined) return null;
        out[w.targetPath] = valueHash(value);
      }
      return out;
    },

    /** The target draft as stored now (after a write whose data does not hold every leaf). */
    readTarget: (order: OrderRecord) => find(order, order.targetLocale),

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

    /**
     * Merges and writes the target draft, leaves into the target's own structure (per the order's
     * layout). Returns the data sent, the leaves it set, and the leaves that could not be placed
     * (conflicts, not written). A refused write (Strapi's validation) throws before anything is
     * stored: Strapi validates the whole entry before its first statement.
     */
    async write(
      order: OrderRecord,
      source: Doc,
      target: Doc | null,
      translations: Translations,
      reads?: { versions: VersionReads; uids: UidReads },
      acceptMoved = false
    ): Promise<{ data: Doc; written: LeafWrite[]; conflicts: LeafConflict[] }> {
      const relations = await writableRelations(order, source);
      const { data, skipped, written, conflicts } = buildTargetData({
        schema: schema(order),
        getComponent,
        source,
        existingTarget: target,
        translations,
        layout: (order.layout as any) ?? null,
        acceptMoved,
        takenUids: await takenUids({ order, source, target, translations }, reads?.uids),
        keepRelation: ({ attribute, documentId }) => relations.has(`${attribute.target}:${documentId}`),
      });
      if (skipped.length)
        strapi.log.warn(
          `[gengo] order ${order.id}: skipped ${skipped.map((s) => `${s.path} (${s.reason})`).join(', ')}`
        );
      await asPluginWrite(() =>
        docs(order).update({ documentId: order.targetDocumentId, locale: order.targetLocale, data } as any)
      );
      reads?.versions.delete(versionKey(order.contentType, order.targetDocumentId, order.targetLocale));
      // The slice's later writes see the uids this one set.
      for (const [key, value] of Object.entries(data)) {
        const ahead = reads?.uids.get(uidKey(order, key));
        if (ahead && typeof value === 'string') ahead.values.push({ documentId: order.targetDocumentId, value });
      }
      return { data, written, conflicts };
    },

    /**
     * Once every job of an order is approved and written, the order is completed: those of
     * `orders` that are (then `publishIfWanted`, after the write is committed), in two statements
     * for all of them.
     */
    async completeIfDone(orders: OrderRecord[]): Promise<OrderRecord[]> {
      if (!orders.length) return [];
      const rows = (await strapi.db.query(UIDS.job).findMany({
        where: { orderId: { $in: orders.map((o) => o.id) } },
        select: ['orderId', 'appliedStatus', 'status'],
      })) as JobRecord[];
      const jobsOf = groupBy(rows, (r) => r.orderId);
      const done = orders.filter((o) =>
        jobsOf.get(o.id)?.every((r) => r.appliedStatus === 'approved' && r.status === 'approved')
      );
      const at = new Date().toISOString();
      const completing = done.filter((o) => o.status !== 'completed');
      await updateRows(
        strapi,
        UIDS.order,
        completing.map((o) => ({
          id: o.id,
          data: { status: 'completed', history: [...(o.history ?? []), { at, status: 'completed' }] },
        }))
      );
      return done;
    },

    /**
     * When the site asks for it (`publishWhenApproved` in the plugin config) and the source
     * locale is published, a completed order's target locale is published too.
     */
    async publishIfWanted(order: OrderRecord): Promise<void> {
      if (!pluginConfig(strapi).publishWhenApproved) return;
      if (!(strapi.getModel(order.contentType as any) as any)?.options?.draftAndPublish) return;
      const sourcePublished = await docs(order).findOne({
        documentId: order.targetDocumentId,
        locale: order.sourceLocale,
        status: 'published',
        fields: ['id'],
      } as any);
      if (!sourcePublished) return;
      await asPluginWrite(() =>
        docs(order).publish({ documentId: order.targetDocumentId, locale: order.targetLocale } as any)
      );
      strapi.log.info(`[gengo] order ${order.id}: all jobs approved, ${order.targetLocale} published`);
    },
  };
};

export type TargetIo = ReturnType<typeof createTargetIo>;
