import type { Core } from '@strapi/strapi';
import { getService } from '../platform/services';

/** Route middleware of the public callback route: refuses a bad token (401) or body (415) before anything else. */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: any, next: () => Promise<unknown>) => {
    const refusal = await getService(strapi, 'receiving').refusal(ctx, ctx.params?.token);
    if (!refusal) return next();
    if (refusal.status === 401) strapi.log.warn(`[gengo] callback refused: bad token (from ${ctx.request.ip})`);
    ctx.status = refusal.status;
    ctx.body = { error: refusal };
  };
