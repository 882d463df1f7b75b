import type { GetComponent, Schema } from '../content';

/**
 * The `populate` for `strapi.documents(uid).findOne(...)` that loads everything extraction reads:
 * components and dynamic zones all the way down (dynamic zones through `on` fragments), media with
 * what an attachment needs, relations with their ids only. Pure: the schema and the component
 * lookup come in, as `strapi.getModel` gives them.
 */
export type Populate = Record<string, unknown>;

/** Media: enough to attach an image for the translator. */
export const MEDIA_FIELDS = ['url', 'name', 'mime', 'alternativeText'];
/** Relations are never translated here: the ids are enough (Strapi always returns `id`). */
export const RELATION_FIELDS = ['documentId'];

/** Components nest; Strapi has no cycle guard of its own for schemas built by hand. */
const MAX_DEPTH = 20;

const SKIPPED = new Set(['localizations', 'createdBy', 'updatedBy']);

const nested = (uid: string | undefined, getComponent: GetComponent, depth: number): true | { populate: Populate } => {
  const schema = uid ? getComponent(uid) : undefined;
  if (!schema) throw new Error(`Unknown component "${uid}"`);
  const inner = buildDeepPopulate(schema, getComponent, depth + 1);
  return Object.keys(inner).length ? { populate: inner } : true;
};

export const buildDeepPopulate = (schema: Schema, getComponent: GetComponent, depth = 0): Populate => {
  if (depth > MAX_DEPTH) throw new Error(`Components nested deeper than ${MAX_DEPTH} levels (a cycle?)`);
  const populate: Populate = {};
  for (const [key, attribute] of Object.entries(schema.attributes)) {
    if (SKIPPED.has(key)) continue;
    switch (attribute.type) {
      case 'component':
        populate[key] = nested(attribute.component, getComponent, depth);
        break;
      case 'dynamiczone':
        populate[key] = {
          on: Object.fromEntries((attribute.components ?? []).map((uid) => [uid, nested(uid, getComponent, depth)])),
        };
        break;
      case 'media':
        populate[key] = { fields: MEDIA_FIELDS };
        break;
      case 'relation':
        // Polymorphic (morph) relations have no target and refuse `fields`.
        if (attribute.visible === false) break;
        populate[key] = attribute.target ? { fields: RELATION_FIELDS } : true;
        break;
      default:
        break;
    }
  }
  return populate;
};
