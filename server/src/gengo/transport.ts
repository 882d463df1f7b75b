import axios, { type AxiosInstance } from 'axios';
import { authParams } from './signing';
import { GengoApiError, GengoTimeoutError, GengoTransportError, redactUrl, type GengoRequestInfo } from './errors';
import type { GengoErrorDetail, HttpMethod } from './types';

/**
 * One HTTP exchange with Gengo: signs, encodes, sends, and maps the answer to a value or a typed
 * error. No retries here (see request.ts).
 *
 * Wire format (Gengo API v2): GET/DELETE carry `api_key`, `ts`, `api_sig` and their parameters in
 * the query string; POST/PUT send `application/x-www-form-urlencoded` with the same three fields and
 * `data` = the JSON payload. Every answer is an envelope, `{"opstat":"ok","response":…}` or
 * `{"opstat":"error","err":…}`, whatever the HTTP status: `opstat` decides.
 */

export interface TransportConfig {
  publicKey: string;
  privateKey: string;
  /** Ends with `/`, e.g. `https://api.gengo.com/v2/`. */
  baseUrl: string;
  timeoutMs: number;
  userAgent: string;
  now: () => number;
}

export type QueryValue = string | number | boolean | undefined | null;

export interface SendOptions {
  query?: Record<string, QueryValue>;
  /** JSON payload, sent as the `data` form field (POST/PUT). */
  data?: unknown;
  /** Multipart upload (quote/file): files keyed by field name. */
  files?: Record<string, { filename: string; content: Buffer | string; contentType?: string }>;
  /** The endpoint may answer with an image (job preview): return its bytes. */
  binary?: boolean;
}

export interface SendResult<T> {
  value: T;
  status: number;
  headers: Record<string, string | undefined>;
}

