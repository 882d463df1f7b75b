import zlib from 'node:zlib';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { CALLBACK_MAX_BYTES } from '../constants';
import { getService } from '../platform/services';
import { CALLBACK_PATH } from './callbacks';

/**
 * Every request to the callback path (`/api/gengo/callback/<token>`), answered here, ahead of
 * Strapi's global middlewares (registered with `strapi.server.use` at register, which puts it before
 * them). Two reasons:
 * - the secret token is in the path, and `strapi::logger` logs every path it sees (`POST
 *   /api/gengo/callback/<token> 413`): accepted or refused, plain or compressed, too big or of the
 *   wrong method, no request to this path reaches it, nor any other middleware that logs;
 * - a burst is thousands of POSTs of a few hundred bytes, and that stack cost about 1 ms of the
 *   server's one thread for each, more than the rest of receiving a job.
 * The body is read (and inflated: gzip, deflate, br) only after the token is verified, here rather
 * than by `strapi::body`, so the app's body limits do not apply to callbacks (MAX_BODY_BYTES does).
 * The declared route (routes/content-api.ts) documents the path; nothing reaches it.
 */
const MAX_BODY_BYTES = CALLBACK_MAX_BYTES;

class PayloadTooLarge extends Error {}
class Unreadable extends Error {}

const decoders: Record<string, () => zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress> = {
  gzip: () => zlib.createGunzip(),
  'x-gzip': () => zlib.createGunzip(),
  deflate: () => zlib.createInflate(),
  br: () => zlib.createBrotliDecompress(),
};

/** The body, inflated when `decoder` is given; at most `limit` bytes sent and `limit` bytes inflated. */
const readBody = (req: NodeJS.ReadableStream, decoder: NodeJS.ReadWriteStream | null, limit: number) =>
  new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let sent = 0;
    let size = 0;
    let done = false;
    const fail = (err: Error) => {
      if (done) return;
      done = true;
      if (decoder) {
        req.unpipe(decoder as any);
        (decoder as any).destroy();
      }
      req.removeAllListeners('data');
      // Drained, so that the answer can be sent.
      req.resume();
      reject(err);
    };
    const out = decoder ?? req;
    req.on('data', (chunk: Buffer) => {
      sent += chunk.length;
      if (sent > limit) fail(new PayloadTooLarge());
    });
    out.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) return fail(new PayloadTooLarge());
      if (!done) chunks.push(chunk);
    });
    out.on('end', () => {
      if (done) return;
      done = true;
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    // A body that does not inflate, or a sender gone mid-body.
    out.on('error', () => fail(new Unreadable()));
    if (decoder) {
      req.on('error', () => fail(new Unreadable()));
      req.pipe(decoder as any);
    }
  });

const refuse = (ctx: any, status: number, name: string, message: string) => {
  ctx.status = status;
  ctx.body = { data: null, error: { status, name, message, details: {} } };
};

const answer = async (strapi: Core.Strapi, ctx: any, raw: string) => {
  if (ctx.method !== 'POST') {
    ctx.set('Allow', 'POST');
    return refuse(ctx, 405, 'MethodNotAllowedError', 'Callbacks are POSTed');
  }
  if (!raw || raw.includes('/')) return refuse(ctx, 404, 'NotFoundError', 'Not Found');
  let token: string | null;
  try {
    token = decodeURIComponent(raw);
  } catch {
    token = null;
  }
  const receiving = getService(strapi, 'receiving');
  const refusal = await receiving.refusal(ctx, token);
  if (refusal) {
    if (refusal.status === 401) strapi.log.warn(`[gengo] callback refused: bad token (from ${ctx.request.ip})`);
    return refuse(ctx, refusal.status, refusal.name, refusal.message);
  }
  const encoding = String(ctx.get('content-encoding') || 'identity')
    .trim()
    .toLowerCase();
  const decoder = encoding === 'identity' ? null : decoders[encoding];
  if (decoder === undefined) {
    return refuse(ctx, 415, 'UnsupportedMediaTypeError', `Unsupported content-encoding "${encoding}"`);
  }

  let text: string;
  try {
    text = await readBody(ctx.req, decoder && decoder(), MAX_BODY_BYTES);
  } catch (err) {
    if (err instanceof PayloadTooLarge) return refuse(ctx, 413, 'PayloadTooLargeError', 'A callback is at most 256 KB');
    return refuse(ctx, 400, 'BadRequestError', 'The callback body could not be read');
  }
  try {
    receiving.receive(Object.fromEntries(new URLSearchParams(text)));
  } catch (err: any) {
    if (err instanceof errors.ValidationError) return refuse(ctx, 400, 'ValidationError', err.message);
    throw err;
  }
  ctx.status = 200;
  ctx.body = { ok: true };
};

export const createCallbackLane = (strapi: Core.Strapi) => {
  const lane = async (ctx: any, next: () => Promise<unknown>) => {
    // The router matches paths case-insensitively: so does the lane, or `/API/…` would reach the logger.
    if (!ctx.path.toLowerCase().startsWith(CALLBACK_PATH)) return next();
    // One trailing slash is the same route for Strapi's router.
    const raw = ctx.path.slice(CALLBACK_PATH.length).replace(/\/$/, '');
    try {
      await answer(strapi, ctx, raw);
    } catch (err: any) {
      // Strapi's error middleware is further down: log (without the path) and answer as it would.
      strapi.log.error(`[gengo] callback not received: ${err?.message ?? err}`);
      refuse(ctx, 500, 'InternalServerError', 'Internal Server Error');
    }
  };
  lane.gengoCallbackLane = true;
  return lane;
};
