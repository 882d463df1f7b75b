import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { jobRoutes } from './api-jobs';
import { otherRoutes } from './api-other';
import type { AutoMode } from './auto';
import { captchaPng } from './captcha-image';
import type { Emulator, RequestRecord } from './context';
import type { Fault } from './faults';
import { handleControl } from './control';
import { ErrorCode, GengoError, KeyedGengoError } from './errors';
import { parseBody, readBody, sendJson, sendRaw, sleep } from './http-utils';
import { captchaText, sweepAutoApprovals } from './jobs';
import { ApiContext, compile, findRoute, RawAnswer } from './router';
import { verify } from './signature';

/**
 * HTTP front: routes /v2/… (Gengo API, with envelope, auth and injected faults), /_emulator/…
 * (control API) and /captcha/… (captcha images referenced by captcha_url). Before each call,
 * reviewable jobs whose auto-approval period is over are approved (emulated time).
 */
const routes = compile([...jobRoutes, ...otherRoutes]);

function envelopeError(res: ServerResponse, rec: RequestRecord, err: unknown) {
  if (err instanceof KeyedGengoError) {
    rec.errCode = Number(Object.values(err.errors)[0]?.[0]?.code);
    return sendJson(res, (rec.status = 200), { opstat: 'error', err: err.errors });
  }
  if (err instanceof GengoError) {
    rec.errCode = err.code;
    return sendJson(res, (rec.status = err.httpStatus), { opstat: 'error', err: err.body() });
  }
  // A bug in the emulator: answer like an upstream 500 so it is visible, and log it.
  console.error('[gengo-emulator] handler failed:', err);
  return sendJson(res, (rec.status = 500), { opstat: 'error', err: { code: 500, msg: String(err) } });
}

/**
 * Gengo's documented throttle (throttling.md: 150 requests a minute per IP; 0 lifts it): a
 * sliding window over real time. Returns the seconds until a call is allowed again (for
 * Retry-After), or undefined if allowed.
 */
function overRateLimit(emu: Emulator, ip: string): number | undefined {
  const limit = emu.config.rateLimitPerMinute;
  if (!limit) return undefined;
  const now = Date.now();
  const calls = (emu.recentCalls.get(ip) ?? []).filter((t) => now - t < 60_000);
  emu.recentCalls.set(ip, calls);
  if (calls.length < limit) {
    calls.push(now);
    return undefined;
  }
  return Math.max(1, Math.ceil((calls[0] + 60_000 - now) / 1000));
}

function mergeGetData(params: Map<string, string>) {
  const raw = params.get('data');
  if (!raw) return;
  try {
    const data = JSON.parse(raw);
    if (data && typeof data === 'object' && !Array.isArray(data))
      for (const [k, v] of Object.entries(data))
        if (!params.has(k) && v !== null && v !== undefined) params.set(k, String(v));
  } catch {
    // not JSON: leave it; GET handlers don't read `data` themselves
  }
}