/** Connection never made: the request provably did not reach Gengo. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
]);

const MAX_BODY_IN_ERROR = 2048;

export const createTransport = (config: TransportConfig) => {
  const http: AxiosInstance = axios.create({
    validateStatus: () => true,
    transformResponse: [(d: unknown) => d],
    maxRedirects: 0,
    // The whole exchange is bounded by our own AbortController timer below.
    timeout: 0,
  });

  const buildQuery = (params: Record<string, QueryValue>) => {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null) qs.append(k, String(v));
    return qs.toString();
  };

  return async function send<T>(method: HttpMethod, path: string, opts: SendOptions = {}): Promise<SendResult<T>> {
    const auth = authParams(config.publicKey, config.privateKey, config.now());
    const endpoint = new URL(path.replace(/^\/+/, ''), config.baseUrl).toString();
    const headers: Record<string, string> = { Accept: 'application/json', 'User-Agent': config.userAgent };
    let url = endpoint;
    let body: Buffer | FormData | undefined;

    if (method === 'GET' || method === 'DELETE') {
      url = `${endpoint}?${buildQuery({ ...auth, ...(opts.query ?? {}) })}`;
    } else if (opts.files) {
      const form = new FormData();
      for (const [k, v] of Object.entries(auth)) form.append(k, v);
      if (opts.data !== undefined) form.append('data', JSON.stringify(opts.data));
      for (const [field, file] of Object.entries(opts.files)) {
        form.append(
          field,
          // A Buffer over a SharedArrayBuffer is no BlobPart: copy bytes into a plain Uint8Array.
          new Blob([typeof file.content === 'string' ? file.content : new Uint8Array(file.content)], {
            type: file.contentType ?? 'application/octet-stream',
          }),
          file.filename
        );
      }
      body = form;
      if (opts.query) url = `${endpoint}?${buildQuery(opts.query)}`;
    } else {
      const form: Record<string, QueryValue> = { ...auth };
      if (opts.data !== undefined) form.data = JSON.stringify(opts.data);
      body = Buffer.from(buildQuery(form), 'utf8');
      headers['Content-Type'] = 'application/x-www-form-urlencoded; charset=utf-8';
      // Bytes, not characters: a payload in Japanese is three bytes a character.
      headers['Content-Length'] = String(body.length);
      if (opts.query) url = `${endpoint}?${buildQuery(opts.query)}`;
    }

    const request: GengoRequestInfo = { method, url, path };
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, config.timeoutMs);

    let res;
    try {
      res = await http.request({
        method,
        url,
        headers,
        data: body,
        signal: controller.signal,
        responseType: 'arraybuffer',
      });
    } catch (err: any) {
      if (timedOut) throw new GengoTimeoutError(request, config.timeoutMs, sanitizeCause(err));
      const code: string | undefined = err?.code ?? err?.cause?.code;
      throw new GengoTransportError(
        `Could not reach Gengo: ${code ?? err?.message ?? 'network error'} (${method} ${path})`,
        request,
        {
          code,
          maybeSent: !NOT_SENT_CODES.has(code ?? ''),
          cause: sanitizeCause(err),
        }
      );
    } finally {
      clearTimeout(timer);
    }

    const status = res.status;
    const resHeaders: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(res.headers ?? {}))
      resHeaders[k.toLowerCase()] = v == null ? undefined : String(v);
    const raw = Buffer.from(res.data as ArrayBuffer);
    const contentType = resHeaders['content-type'] ?? '';

    if (opts.binary && status >= 200 && status < 300 && !/json/i.test(contentType)) {
      return { value: raw as unknown as T, status, headers: resHeaders };
    }

    const text = raw.toString('utf8');
    let parsed: any;
    try {
      parsed = text.length ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }

    if (parsed && parsed.opstat === 'ok') return { value: parsed.response as T, status, headers: resHeaders };
    if (parsed && parsed.opstat === 'error') throw envelopeError(request, status, parsed, resHeaders['retry-after']);
    // A proxy's error page may echo the request line: keep the credentials out of the error.
    const scrubbed = redactUrl(text.split(config.publicKey).join('[REDACTED]').split(auth.api_sig).join('[REDACTED]'));
    throw new GengoApiError({
      request,
      status,
      body: scrubbed.slice(0, MAX_BODY_IN_ERROR),
      retryAfter: resHeaders['retry-after'],
      message:
        status >= 200 && status < 300
          ? `Gengo answered HTTP ${status} without a Gengo envelope (${method} ${path})`
          : `Gengo answered HTTP ${status} (${method} ${path})`,
    });
  };
};

export type Send = ReturnType<typeof createTransport>;

/** Maps `{"opstat":"error","err":…}` to a GengoApiError, top-level and per-job errors alike. */
export const envelopeError = (
  request: GengoRequestInfo,
  status: number,
  envelope: any,
  retryAfter?: string
): GengoApiError => {
  const err = envelope?.err;
  let code: number | undefined;
  let msg: string | undefined;
  const jobErrors: Record<string, GengoErrorDetail[]> = {};
  const toDetail = (e: any): GengoErrorDetail => ({ code: toCode(e?.code) ?? 0, msg: String(e?.msg ?? '') });

  if (Array.isArray(err)) {
    code = toCode(err[0]?.code);
    msg = err[0]?.msg;
  } else if (err && typeof err === 'object') {
    code = toCode(err.code);
    msg = typeof err.msg === 'string' ? err.msg : undefined;
    for (const [key, value] of Object.entries(err)) {
      if (key === 'code' || key === 'msg') continue;
      if (Array.isArray(value)) jobErrors[key] = value.map(toDetail);
      else if (value && typeof value === 'object') jobErrors[key] = [toDetail(value)];
    }
  } else if (typeof err === 'string') {
    msg = err;
  }
  return new GengoApiError({ request, status, code, gengoMessage: msg, jobErrors, body: envelope, retryAfter });
};

const toCode = (v: unknown): number | undefined => {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^\d+$/.test(v)) return Number(v);
  return undefined;
};

/**
 * An axios error carries the request config (URL with api_key/api_sig, the form body): keep only
 * its message and code, and the underlying system error, never the config.
 */
const sanitizeCause = (err: any): Error => {
  const clean = new Error(String(err?.message ?? err));
  (clean as any).code = err?.code;
  const inner = err?.cause;
  if (inner && typeof inner === 'object' && !inner.config) (clean as any).cause = inner;
  return clean;
};
