/**
 * Test-side Gengo client: signs independently with node:crypto (never the plugin's client), so
 * the emulator's signature check is tested against the documented algorithm.
 */
import { createHmac } from 'node:crypto';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Keys {
  apiUrl: string;
  publicKey: string;
  privateKey: string;
}

export const signTs = (ts: number | string, privateKey: string) =>
  createHmac('sha1', privateKey).update(String(ts)).digest('hex');

export const nowTs = () => Math.floor(Date.now() / 1000);

export interface GengoAnswer<T = any> {
  http: number;
  body: { opstat: 'ok' | 'error'; response?: T; err?: any };
}

function authParams(k: Keys, ts = nowTs()) {
  return { api_key: k.publicKey, ts: String(ts), api_sig: signTs(ts, k.privateKey) };
}

/** GET/DELETE: everything in the query string. */
export async function gengoGet<T = any>(
  k: Keys,
  path: string,
  params: Record<string, string> = {},
  method = 'GET'
): Promise<GengoAnswer<T>> {
  const qs = new URLSearchParams({ ...authParams(k), ...params });
  const res = await fetch(`${k.apiUrl}${path}?${qs}`, { method, headers: { accept: 'application/json' } });
  return { http: res.status, body: (await res.json()) as GengoAnswer<T>['body'] };
}

/** POST/PUT: form-encoded api_key, ts, api_sig and data = JSON payload. */
export async function gengoSend<T = any>(
  k: Keys,
  method: 'POST' | 'PUT',
  path: string,
  data?: unknown
): Promise<GengoAnswer<T>> {
  const form = new URLSearchParams(authParams(k));
  if (data !== undefined) form.set('data', JSON.stringify(data));
  const res = await fetch(`${k.apiUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: form.toString(),
  });
  return { http: res.status, body: (await res.json()) as GengoAnswer<T>['body'] };
}

export const textJob = (body: string, extra: Record<string, unknown> = {}) => ({
  type: 'text',
  slug: 'test',
  body_src: body,
  lc_src: 'en',
  lc_tgt: 'fr',
  tier: 'standard',
  ...extra,
});

/** Orders jobs and returns the order id, failing loudly on an error answer. */
export async function order(k: Keys, jobs: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const r = await gengoSend(k, 'POST', 'translate/jobs', { jobs, ...extra });
  if (r.body.opstat !== 'ok') throw new Error(`order failed: ${JSON.stringify(r.body)}`);
  return r.body.response as {
    order_id: string;
    job_count: number;
    credits_used: string;
    jobs?: any;
    group_id?: string;
  };
}

export async function orderJobIds(k: Keys, orderId: string): Promise<string[]> {
  const r = await gengoGet(k, `translate/order/${orderId}`);
  const o = r.body.response.order;
  return [...o.jobs_available, ...o.jobs_pending, ...o.jobs_reviewable, ...o.jobs_approved];
}

/** A callback receiver: answers each POST with the next status from `statuses` (then 200). */
export async function callbackReceiver(statuses: number[] = []) {
  const received: Array<{ contentType?: string; form: URLSearchParams }> = [];
  const queue = [...statuses];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      received.push({
        contentType: req.headers['content-type'],
        form: new URLSearchParams(Buffer.concat(chunks).toString()),
      });
      res.writeHead(queue.shift() ?? 200).end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/gengo-callback`;
  return { url, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

export async function waitFor<T>(fn: () => T | Promise<T>, timeoutMs = 3000, everyMs = 20): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error('waitFor: timed out');
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
