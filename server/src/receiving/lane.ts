import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getService } from '../platform/services';
import { CALLBACK_PATH } from './callbacks';

/**
 * Gengo's callbacks, answered ahead of Strapi's global middlewares (session, security headers,
 * CORS, the body parser, the router). A burst is thousands of POSTs of a few hundred bytes, and
 * that stack cost about 1 ms of the server's one thread for each, more than the rest of receiving
 * a job. Registered with `strapi.server.use` at register, which puts it before them.
 *
 * Only a callback that will be accepted takes this lane: a token that does not verify, or a body
 * that is not form-encoded, goes on to the declared route (routes/content-api.ts), which refuses
 * it with Strapi's error and log (a compressed body goes there too, to be inflated). The body is
 * read only after the token is verified.
 */
// Gengo's callbacks are at most 60 KB; the playground's form limit (config/middlewares.ts) too.
const MAX_BODY_BYTES = 256 * 1024;

class PayloadTooLarge extends Error {}

const readBody = (req: NodeJS.ReadableStream, limit: number): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(new PayloadTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

const refuse = (ctx: any, status: number, name: string, message: string) => {
  ctx.status = status;
  ctx.body = { data: null, error: { status, name, message, details: {} } };
};

export const createCallbackLane = (strapi: Core.Strapi) => async (ctx: any, next: () => Promise<unknown>) => {
  if (ctx.method !== 'POST' || !ctx.path.startsWith(CALLBACK_PATH)) return next();
  const raw = ctx.path.slice(CALLBACK_PATH.length);
  if (!raw || raw.includes('/')) return next();
  let token: string;
  try {
    token = decodeURIComponent(raw);
  } catch {
    return next();
  }
  // A compressed body is the body parser's to inflate.
  const encoded = (ctx.get('content-encoding') || 'identity') !== 'identity';
  const receiving = getService(strapi, 'receiving');
  if (encoded || (await receiving.refusal(ctx, token))) return next();

  let text: string;
  try {
    text = await readBody(ctx.req, MAX_BODY_BYTES);
  } catch (err) {
    if (err instanceof PayloadTooLarge) return refuse(ctx, 413, 'PayloadTooLargeError', 'A callback is at most 256 KB');
    // The sender went away mid-body: nobody to answer.
    return refuse(ctx, 400, 'BadRequestError', 'The callback body could not be read');
  }
  try {
    receiving.receive(Object.fromEntries(new URLSearchParams(text)));
  } catch (err: any) {
    if (err instanceof errors.ValidationError) return refuse(ctx, 400, 'ValidationError', err.message);
    // Strapi's error middleware is further down: log and answer as it would.
    strapi.log.error(`[gengo] callback not received: ${err?.message ?? err}`);
    return refuse(ctx, 500, 'InternalServerError', 'Internal Server Error');
  }
  ctx.status = 200;
  ctx.body = { ok: true };
};
