import type { Core } from '@strapi/strapi';
import { getService } from '../get-service';

const createHealthController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async index(ctx: any) {
    ctx.body = { data: getService(strapi, 'health').status() };
  },
});

export default createHealthController;
