import type { Attribute } from './types';

/**
 * Media and relations as the Document Service accepts them on write. Media files are not
 * localized: their ids are the same in every locale. Relations are written by `documentId`; for a
 * localized target Strapi links the document's version in the written locale, which must exist
 * (else Strapi refuses the write): `keepRelation` lets the caller drop those it knows are missing.
 */
export type KeepRelation = (info: { path: string; attribute: Attribute; documentId: string }) => boolean;

const mediaId = (v: unknown) => (v && typeof v === 'object' ? (v as any).id : v);

export const toMediaValue = (value: unknown): unknown => {
  if (value === undefined) return undefined;
  if (value === null) return null;
  return Array.isArray(value)
    ? value.map(mediaId).filter((id) => id !== undefined && id !== null)
    : (mediaId(value) ?? null);
};

export const toRelationValue = (value: unknown, attribute: Attribute, path: string, keep?: KeepRelation): unknown => {
  if (value === undefined) return undefined;
  const items = value === null ? [] : Array.isArray(value) ? value : [value];
  const set = items
    .map((item: any) => {
      const documentId = typeof item === 'string' ? item : item?.documentId;
      if (!documentId || (keep && !keep({ path, attribute, documentId }))) return null;
      return item?.__type ? { documentId, __type: item.__type } : { documentId };
    })
    .filter(Boolean);
  // Nothing to link is left out rather than written as an empty set: merge writes a relation only
  // into a version or component it creates (where nothing is linked yet), and Strapi would spend
  // two queries on an empty set.
  return set.length ? { set } : undefined;
};
