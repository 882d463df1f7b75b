import { blocksFromSource } from './merge-blocks';
import { toMediaValue, toRelationValue, type KeepRelation } from './merge-values';
import { formatPath, type PathToken } from './paths';
import { isSystemAttribute, requireComponent } from './schema';
import type { Attribute, Doc, GetComponent, Schema, Translations } from './types';

/**
 * Values built from the source's structure: a new target version, or a component / list the
 * target has not got (an empty zone, no SEO component). Translated text at its path, untranslated
 * text from the source (replaced as the other jobs finish), media and relations as the source has
 * them, components without ids (Strapi creates them).
 */
export type SourceBuild = {
  getComponent: GetComponent;
  /** By source path. */
  translations: Translations;
  keepRelation?: KeepRelation;
};

const clone = <T>(v: T): T => (v === undefined ? v : structuredClone(v));

/**
 * A component built whole, as Strapi needs to create one: without its id (Strapi would otherwise
 * try to reuse the source locale's component row), every attribute present.
 */
export const componentFromSource = (schema: Schema, source: Doc, path: PathToken[], ctx: SourceBuild): Doc => {
  const out: Doc = {};
  if (typeof source.__component === 'string') out.__component = source.__component;
  for (const [key, attribute] of Object.entries(schema.attributes)) {
    if (isSystemAttribute(key, attribute) || !(key in source)) continue;
    const value = valueFromSource(attribute, source[key], [...path, key], ctx);
    if (value !== undefined) out[key] = value;
  }
  return out;
};

/** One attribute's value built from the source's (`path`: its source path, for the translations). */
export const valueFromSource = (
  attribute: Attribute,
  source: unknown,
  path: PathToken[],
  ctx: SourceBuild
): unknown => {
  const here = formatPath(path);
  switch (attribute.type) {
    case 'string':
    case 'text':
    case 'richtext':
      return typeof ctx.translations[here] === 'string' ? ctx.translations[here] : clone(source);
    case 'blocks':
      return blocksFromSource(source, path, ctx.translations);
    case 'component': {
      const schema = requireComponent(attribute.component, ctx.getComponent);
      if (attribute.repeatable)
        return Array.isArray(source)
          ? source.map((item, i) => componentFromSource(schema, item, [...path, i], ctx))
          : clone(source);
      return source && typeof source === 'object'
        ? componentFromSource(schema, source as Doc, path, ctx)
        : clone(source);
    }
    case 'dynamiczone':
      return Array.isArray(source)
        ? source.map((item: Doc, i) =>
            componentFromSource(requireComponent(item.__component as string, ctx.getComponent), item, [...path, i], ctx)
          )
        : clone(source);
    case 'media':
      return toMediaValue(source);
    case 'relation':
      return toRelationValue(source, attribute, here, ctx.keepRelation);
    case 'password':
      return undefined; // never read back from Strapi; writing it would blank it
    default:
      return clone(source);
  }
};
