import type { Core } from '@strapi/strapi';
import { UIDS } from '../constants';
import { sourceRelations, type Doc, type GetComponent, type KeepRelation, type Schema } from '../content';
import { labelPath, mainFieldOf } from '../platform/cm-config';
import { userAccess } from '../platform/content-permissions';
import type { OrderRecord, RelationGap } from '../platform/records';

/**
 * Relations when writing a target locale. Strapi links, by documentId, the related document's
 * version in the locale written; a localized related document without that version cannot be
 * linked (Strapi refuses the write). So: what the source links is linked where it exists in the
 * target locale (or is not localized), and each one that does not is a gap, recorded on the order
 * with what an editor needs to act ("Category: “Guides” has no French version") and answered by
 * the document status. A relation the target holds is never touched (content/relations.ts), and
 * one the admin who ordered may not write there (field permissions) is not linked.
 */

interface RawGap {
  path: string;
  target: string;
  documentId: string;
}

const refKey = (uid: string, documentId: string) => `${uid}\u0000${documentId}`;

export const createRelations = (
  strapi: Core.Strapi,
  { schema, getComponent }: { schema: (order: OrderRecord) => Schema; getComponent: GetComponent }
) => {
  const isLocalized = (uid: string) => (strapi.getModel(uid as any) as any)?.pluginOptions?.i18n?.localized === true;

  /** The related documents of `source` that may be linked in the target locale: one query per related type. */
  const linkable = async (order: OrderRecord, source: Doc): Promise<Set<string>> => {
    const byType = new Map<string, Set<string>>();
    for (const r of sourceRelations(schema(order), source, getComponent))
      for (const id of r.documentIds)
        byType.set(r.attribute.target!, (byType.get(r.attribute.target!) ?? new Set()).add(id));
    const ok = new Set<string>();
    for (const [uid, ids] of byType) {
      const rows = await strapi.db.query(uid as any).findMany({
        where: { documentId: { $in: [...ids] }, ...(isLocalized(uid) ? { locale: order.targetLocale } : {}) },
        select: ['documentId'],
      });
      for (const row of rows as Array<{ documentId: string }>) ok.add(refKey(uid, row.documentId));
    }
    return ok;
  };

  /** The related entry's main field in the source locale, for the editor to recognise it. */
  const titleOf = async (uid: string, documentId: string, locale: string): Promise<string | null> => {
    const field = await mainFieldOf(strapi, uid);
    if (!field) return null;
    const doc = (await strapi.documents(uid as any).findOne({
      documentId,
      ...(isLocalized(uid) ? { locale } : {}),
      fields: [field],
    } as any)) as Doc | null;
    const value = doc?.[field];
    return value == null || !String(value).trim() ? null : String(value);
  };

  const describe = async (order: OrderRecord, source: Doc, raw: RawGap[]): Promise<RelationGap[]> => {
    const out: RelationGap[] = [];
    for (const g of raw)
      out.push({
        path: g.path,
        label: await labelPath(strapi, order.contentType, g.path, source),
        relatedType: g.target,
        relatedTypeName: (strapi.getModel(g.target as any) as any)?.info?.displayName ?? g.target,
        relatedDocumentId: g.documentId,
        relatedTitle: await titleOf(g.target, g.documentId, order.sourceLocale),
        locale: order.targetLocale,
      });
    return out;
  };

  /**
   * The source's relation paths the admin who ordered may write in the target locale (the
   * content manager's field rule: `sections[0].categories` is the `sections` field): a later
   * write links only those. Orders placed by no admin are internal: all of them.
   */
  const writablePaths = async (order: OrderRecord, paths: string[]): Promise<Set<string>> => {
    if (order.orderedById == null || !paths.length) return new Set(paths);
    const access = await userAccess(strapi, order.orderedById);
    const out = new Set<string>();
    if (!access) return out;
    for (const path of paths) {
      const may = await access
        .assertWrite(order.contentType, order.targetDocumentId, order.targetLocale, [path])
        .then(() => true)
        .catch(() => false);
      if (may) out.add(path);
    }
    return out;
  };

  const sameGaps = (a: RelationGap[], b: RelationGap[]) =>
    a.length === b.length && a.every((g, i) => g.path === b[i].path && g.relatedDocumentId === b[i].relatedDocumentId);

  return {
    /**
     * For one write: which relations `buildTargetData` keeps (`keep`), and `record`, to call once
     * the write is stored, which replaces the order's gaps with the ones this write left (none: cleared).
     */
    async plan(order: OrderRecord, source: Doc): Promise<{ keep: KeepRelation; record: () => Promise<void> }> {
      const ok = await linkable(order, source);
      const mayWrite = await writablePaths(
        order,
        sourceRelations(schema(order), source, getComponent).map((r) => r.path)
      );
      const gaps: RawGap[] = [];
      const keep: KeepRelation = ({ path, attribute, documentId }) => {
        // Not the orderer's to set: left as it is (not a gap, nothing the locale lacks).
        if (!mayWrite.has(path)) return false;
        if (!attribute.target || ok.has(refKey(attribute.target, documentId))) return true;
        if (!gaps.some((g) => g.path === path && g.documentId === documentId))
          gaps.push({ path, target: attribute.target, documentId });
        return false;
      };
      const record = async () => {
        // Recorded on the order's first write even when empty: the document status takes the
        // latest record of the locale, so an older order's gaps stop counting once this one wrote.
        const before = order.relationGaps?.items;
        if (before && !gaps.length && !before.length) return;
        const items = await describe(order, source, gaps);
        if (before && sameGaps(items, before)) return;
        const relationGaps = { at: new Date().toISOString(), items };
        await strapi.db.query(UIDS.order).update({ where: { id: order.id }, data: { relationGaps } });
        order.relationGaps = relationGaps;
      };
      return { keep, record };
    },
  };
};