async function handleApi(emu: Emulator, req: IncomingMessage, res: ServerResponse, url: URL) {
  const apiPath = url.pathname.slice('/v2/'.length).replace(/\/+$/, '');
  const wireMethod = (req.method ?? 'GET').toUpperCase();
  const rec: RequestRecord = {
    seq: emu.requests.length + 1,
    at: new Date().toISOString(),
    method: wireMethod,
    wireMethod,
    path: url.pathname,
    userAgent: req.headers['user-agent'],
  };
  emu.requests.push(rec);

  const waitS = overRateLimit(emu, req.socket.remoteAddress ?? '');
  if (waitS !== undefined) {
    rec.errCode = ErrorCode.TEMPORARILY_UNAVAILABLE;
    res.setHeader('retry-after', String(waitS));
    return sendJson(res, (rec.status = 429), {
      opstat: 'error',
      err: {
        code: ErrorCode.TEMPORARILY_UNAVAILABLE,
        msg: `API temporarily unavailable: over ${emu.config.rateLimitPerMinute} requests per minute`,
      },
    });
  }

  let body: ReturnType<typeof parseBody>;
  try {
    body = parseBody(req.headers['content-type'], await readBody(req));
  } catch (err) {
    rec.opstat = 'error';
    return envelopeError(res, rec, err);
  }
  const fault = emu.faults.take(wireMethod, apiPath, [...body.fields].map(([, v]) => v).join('\n'));
  /** Answers as the fault says; false when it says to answer normally. */
  const faulty = async (f: Fault): Promise<boolean> => {
    if (f.hang) return true; // never answered; closeAllConnections() ends it at shutdown
    if (f.hangMs !== undefined) {
      await sleep(f.hangMs);
      req.socket.destroy(); // no answer at all, as when a gateway gives up
      return true;
    }
    if (f.status) {
      rec.status = f.status;
      const body = f.body ?? `<html><body><h1>${f.status} Server Error</h1></body></html>`;
      sendRaw(res, f.status, f.contentType ?? 'text/html; charset=utf-8', body);
      return true;
    }
    return false;
  };
  if (fault) {
    rec.fault = fault.id;
    if (fault.latencyMs && !fault.afterHandling) await sleep(fault.latencyMs);
    if (!fault.afterHandling && (await faulty(fault))) return;
  }

  try {
    sweepAutoApprovals(emu);
    const params = new Map<string, string>(url.searchParams);
    for (const [k, v] of body.fields) params.set(k, v);
    const method = (params.get('_method') ?? wireMethod).toUpperCase();
    // gengo-php sends GET arguments as a JSON `data` query parameter (e.g. translate/jobs
    // filters); plain query parameters (gengo-python, the docs) win when both are present.
    if (method === 'GET' || method === 'DELETE') mergeGetData(params);
    rec.method = method;
    const found = findRoute(routes, method, apiPath);
    if (!('route' in found) || !found.route) {
      const status = found.pathKnown ? 405 : 404;
      return sendJson(res, (rec.status = status), {
        opstat: 'error',
        err: {
          code: status,
          msg: `${found.pathKnown ? 'method not allowed' : 'no such endpoint'}: ${method} /v2/${apiPath}`,
        },
      });
    }
    verify(
      { api_key: params.get('api_key'), api_sig: params.get('api_sig'), ts: params.get('ts') },
      [{ publicKey: emu.config.publicKey, privateKey: emu.config.privateKey }],
      { keyOnly: found.route.auth === 'key', clockSkewSeconds: emu.config.clockSkewSeconds }
    );
    const ctx: ApiContext = { emu, method, params, files: body.files, match: found.match! };
    const result = await found.route.handler(ctx);
    if (fault?.afterHandling) {
      // The work is done and its callbacks may go out while the answer is still on its way.
      if (fault.latencyMs) await sleep(fault.latencyMs);
      if (await faulty(fault)) return;
    }
    if (result instanceof RawAnswer) return sendRaw(res, (rec.status = 200), result.contentType, result.body);
    rec.opstat = 'ok';
    return sendJson(res, (rec.status = 200), { opstat: 'ok', response: result ?? {} });
  } catch (err) {
    rec.opstat = 'error';
    return envelopeError(res, rec, err);
  }
}

/** `/captcha/{job}-{nonce}.png`: the captcha text of that job and nonce, readable (captcha-image.ts). */
function captcha(emu: Emulator, res: ServerResponse, pathname: string) {
  const m = /^\/captcha\/(\d+)-(\d+)\.png$/.exec(pathname);
  if (!m || !emu.store.job(m[1])) return sendJson(res, 404, { error: 'no such captcha' });
  return sendRaw(res, 200, 'image/png', captchaPng(captchaText(Number(m[1]), Number(m[2]))));
}

export function createEmulatorServer(emu: Emulator, auto: AutoMode): Server {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://emulator.local');
    let work: Promise<unknown>;
    if (url.pathname.startsWith('/v2/')) work = handleApi(emu, req, res, url);
    else if (url.pathname.startsWith('/_emulator/') || url.pathname === '/_emulator')
      work = handleControl(emu, auto, req, res, url);
    else if (url.pathname.startsWith('/captcha/')) work = Promise.resolve(captcha(emu, res, url.pathname));
    else
      work = Promise.resolve(
        sendJson(res, 404, {
          opstat: 'error',
          err: { code: 404, msg: `not found: ${url.pathname} (the API lives under /v2/)` },
        })
      );
    // Whatever a call changed is written to the state file a moment later (when there is one).
    res.once('finish', () => emu.stateFile?.schedule());
    work.catch((err) => {
      console.error('[gengo-emulator] request failed:', err);
      if (!res.headersSent) sendJson(res, 500, { error: String(err) });
      else res.destroy();
    });
  });
  // Longer than any client keeps an idle connection (Node's agents: 5 s): the client always
  // closes an idle connection first, so none sends a request on one the emulator is closing.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return server;
}
