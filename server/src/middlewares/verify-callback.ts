import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';
import type { CallbacksService } from '../services/callbacks';

/**
 * Route middleware of the public callback route: the token in the path must match (constant-time,
 * against its stored hash) → else 401; the body must be form-encoded → else 415. Nothing is read
 * from the body before the token is checked.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: any, next: () => Promise<unknown>) => {
    const callbacks = strapi.plugin(PLUGIN_ID).service('callbacks') as CallbacksService;
    if (!(await callbacks.verifyToken(ctx.params?.token))) {
      strapi.log.warn(`[gengo] callback refused: bad token (from ${ctx.request.ip})`);
      ctx.status = 401;
      ctx.body = { error: { status: 401, name: 'UnauthorizedError', message: 'Invalid callback token' } };
      return;
    }
    if (!ctx.is('application/x-www-form-urlencoded')) {
      ctx.status = 415;
      ctx.body = { error: { status: 415, name: 'UnsupportedMediaTypeError', message: 'Callbacks are form-encoded' } };
      return;
    }
    return next();
  };
