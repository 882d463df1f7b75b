import type { Core } from '@strapi/strapi';
import { getService } from '../platform/services';

/**
 * The declared callback route. An accepted callback is usually answered before it gets here, by
 * the lane ahead of Strapi's middlewares (receiving/lane.ts); both hand the body to
 * `callbacks.receive`.
 */
const createCallbackController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** POST /api/gengo/callback/:token (public; token and content type checked by the route middleware). */
  async receive(ctx: any) {
    getService(strapi, 'receiving').receive(ctx.request.body);
    ctx.status = 200;
    ctx.body = { ok: true };
  },
});

export default createCallbackController;
