import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from './constants';

/**
 * The plugin's RBAC actions. `uid` is relative: Strapi prefixes it with `plugin::gengo.`,
 * which gives the uids listed in `ACTIONS`.
 */
export const actions = [
  { section: 'plugins', displayName: 'Read orders and statuses', uid: 'read', pluginName: PLUGIN_ID },
  { section: 'plugins', displayName: 'Quote and order translations', uid: 'order', pluginName: PLUGIN_ID },
  { section: 'plugins', displayName: 'Review translations', uid: 'review', pluginName: PLUGIN_ID },
  {
    section: 'plugins',
    displayName: 'Read settings',
    uid: 'settings.read',
    subCategory: 'settings',
    pluginName: PLUGIN_ID,
  },
  {
    section: 'plugins',
    displayName: 'Update settings',
    uid: 'settings.update',
    subCategory: 'settings',
    pluginName: PLUGIN_ID,
  },
];

export const registerPermissions = async (strapi: Core.Strapi) => {
  await strapi.service('admin::permission').actionProvider.registerMany(actions);
};
