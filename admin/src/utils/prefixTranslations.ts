import { PLUGIN_ID } from '../pluginId';

/** Prefixes every key of a translation file with the plugin id, as the admin expects. */
export const prefixTranslations = (data: Record<string, string>) =>
  Object.fromEntries(Object.entries(data).map(([key, value]) => [`${PLUGIN_ID}.${key}`, value]));
