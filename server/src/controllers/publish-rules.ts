import type { Core } from '@strapi/strapi';
import { getService } from '../platform/services';
import { validateUpdatePublishRules } from './validation/publish-rules';

const createPublishRulesController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /gengo/publish-rules */
  async find(ctx: any) {
    ctx.body = { data: await getService(strapi, 'publishing').rules() };
  },

  /** PUT /gengo/publish-rules */
  async update(ctx: any) {
    const input = await validateUpdatePublishRules(ctx.request.body);
    ctx.body = { data: await getService(strapi, 'publishing').updateRules(input) };
  },
});

export default createPublishRulesController;
