import type { Core } from '@strapi/strapi';
import { getService } from '../platform/services';

const createHealthController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async index(ctx: any) {
    ctx.body = { data: await getService(strapi, 'settings').health() };
  },
});

export default createHealthController;
