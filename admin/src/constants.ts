import { PLUGIN_ID } from './pluginId';

const action = (name: string) => [{ action: `plugin::${PLUGIN_ID}.${name}`, subject: null }];

/** RBAC actions as the admin's permission hooks expect them. */
export const PERMISSIONS = {
  read: action('read'),
  order: action('order'),
  review: action('review'),
  settingsRead: action('settings.read'),
  settingsUpdate: action('settings.update'),
};
