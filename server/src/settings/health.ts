import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';

/** `GET /gengo/health`: the plugin answers, and on which Strapi. */
export const healthStatus = (strapi: Core.Strapi) => ({
  plugin: PLUGIN_ID,
  ok: true,
  strapiVersion: strapi.config.get('info.strapi') as string | undefined,
});
