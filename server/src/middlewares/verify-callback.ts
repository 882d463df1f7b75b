import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';
import type { CallbacksService } from '../services/callbacks';

/**
 * Why a callback is refused before its body is read: the token in the path must match
 * (constant-time, against its stored hash) → else 401; the body must be form-encoded → else 415.
 * Null when it may be read. Shared by this route middleware and the lane ahead of Strapi's
 * middlewares (callback-lane.ts), which leaves a refused callback to the route.
 */
export const callbackRefusal = async (
  ctx: any,
  callbacks: CallbacksService,
  token: unknown
): Promise<{ status: number; name: string; message: string } | null> => {
  if (!(await callbacks.verifyToken(token)))
    return { status: 401, name: 'UnauthorizedError', message: 'Invalid callback token' };
  if (!ctx.is('application/x-www-form-urlencoded'))
    return { status: 415, name: 'UnsupportedMediaTypeError', message: 'Callbacks are form-encoded' };
  return null;
};

/** Route middleware of the public callback route: refuses (see `callbackRefusal`) before anything else. */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: any, next: () => Promise<unknown>) => {
    const refusal = await callbackRefusal(
      ctx,
      strapi.plugin(PLUGIN_ID).service('callbacks') as CallbacksService,
      ctx.params?.token
    );
    if (!refusal) return next();
    if (refusal.status === 401) strapi.log.warn(`[gengo] callback refused: bad token (from ${ctx.request.ip})`);
    ctx.status = refusal.status;
    ctx.body = { error: refusal };
  };
