import type { Attribute, Doc, GetComponent, Schema } from '../../../server/src/content';

/**
 * What Strapi 5.54.0's `documents(uid).update({ documentId, locale, data })` does with `data` to
 * a version, read from its source (packages/core/core/src/services/document-service/entries.ts
 * `updateEntry`, components.ts `updateComponents` / `updateOrCreateComponent` / `deleteOldComponents`
 * / `deleteOldDZComponents`; @strapi/database `processData`, `updateRelations`): the oracle of the
 * merge tests, where booting Strapi for each generated case is out of reach. The integration test
 * tests/integration/content-roundtrip.test.ts checks the same rules against Strapi itself.
 *
 * - an attribute absent from `data` stays as it is, at every level;
 * - a component / zone item with the id of one of the entry's components (same `__component` in a
 *   zone) updates it in place, by the same rules; without id it is created (a new id); the entry's
 *   components not sent are gone; an id that is not the entry's is refused;
 * - media are sent as file ids (read back as `{ id }` here), relations as `{ set: [{ documentId }] }`
 *   (read back as `{ documentId }`).
 * `update(schema, getComponent, {}, data)` is a creation (a new locale version).
 */
export const createIds = (start = 90_000) => {
  let next = start;
  return () => next++;
};

type Ctx = { getComponent: GetComponent; nextId: () => number };

const mediaOf = (value: unknown, attribute: Attribute) => {
  if (value === null) return attribute.multiple ? [] : null;
  const ids = (Array.isArray(value) ? value : [value]).map((id) => ({ id }));
  return attribute.multiple ? ids : (ids[0] ?? null);
};

const relationOf = (value: any, attribute: Attribute) => {
  const set = (value?.set ?? []).map((r: any) => ({ documentId: r.documentId }));
  return attribute.relation?.endsWith('ToOne') || attribute.relation === 'oneToOne' ? (set[0] ?? null) : set;
};

const component = (schema: Schema, existing: Doc | undefined, item: Doc, ctx: Ctx): Doc => {
  const out: Doc = existing ? structuredClone(existing) : { id: ctx.nextId() };
  if (item.__component) out.__component = item.__component;
  for (const [key, value] of Object.entries(item)) {
    if (key === 'id' || key === '__component') continue;
    const attribute = schema.attributes[key];
    if (!attribute) throw new Error(`Unknown attribute ${key}`);
    out[key] = attributeValue(attribute, existing?.[key], value, ctx);
  }
  return out;
};

const attributeValue = (attribute: Attribute, existing: unknown, value: unknown, ctx: Ctx): unknown => {
  switch (attribute.type) {
    case 'media':
      return mediaOf(value, attribute);
    case 'relation':
      return relationOf(value, attribute);
    case 'component': {
      const schema = ctx.getComponent(attribute.component!)!;
      if (value === null) return null;
      if (!attribute.repeatable) {
        const item = value as Doc;
        if (item.id !== undefined && (existing as Doc | null)?.id !== item.id)
          throw new Error(`Some of the provided components in ${attribute.component} are not related to the entity`);
        return component(schema, item.id !== undefined ? (existing as Doc) : undefined, item, ctx);
      }
      return (value as Doc[]).map((item) => {
        if (item.id === undefined) return component(schema, undefined, item, ctx);
        const found = ((existing as Doc[]) ?? []).find((e) => String(e.id) === String(item.id));
        if (!found) throw new Error('Some of the provided components are not related to the entity');
        return component(schema, found, item, ctx);
      });
    }
    case 'dynamiczone':
      return (value as Doc[]).map((item) => {
        const schema = ctx.getComponent(item.__component as string)!;
        if (item.id === undefined) return component(schema, undefined, item, ctx);
        const found = ((existing as Doc[]) ?? []).find(
          (e) => String(e.id) === String(item.id) && e.__component === item.__component
        );
        if (!found) throw new Error('Some of the provided components are not related to the entity');
        return component(schema, found, item, ctx);
      });
    default:
      return structuredClone(value);
  }
};

export const applyUpdate = (
  schema: Schema,
  getComponent: GetComponent,
  version: Doc,
  data: Doc,
  nextId: () => number = createIds()
): Doc => {
  const out = structuredClone(version);
  for (const [key, value] of Object.entries(data)) {
    const attribute = schema.attributes[key];
    if (!attribute) throw new Error(`Unknown attribute ${key}`);
    out[key] = attributeValue(attribute, version[key], value, { getComponent, nextId });
  }
  return out;
};
