import type { Core } from '@strapi/strapi';
import { getService } from '../platform/services';

/** The Gengo account as the orders page shows it. */
const createAccountController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /gengo/account */
  async find(ctx: any) {
    ctx.body = { data: await getService(strapi, 'ordering').account() };
  },
});

export default createAccountController;
