import type { Doc, GetComponent, Schema } from '../content';

/**
 * Every relation of a populated document, with its target model and the related documentId, in
 * root fields, components and dynamic zones: to drop, before writing a locale, the relations to
 * localized documents that have no version in that locale (Strapi refuses the write otherwise).
 */
export const relationRefs = (
  schema: Schema,
  doc: Doc | null | undefined,
  getComponent: GetComponent
): Array<{ target: string; documentId: string }> => {
  const out: Array<{ target: string; documentId: string }> = [];
  const walk = (s: Schema | undefined, d: unknown): void => {
    if (!s || !d || typeof d !== 'object') return;
    for (const [key, attribute] of Object.entries(s.attributes)) {
      const value = (d as Doc)[key];
      if (value === null || value === undefined) continue;
      if (attribute.type === 'relation' && attribute.target) {
        for (const item of Array.isArray(value) ? value : [value]) {
          const documentId = typeof item === 'string' ? item : (item as Doc)?.documentId;
          if (typeof documentId === 'string') out.push({ target: attribute.target, documentId });
        }
      } else if (attribute.type === 'component' && attribute.component) {
        for (const item of Array.isArray(value) ? value : [value]) walk(getComponent(attribute.component), item);
      } else if (attribute.type === 'dynamiczone' && Array.isArray(value)) {
        for (const item of value) walk(getComponent((item as Doc)?.__component as string), item);
      }
    }
  };
  walk(schema, doc);
  return out;
};
