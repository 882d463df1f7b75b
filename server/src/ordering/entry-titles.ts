import type { Core } from '@strapi/strapi';
import { mainFieldOf as mainField } from '../platform/cm-config';

/**
 * The titles of the entries orders point at, for the orders page: each type's main field as the
 * content manager is configured to show it, read in the order's source locale. Types the caller
 * may not read get no title (the page then shows the document id).
 */

export interface EntryRef {
  contentType: string;
  targetDocumentId: string;
  sourceLocale: string;
}

export const entryKey = (ref: EntryRef) => `${ref.contentType}\u0000${ref.targetDocumentId}\u0000${ref.sourceLocale}`;

export const createEntryTitles = (strapi: Core.Strapi) => {
  const mainFieldOf = (uid: string) => mainField(strapi, uid);

  return {
    mainFieldOf,

    async titlesOf(refs: EntryRef[], canRead: (uid: string) => boolean = () => true): Promise<Map<string, string>> {
      const titles = new Map<string, string>();
      const groups = new Map<string, EntryRef[]>();
      for (const ref of refs) {
        if (!canRead(ref.contentType)) continue;
        const key = `${ref.contentType}\u0000${ref.sourceLocale}`;
        groups.set(key, [...(groups.get(key) ?? []), ref]);
      }
      for (const list of groups.values()) {
        const { contentType, sourceLocale } = list[0];
        const field = await mainFieldOf(contentType);
        if (!field) continue;
        const docs = await strapi.documents(contentType as any).findMany({
          filters: { documentId: { $in: [...new Set(list.map((r) => r.targetDocumentId))] } },
          locale: sourceLocale,
          fields: [field] as any,
        });
        for (const doc of docs as any[]) {
          const value = doc?.[field];
          if (value != null && String(value).trim())
            titles.set(entryKey({ contentType, targetDocumentId: doc.documentId, sourceLocale }), String(value));
        }
      }
      return titles;
    },
  };
};

export type EntryTitles = ReturnType<typeof createEntryTitles>;
