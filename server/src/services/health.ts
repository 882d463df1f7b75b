import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';

const createHealthService = ({ strapi }: { strapi: Core.Strapi }) => ({
  status() {
    return {
      plugin: PLUGIN_ID,
      ok: true,
      strapiVersion: strapi.config.get('info.strapi') as string | undefined,
    };
  },
});

export type HealthService = ReturnType<typeof createHealthService>;
export default createHealthService;
