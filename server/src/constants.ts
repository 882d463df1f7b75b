export const PLUGIN_ID = 'gengo';

/** RBAC action uids, as Strapi names them once registered under the plugin. */
export const ACTIONS = {
  read: `plugin::${PLUGIN_ID}.read`,
  order: `plugin::${PLUGIN_ID}.order`,
  review: `plugin::${PLUGIN_ID}.review`,
  settingsRead: `plugin::${PLUGIN_ID}.settings.read`,
  settingsUpdate: `plugin::${PLUGIN_ID}.settings.update`,
} as const;

/** The plugin's own content types. */
export const UIDS = {
  order: `plugin::${PLUGIN_ID}.order`,
  job: `plugin::${PLUGIN_ID}.job`,
  comment: `plugin::${PLUGIN_ID}.comment`,
  lease: `plugin::${PLUGIN_ID}.lease`,
  batch: `plugin::${PLUGIN_ID}.batch`,
  batchItem: `plugin::${PLUGIN_ID}.batch-item`,
  memory: `plugin::${PLUGIN_ID}.memory`,
} as const;

/** Gengo's largest callback (its documentation: up to 60 KB, form-encoded). */
export const GENGO_CALLBACK_MAX_BYTES = 60 * 1024;
/** What the plugin's callback reader accepts (receiving/lane.ts), sent and inflated. */
export const CALLBACK_MAX_BYTES = 256 * 1024;
