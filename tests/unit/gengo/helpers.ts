import http from 'http';
import type { AddressInfo } from 'net';
import { startEmulator } from '../../../emulator/src';
import { EmulatorControl } from '../../../emulator/src/control-client';
import { createGengoClient, type GengoClientOptions } from '../../../server/src/gengo';

export type Emu = Awaited<ReturnType<typeof startEmulator>>;

/**
 * The emulator logs a request the client abandoned (our timeouts) as a handler failure
 * ("Error: aborted"): expected in these tests, so kept out of the output. Anything else is shown.
 */
export const quietAbortedRequests = () => {
  const original = console.error;
  jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    if (String(args[0]).includes('[gengo-emulator]') && (args[1] as any)?.message === 'aborted') return;
    original(...args);
  });
};

/** The emulator's control client (`/_emulator/…`, real HTTP), with two shorthands. */
export const control = (emu: Emu) => {
  const ctl = new EmulatorControl(emu.url);
  return Object.assign(ctl, {
    credits: async () => (await ctl.balance()).credits,
    summary: () => ctl.status() as Promise<{ orders: number; jobs: number; credits: number }>,
  });
};

/**
 * A client of the emulator with fast retries and reconciliation (ms, not seconds), unpaced (the
 * pacing has its own tests: pacing.test.ts) and waiting at most 50 ms for a Retry-After.
 */
export const clientFor = (
  emu: Emu | { apiUrl: string; publicKey: string; privateKey: string },
  over: Partial<GengoClientOptions> = {}
) =>
  createGengoClient({
    publicKey: emu.publicKey,
    privateKey: emu.privateKey,
    baseUrl: emu.apiUrl,
    timeoutMs: 2000,
    retries: 2,
    backoff: { baseDelayMs: 5, maxDelayMs: 50 },
    reconcile: { attempts: 8, delayMs: 100 },
    rateLimit: false,
    retryAfterMaxMs: 50,
    ...over,
  });

export interface Recorded {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/**
 * A pass-through HTTP proxy in front of the emulator: records the raw requests (headers, bytes) and
 * lets a test replace the answer *after* the emulator processed the request (`after`), which the
 * emulator's own faults (applied before handling) cannot do.
 */
export const startProxy = async (
  target: string,
  after?: (
    req: Recorded,
    upstream: { status: number; body: Buffer }
  ) => 'pass' | 'reset' | { status: number; body: string } | { delayMs: number },
  port = 0
) => {
  const recorded: Recorded[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const rec: Recorded = { method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks) };
      recorded.push(rec);
      const up = new URL(req.url!, target);
      const upReq = http.request(up, { method: req.method, headers: { ...req.headers, host: up.host } }, (upRes) => {
        const out: Buffer[] = [];
        upRes.on('data', (c) => out.push(c));
        upRes.on('end', () => {
          const upstream = { status: upRes.statusCode ?? 502, body: Buffer.concat(out) };
          const decision = after ? after(rec, upstream) : 'pass';
          if (decision === 'reset') return req.socket.destroy();
          const pass = () => {
            if (res.destroyed) return;
            res.writeHead(upstream.status, { 'content-type': upRes.headers['content-type'] ?? 'application/json' });
            res.end(upstream.body);
          };
          if (decision === 'pass') return pass();
          if ('delayMs' in decision) return void setTimeout(pass, decision.delayMs);
          res.writeHead(decision.status, { 'content-type': 'text/html' });
          res.end(decision.body);
        });
      });
      upReq.on('error', () => req.socket.destroy());
      upReq.end(rec.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  const bound = (server.address() as AddressInfo).port;
  return {
    apiUrl: `http://127.0.0.1:${bound}/v2/`,
    recorded,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
};

export const waitFor = async <T>(
  fn: () => Promise<T | undefined | false>,
  timeoutMs = 3000,
  everyMs = 25
): Promise<T> => {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error('waitFor: timed out');
    await new Promise((r) => setTimeout(r, everyMs));
  }
};

export const job = (over: Record<string, unknown> = {}) => ({
  type: 'text' as const,
  slug: 'Article 1 — title',
  body_src: 'Hello world, this is a test of the Gengo client.',
  lc_src: 'en',
  lc_tgt: 'fr',
  tier: 'standard' as const,
  ...over,
});

/** A port nothing listens on (yet). */
export const freePort = async (): Promise<number> => {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
};
