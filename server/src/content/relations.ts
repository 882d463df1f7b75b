import { recordLayout } from './layout';
import { locateLeaf, locateMemo } from './locate';
import { formatPath, type PathToken } from './paths';
import { isSystemAttribute } from './schema';
import type { Attribute, Doc, GetComponent, Schema } from './types';

/**
 * Relations between a source version and its target: what the source links (root fields,
 * components, dynamic zones), and where an existing target links nothing yet. A relation the
 * target holds is a person's choice (or an earlier write's) and is never touched; an empty one is
 * a place to link the target-locale version of what the source links (the caller decides which
 * related documents exist in that locale).
 */

export interface SourceRelation {
  /** The source path of the relation attribute (`category`, `sections[1].links`). */
  path: string;
  attribute: Attribute;
  /** The related documentIds, in the source's order. */
  documentIds: string[];
  /** The value as populated (for `toRelationValue`). */
  value: unknown;
}

/** An empty relation of an existing target, where the source links something. */
export interface EmptyRelation extends SourceRelation {
  /** Where it is in the target (a zone entry a person inserted moves it). */
  targetPath: string;
}

const idsOf = (value: unknown): string[] =>
  (value === null || value === undefined ? [] : Array.isArray(value) ? value : [value])
    .map((item) => (typeof item === 'string' ? item : (item as Doc | null)?.documentId))
    .filter((id): id is string => typeof id === 'string' && id !== '');

/** Whether a populated relation value links nothing (null, absent, an empty list). */
export const isEmptyRelation = (value: unknown) => idsOf(value).length === 0;

/** Every relation with a target model that the source links something through. */
export const sourceRelations = (schema: Schema, doc: Doc | null | undefined, getComponent: GetComponent) => {
  const out: SourceRelation[] = [];
  const walk = (s: Schema | undefined, d: unknown, at: PathToken[]): void => {
    if (!s || !d || typeof d !== 'object') return;
    for (const [key, attribute] of Object.entries(s.attributes)) {
      if (isSystemAttribute(key, attribute)) continue;
      const value = (d as Doc)[key];
      if (value === null || value === undefined) continue;
      const here = [...at, key];
      if (attribute.type === 'relation' && attribute.target) {
        const documentIds = idsOf(value);
        if (documentIds.length) out.push({ path: formatPath(here), attribute, documentIds, value });
      } else if (attribute.type === 'component' && attribute.component) {
        const component = getComponent(attribute.component);
        if (attribute.repeatable && Array.isArray(value))
          value.forEach((item, i) => walk(component, item, [...here, i]));
        else if (!attribute.repeatable) walk(component, value, here);
      } else if (attribute.type === 'dynamiczone' && Array.isArray(value)) {
        value.forEach((item, i) => walk(getComponent((item as Doc)?.__component as string), item, [...here, i]));
      }
    }
  };
  walk(schema, doc, []);
  return out;
};

/**
 * The source's relations whose place in the existing target is known for sure and links nothing
 * there. Entries are paired as leaves are (`locateLeaf` over a layout of the two versions now:
 * only where every best matching agrees); a relation in an entry the target lacks, or cannot be
 * told, is left to the structure built from the source, or not linked.
 */
export const emptyRelations = (input: {
  schema: Schema;
  getComponent: GetComponent;
  source: Doc;
  target: Doc;
}): EmptyRelation[] => {
  const relations = sourceRelations(input.schema, input.source, input.getComponent);
  if (!relations.length) return [];
  const layout = recordLayout({ ...input, paths: relations.map((r) => r.path) });
  const memo = locateMemo();
  const out: EmptyRelation[] = [];
  for (const relation of relations) {
    const where = locateLeaf({ ...input, path: relation.path, layout, memo });
    if (where.ok === false || where.createAt !== undefined) continue;
    if (isEmptyRelation(where.current)) out.push({ ...relation, targetPath: where.targetPath });
  }
  return out;
};
