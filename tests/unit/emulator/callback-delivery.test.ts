import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CallbackDispatcher } from '../../../emulator/src/callbacks';

/** A receiver that answers each POST after `delayMs` and records how many were open at once. */
const slowReceiver = async (delayMs: number) => {
  let open = 0;
  const seen = { maxOpen: 0, received: [] as string[], connections: 0 };
  const server = http.createServer((req, res) => {
    open++;
    seen.maxOpen = Math.max(seen.maxOpen, open);
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () =>
      setTimeout(() => {
        seen.received.push(JSON.parse(new URLSearchParams(body).get('job') ?? '{}').job_id);
        open--;
        res.end('ok');
      }, delayMs)
    );
  });
  server.on('connection', () => seen.connections++);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return { url, seen, close: () => new Promise<void>((r) => server.close(() => r())) };
};

const burst = async (concurrency: number) => {
  const hook = await slowReceiver(30);
  const dispatcher = new CallbackDispatcher({ retryMs: 50, maxAttempts: 3, timeoutMs: 5000, concurrency });
  try {
    for (let i = 0; i < 20; i++)
      dispatcher.send(hook.url, 'job', { job_id: String(i) }, { event: 'reviewable', jobId: String(i) });
    const deadline = Date.now() + 10_000;
    while (!dispatcher.list().every((r) => r.delivered) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 10));
    return {
      maxOpen: hook.seen.maxOpen,
      received: hook.seen.received,
      delivered: dispatcher.list().filter((r) => r.delivered).length,
      connections: hook.seen.connections,
      summary: dispatcher.summary(),
    };
  } finally {
    await dispatcher.close();
    await hook.close();
  }
};

describe('emulator: callback delivery', () => {
  it('keeps at most `concurrency` deliveries in flight, and delivers every one', async () => {
    const { maxOpen, received, delivered } = await burst(3);
    expect(maxOpen).toBe(3);
    expect(delivered).toBe(20);
    expect([...received].sort((a, b) => Number(a) - Number(b))).toEqual(
      Array.from({ length: 20 }, (_, i) => String(i))
    );
  });

  it('keeps its connections open between deliveries, and counts what is left to deliver', async () => {
    const { connections, summary } = await burst(3);
    expect(connections).toBeLessThanOrEqual(3);
    expect(summary).toEqual({ total: 20, delivered: 20, undelivered: 0 });
  });

  it('records a refused connection and a receiver that does not answer in time, and tries again', async () => {
    const hook = await slowReceiver(300);
    const down = await slowReceiver(0);
    await down.close(); // nothing listens on its port now
    const dispatcher = new CallbackDispatcher({ retryMs: 20, maxAttempts: 2, timeoutMs: 100, concurrency: 2 });
    try {
      const refused = dispatcher.send(down.url, 'job', { job_id: '1' }, { event: 'reviewable', jobId: '1' });
      const slow = dispatcher.send(hook.url, 'job', { job_id: '2' }, { event: 'reviewable', jobId: '2' });
      const deadline = Date.now() + 5000;
      while ((refused.attempts < 2 || slow.attempts < 2) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, 150));
      expect(refused.statuses).toEqual(['ECONNREFUSED', 'ECONNREFUSED']);
      expect(slow.statuses).toEqual(['TIMEOUT', 'TIMEOUT']);
      expect(dispatcher.summary()).toEqual({ total: 2, delivered: 0, undelivered: 2 });
    } finally {
      await dispatcher.close();
      await hook.close();
    }
  });

  it('up to 3 attempts, an hour apart by default (callback_urls.md); faster only when asked', async () => {
    const failing = http.createServer((_req, res) => res.writeHead(500).end());
    await new Promise<void>((r) => failing.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(failing.address() as AddressInfo).port}/hook`;
    const hourly = new CallbackDispatcher({ retryMs: 3_600_000, maxAttempts: 3, timeoutMs: 1000, concurrency: 8 });
    const fast = new CallbackDispatcher({ retryMs: 20, maxAttempts: 3, timeoutMs: 1000, concurrency: 8 });
    try {
      const slow = hourly.send(url, 'job', { job_id: '1' }, { event: 'reviewable', jobId: '1' });
      const quick = fast.send(url, 'job', { job_id: '2' }, { event: 'reviewable', jobId: '2' });
      const deadline = Date.now() + 3000;
      while (quick.attempts < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, 100));
      expect(quick.statuses).toEqual([500, 500, 500]); // and no fourth
      expect(quick.nextAttemptAt).toBeUndefined();
      expect(slow.statuses).toEqual([500]);
      const due = Date.parse(slow.nextAttemptAt!) - Date.now();
      expect(due).toBeGreaterThan(3_590_000);
      expect(due).toBeLessThanOrEqual(3_600_000);
    } finally {
      await hourly.close();
      await fast.close();
      await new Promise<void>((r) => failing.close(() => r()));
    }
  });

  it('with no limit (0), opens them all at once', async () => {
    const { maxOpen, delivered } = await burst(0);
    expect(maxOpen).toBeGreaterThan(3);
    expect(delivered).toBe(20);
  });

  it('still sends one job’s callbacks in the order its states changed', async () => {
    const hook = await slowReceiver(5);
    const dispatcher = new CallbackDispatcher({ retryMs: 50, maxAttempts: 3, timeoutMs: 5000, concurrency: 2 });
    try {
      for (const event of ['available', 'reviewable', 'approved'])
        dispatcher.send(hook.url, 'job', { job_id: event }, { event, jobId: '7' });
      const deadline = Date.now() + 5000;
      while (!dispatcher.list().every((r) => r.delivered) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 10));
      expect(hook.seen.received).toEqual(['available', 'reviewable', 'approved']);
    } finally {
      await dispatcher.close();
      await hook.close();
    }
  });
});
