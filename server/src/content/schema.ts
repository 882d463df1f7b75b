import type { Attribute, GetComponent, Schema } from './types';

/**
 * Attributes Strapi manages itself: never extracted, never written. `visible: false` /
 * `writable: false` catch the rest (createdBy, localizations…) on models from `strapi.getModel`.
 */
const SYSTEM_KEYS = new Set([
  'id',
  'documentId',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'createdBy',
  'updatedBy',
  'locale',
  'localizations',
]);

export const isSystemAttribute = (key: string, attribute: Attribute): boolean =>
  SYSTEM_KEYS.has(key) || attribute.visible === false || attribute.writable === false;

/**
 * Strapi i18n's own rule (`isLocalizedAttribute` in @strapi/i18n): the localized option, and
 * relations and uids always. Children of a localized component or dynamic zone are all localized.
 */
export const isLocalizedAttribute = (attribute: Attribute): boolean =>
  attribute.pluginOptions?.i18n?.localized === true || attribute.type === 'relation' || attribute.type === 'uid';

export const TEXT_TYPES = new Set(['string', 'text', 'richtext']);

export const requireComponent = (uid: string | undefined, getComponent: GetComponent): Schema => {
  const schema = uid ? getComponent(uid) : undefined;
  if (!schema) throw new Error(`Unknown component "${uid}"`);
  return schema;
};
