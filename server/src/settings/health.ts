import type { Core } from '@strapi/strapi';
import type { Health } from '../../../shared/contracts/health';
import { PLUGIN_ID } from '../constants';

/** `GET /gengo/health`: the plugin answers, and on which Strapi. */
export const healthStatus = (strapi: Core.Strapi): Health => ({
  plugin: PLUGIN_ID,
  ok: true,
  strapiVersion: strapi.config.get('info.strapi') as string | undefined,
});
