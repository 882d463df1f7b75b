import crypto from 'crypto';
import { startEmulator } from '../../../emulator/src';
import { GengoAmbiguousOrderError, GengoApiError, type GengoClient } from '../../../server/src/gengo';
import { clientFor, control, quietAbortedRequests, freePort, job, startProxy, type Emu } from './helpers';

/**
 * `postJobs` never turns one order into two: after an ambiguous failure it reconciles by the
 * reference in custom_data (see server/src/gengo/endpoints/post-jobs.ts). Against the emulator;
 * answers lost *after* the emulator processed the POST go through a pass-through proxy, since the
 * emulator's faults apply before handling.
 */
describe('postJobs: no double orders', () => {
  let emu: Emu;
  let ctl: ReturnType<typeof control>;
  let gengo: GengoClient;
  const START = 100;

  beforeAll(async () => {
    quietAbortedRequests();
    emu = await startEmulator({ port: 0, credits: START, jobCreationDelayMs: 100 });
    ctl = control(emu);
    gengo = clientFor(emu);
  });
  afterAll(() => emu?.close());
  beforeEach(() => ctl.reset(START));

  const ref = () => `ref-${crypto.randomUUID()}`;
  const payload = () => ({
    jobs: {
      job_1: job({ body_src: `Ordering text ${crypto.randomUUID()}` }),
      job_2: job({ body_src: 'A second text.', lc_tgt: 'de' }),
    },
  });
  const posts = async () =>
    (await ctl.requests()).filter((r) => r.method === 'POST' && r.path === '/v2/translate/jobs');

  /** Exactly one order, charged once, with both jobs carrying the reference. */
  const expectOneOrder = async (reference: string, orderId: unknown) => {
    const summary = await ctl.summary();
    expect(summary.orders).toBe(1);
    const jobs = await ctl.jobs();
    expect(jobs).toHaveLength(2);
    expect(jobs.every((j) => j.custom_data === reference && String(j.order_id) === String(orderId))).toBe(true);
    const spent = jobs.reduce((s, j) => s + Number(j.credits), 0);
    expect(await ctl.credits()).toBeCloseTo(START - spent, 2);
  };

  it('success: Gengo’s answer, reconciled: false, the reference in every job', async () => {
    const reference = ref();
    const res = await gengo.postJobs(payload(), { reference });
    expect(res).toEqual(expect.objectContaining({ reconciled: false, reference, order_id: expect.anything() }));
    await ctl.flush();
    await expectOneOrder(reference, res.order_id);
  });

  it('timeout after the emulator created the order → reconciled to that order, never posted twice', async () => {
    // The emulator's latency fault delays *before* handling, and an aborted request is never
    // handled: the proxy lets the emulator create the order and holds the answer past the timeout.
    const proxy = await startProxy(emu.url, (req) => (req.method === 'POST' ? { delayMs: 1000 } : 'pass'));
    try {
      const client = clientFor({ ...emu, apiUrl: proxy.apiUrl }, { timeoutMs: 200, retries: 3 });
      const reference = ref();
      const res = await client.postJobs(payload(), { reference });
      expect(res.reconciled).toBe(true);
      expect(Number(res.job_count)).toBe(2);
      expect(Number(res.credits_used)).toBeGreaterThan(0);
      expect(await posts()).toHaveLength(1);
      await expectOneOrder(reference, res.order_id);
    } finally {
      await proxy.close();
    }
  });

  it('timeout before the emulator handled the POST (latency fault) → ambiguous, nothing posted again', async () => {
    await ctl.fault({ path: 'translate/jobs', method: 'POST', latencyMs: 400, count: 1 });
    const reference = ref();
    const client = clientFor(emu, { timeoutMs: 100, retries: 3, reconcile: { attempts: 2, delayMs: 20 } });
    const err: any = await client.postJobs(payload(), { reference }).catch((e) => e);
    expect(err).toBeInstanceOf(GengoAmbiguousOrderError);
    expect(err.cause.timedOut).toBe(true);
    await new Promise((r) => setTimeout(r, 500));
    await ctl.flush();
    expect(await posts()).toHaveLength(1);
    // Whatever the emulator did with the abandoned request, a later lookup agrees with it.
    const found = await gengo.findOrderByReference(reference, err.submittedAfter);
    expect((await ctl.summary()).orders).toBe(found ? 1 : 0);
  });

  it('HTTP 502 after the order was created → reconciled, one order, one charge', async () => {
    const proxy = await startProxy(emu.url, (req) =>
      req.method === 'POST' && req.url.startsWith('/v2/translate/jobs')
        ? { status: 502, body: '<html>Bad gateway</html>' }
        : 'pass'
    );
    try {
      const reference = ref();
      const res = await clientFor({ ...emu, apiUrl: proxy.apiUrl }, { retries: 3 }).postJobs(payload(), { reference });
      expect(res.reconciled).toBe(true);
      expect(await posts()).toHaveLength(1);
      await expectOneOrder(reference, res.order_id);
    } finally {
      await proxy.close();
    }
  });

  it('connection reset after the order was created → reconciled', async () => {
    const proxy = await startProxy(emu.url, (req) => (req.method === 'POST' ? 'reset' : 'pass'));
    try {
      const reference = ref();
      const res = await clientFor({ ...emu, apiUrl: proxy.apiUrl }).postJobs(payload(), { reference });
      expect(res.reconciled).toBe(true);
      expect(await posts()).toHaveLength(1);
      await expectOneOrder(reference, res.order_id);
    } finally {
      await proxy.close();
    }
  });

  it('HTTP 200 without an envelope (truncated answer) after creation → reconciled', async () => {
    const proxy = await startProxy(emu.url, (req) =>
      req.method === 'POST' ? { status: 200, body: '{"opstat":"o' } : 'pass'
    );
    try {
      const reference = ref();
      const res = await clientFor({ ...emu, apiUrl: proxy.apiUrl }).postJobs(payload(), { reference });
      expect(res.reconciled).toBe(true);
      await expectOneOrder(reference, res.order_id);
    } finally {
      await proxy.close();
    }
  });

  it('HTTP 500 before anything was created → GengoAmbiguousOrderError, no second POST, no order', async () => {
    await ctl.fault({ path: 'translate/jobs', method: 'POST', status: 500, count: 5 });
    const reference = ref();
    let err: any;
    try {
      await clientFor(emu, { retries: 3, reconcile: { attempts: 3, delayMs: 20 } }).postJobs(payload(), { reference });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(GengoAmbiguousOrderError);
    expect(err.reference).toBe(reference);
    expect(err.submittedAfter).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
    expect(err.cause).toBeInstanceOf(GengoApiError);
    expect(err.cause.status).toBe(500);
    expect(await posts()).toHaveLength(1);
    expect((await ctl.summary()).orders).toBe(0);
    expect(await ctl.credits()).toBe(START);
    // The caller resolves it later: still nothing.
    expect(await gengo.findOrderByReference(reference, err.submittedAfter)).toBeNull();
  });

  it('a later lookup finds an order whose jobs were still queued during reconciliation', async () => {
    const slow = await startEmulator({ port: 0, credits: START, jobCreationDelayMs: 60_000 });
    try {
      const proxy = await startProxy(slow.url, (req) =>
        req.method === 'POST' ? { status: 504, body: 'timeout' } : 'pass'
      );
      const client = clientFor({ ...slow, apiUrl: proxy.apiUrl }, { reconcile: { attempts: 2, delayMs: 20 } });
      const reference = ref();
      const err: any = await client.postJobs(payload(), { reference }).catch((e) => e);
      expect(err).toBeInstanceOf(GengoAmbiguousOrderError);
      await control(slow).flush(); // Gengo's queue creates the jobs
      const found = await client.findOrderByReference(reference, err.submittedAfter);
      expect(found).toEqual(expect.objectContaining({ reconciled: true, reference }));
      expect(Number(found!.job_count)).toBe(2);
      expect((await control(slow).summary()).orders).toBe(1);
      await proxy.close();
    } finally {
      await slow.close();
    }
  });

  it('the same reference posted again (a caller retrying) → Gengo’s 1754 → the existing order', async () => {
    const reference = ref();
    const body = payload();
    const first = await gengo.postJobs(body, { reference });
    const again = await gengo.postJobs(body, { reference });
    expect(again.reconciled).toBe(true);
    expect(String(again.order_id)).toBe(String(first.order_id));
    await expectOneOrder(reference, first.order_id);
  });

  it('connection refused (provably not sent) → posted again, once, when Gengo is back', async () => {
    const port = await freePort();
    let proxy: Awaited<ReturnType<typeof startProxy>> | undefined;
    const client = clientFor(
      { ...emu, apiUrl: `http://127.0.0.1:${port}/v2/` },
      {
        retries: 2,
        sleep: async () => {
          proxy ??= await startProxy(emu.url, undefined, port); // Gengo comes back before the retry
        },
      }
    );
    try {
      const reference = ref();
      const res = await client.postJobs(payload(), { reference });
      expect(res.reconciled).toBe(false);
      expect(await posts()).toHaveLength(1);
      expect(proxy!.recorded.filter((r) => r.method === 'POST')).toHaveLength(1);
      await ctl.flush();
      await expectOneOrder(reference, res.order_id);
    } finally {
      await proxy?.close();
    }
  });

  it('a Gengo error answer (bad payload) is thrown as is, without reconciliation', async () => {
    const err: any = await gengo
      .postJobs({ jobs: { job_1: job({ tier: 'gold' as any }) } }, { reference: ref() })
      .catch((e) => e);
    expect(err).toBeInstanceOf(GengoApiError);
    expect(err.jobErrors.job_1[0].code).toBe(1304);
    expect((await ctl.requests()).filter((r) => r.method === 'GET')).toHaveLength(0);
  });
});
