import crypto from 'crypto';
import { startEmulator } from '../../../emulator/src';
import {
  GengoApiError,
  GengoUnconfirmedChangeError,
  type GengoClient,
  type StateChangeResult,
} from '../../../server/src/gengo';
import { clientFor, control, job, quietAbortedRequests, startProxy, waitFor, type Emu } from './helpers';

/**
 * Approve, revise, reject and cancel change a job once: never sent twice after a lost answer,
 * confirmed by reading the job again (server/src/gengo/endpoints/state-changes.ts). Against the
 * emulator over HTTP; answers lost after the emulator did the work go through a proxy that drops
 * them, answers lost before it did go through the emulator's own faults.
 */
describe('state changes: once, and confirmed', () => {
  let emu: Emu;
  let ctl: ReturnType<typeof control>;
  let gengo: GengoClient;

  beforeAll(async () => {
    quietAbortedRequests();
    emu = await startEmulator({ port: 0, credits: 500, jobCreationDelayMs: 60_000, rateLimitPerMinute: 0 });
    ctl = control(emu);
    gengo = clientFor(emu);
  });
  afterAll(() => emu?.close());
  beforeEach(() => ctl.reset(500));

  /** A job of its own, moved to `status` at the emulator. */
  const jobIn = async (status: 'available' | 'pending' | 'reviewable') => {
    const res = await gengo.postJobs(
      { jobs: { job_1: job({ body_src: `Text ${crypto.randomUUID()}` }) } },
      { reference: `ref-${crypto.randomUUID()}` }
    );
    await ctl.flush();
    const { order } = await gengo.getOrder(res.order_id!);
    const id = String(order.jobs_available![0]);
    return status === 'available' ? ctl.job(id) : ctl.advance(id, status);
  };

  /** A proxy that lets the emulator handle `method` calls and then drops the connection: the answer is lost. */
  const losingAnswersTo = async (method: 'PUT' | 'DELETE') => {
    const proxy = await startProxy(emu.url, (req) => (req.method === method ? 'reset' : 'pass'));
    return { proxy, client: clientFor({ ...emu, apiUrl: proxy.apiUrl }, { retries: 3 }) };
  };

  const sent = async (method: string) => (await ctl.requests()).filter((r) => r.method === method);

  const caught = async (p: Promise<unknown>): Promise<any> => {
    try {
      await p;
    } catch (err) {
      return err;
    }
    throw new Error('expected a rejection');
  };

  it('a call that works is answered: outcome "answered"', async () => {
    const j = await jobIn('reviewable');
    const r: StateChangeResult = await gengo.approveJob(j.job_id, { rating: 5 });
    expect(r).toEqual({ outcome: 'answered', response: {} });
    expect((await ctl.job(j.job_id)).status).toBe('approved');
  });

  it('approve whose answer is lost after Gengo approved: confirmed by reading the job, sent once', async () => {
    const j = await jobIn('reviewable');
    const { proxy, client } = await losingAnswersTo('PUT');
    try {
      const r = await client.approveJob(j.job_id);
      expect(r.outcome).toBe('confirmed');
      expect(r.jobs?.map((x) => [String(x.job_id), x.status])).toEqual([[j.job_id, 'approved']]);
      expect(proxy.recorded.filter((x) => x.method === 'PUT')).toHaveLength(1);
    } finally {
      await proxy.close();
    }
  });

  it('approve lost before Gengo handled it (a 502 page): not sent again, an unconfirmed error naming the state', async () => {
    const j = await jobIn('reviewable');
    await ctl.fault({ path: 'translate/job/*', method: 'PUT', status: 502, count: 1 });
    const err = await caught(clientFor(emu, { retries: 3 }).approveJob(j.job_id));
    expect(err).toBeInstanceOf(GengoUnconfirmedChangeError);
    expect(err).toMatchObject({ action: 'approve', jobIds: [j.job_id], observed: { [j.job_id]: 'reviewable' } });
    expect(err.needsFreshCaptcha).toBe(false);
    expect(err.message).toMatch(/may not have happened; try again/);
    expect(err.cause).toBeInstanceOf(GengoApiError);
    expect((await sent('PUT')).map((r) => r.status)).toEqual([502]);
    expect((await ctl.job(j.job_id)).status).toBe('reviewable');
  });

  it('a timeout (no answer at all) is ambiguous too: read again, not sent again', async () => {
    const j = await jobIn('reviewable');
    await ctl.fault({ path: 'translate/job/*', method: 'PUT', hang: true, count: 1 });
    const err = await caught(clientFor(emu, { retries: 3, timeoutMs: 150 }).reviseJob(j.job_id, 'Shorter'));
    expect(err).toBeInstanceOf(GengoUnconfirmedChangeError);
    expect(err.cause.timedOut).toBe(true);
    expect(await sent('PUT')).toHaveLength(1);
  });

  it('revise whose answer is lost after Gengo did it: confirmed (revising)', async () => {
    const j = await jobIn('reviewable');
    const { proxy, client } = await losingAnswersTo('PUT');
    try {
      expect((await client.reviseJob(j.job_id, 'Use "tu"')).outcome).toBe('confirmed');
      expect((await ctl.job(j.job_id)).status).toBe('revising');
    } finally {
      await proxy.close();
    }
  });

  it('reject whose answer is lost after Gengo rejected: confirmed, the captcha used once', async () => {
    const j = await jobIn('reviewable');
    const { proxy, client } = await losingAnswersTo('PUT');
    try {
      const r = await client.rejectJob(j.job_id, { reason: 'quality', comment: 'No', captcha: j.captcha });
      expect(r.outcome).toBe('confirmed');
      const puts = proxy.recorded.filter((x) => x.method === 'PUT');
      expect(puts).toHaveLength(1);
    } finally {
      await proxy.close();
    }
  });

  it('reject lost before Gengo handled it: never sent again with the same captcha; a fresh one is asked for', async () => {
    const j = await jobIn('reviewable');
    await ctl.fault({ path: 'translate/job/*', method: 'PUT', hangMs: 20, count: 1 });
    const err = await caught(
      clientFor(emu, { retries: 3 }).rejectJob(j.job_id, { reason: 'quality', comment: 'No', captcha: j.captcha })
    );
    expect(err).toBeInstanceOf(GengoUnconfirmedChangeError);
    expect(err.needsFreshCaptcha).toBe(true);
    expect(err.message).toMatch(/a fresh captcha is needed/);
    expect(await sent('PUT')).toHaveLength(1);
    expect((await ctl.job(j.job_id)).status).toBe('reviewable');
  });

  it("a caller's retry of a call that worked gets 2250 from Gengo: reported done, not refused", async () => {
    const j = await jobIn('reviewable');
    await gengo.approveJob(j.job_id);
    const again = await gengo.approveJob(j.job_id);
    expect(again.outcome).toBe('confirmed');
    const puts = await sent('PUT');
    expect(puts).toHaveLength(2);
    expect(puts[1].errCode).toBe(2250);
    // Same for a cancel repeated (2252) and a reject repeated.
    const c = await jobIn('available');
    await gengo.cancelJob(c.job_id);
    expect((await gengo.cancelJob(c.job_id)).outcome).toBe('confirmed');
  });

  it('a "wrong state" answer for a job NOT in the state the action leads to stays a refusal (GengoApiError)', async () => {
    const pending = await jobIn('pending');
    const approve = await caught(gengo.approveJob(pending.job_id));
    expect(approve).toBeInstanceOf(GengoApiError);
    expect(approve.code).toBe(2250);
    const cancel = await caught(gengo.cancelJob(pending.job_id));
    expect(cancel).toBeInstanceOf(GengoApiError);
    expect(cancel.code).toBe(2252);
    // A revised job is not approved: approving it is refused, not "confirmed".
    const revised = await jobIn('reviewable');
    await gengo.reviseJob(revised.job_id, 'Again');
    expect((await caught(gengo.approveJob(revised.job_id))).code).toBe(2250);
  });

  it('other refusals are thrown as Gengo said them, without reading the job (wrong captcha 2401)', async () => {
    const j = await jobIn('reviewable');
    const before = (await ctl.requests()).length;
    const err = await caught(gengo.rejectJob(j.job_id, { reason: 'quality', comment: 'No', captcha: 'WRONG' }));
    expect(err).toBeInstanceOf(GengoApiError);
    expect(err.code).toBe(2401);
    expect((await ctl.requests()).slice(before).map((r) => r.method)).toEqual(['PUT']);
  });

  it('cancel whose answer is lost after Gengo cancelled: confirmed; a job cancelled by nobody: unconfirmed', async () => {
    const a = await jobIn('available');
    const { proxy, client } = await losingAnswersTo('DELETE');
    try {
      expect((await client.cancelJob(a.job_id)).outcome).toBe('confirmed');
    } finally {
      await proxy.close();
    }
    const b = await jobIn('available');
    await ctl.fault({ path: 'translate/job/*', method: 'DELETE', status: 503, count: 1 });
    const err = await caught(gengo.cancelJob(b.job_id));
    expect(err).toBeInstanceOf(GengoUnconfirmedChangeError);
    expect(err.observed).toEqual({ [b.job_id]: 'available' });
    expect((await sent('DELETE')).filter((r) => r.path.endsWith(b.job_id))).toHaveLength(1);
  });

  it('bulk approve (PUT translate/jobs) lost after Gengo did it: confirmed for every job', async () => {
    const a = await jobIn('reviewable');
    const b = await jobIn('reviewable');
    const { proxy, client } = await losingAnswersTo('PUT');
    try {
      const r = await client.approveJobs([{ job_id: a.job_id }, { job_id: b.job_id }]);
      expect(r.outcome).toBe('confirmed');
      expect(r.jobs?.map((x) => x.status)).toEqual(['approved', 'approved']);
    } finally {
      await proxy.close();
    }
    // Repeated by the caller: every job already approved → done; one that is not → Gengo's refusal.
    expect((await gengo.approveJobs([{ job_id: a.job_id }, { job_id: b.job_id }])).outcome).toBe('confirmed');
    const c = await jobIn('pending');
    const err = await caught(gengo.approveJobs([{ job_id: a.job_id }, { job_id: c.job_id }]));
    expect(err).toBeInstanceOf(GengoApiError);
  });

  it('order cancel lost after Gengo cancelled: confirmed when no job of the order is left available', async () => {
    const res = await gengo.postJobs(
      { jobs: { a: job({ body_src: 'Order to cancel one' }), b: job({ body_src: 'Order to cancel two' }) } },
      { reference: `ref-${crypto.randomUUID()}` }
    );
    await ctl.flush();
    const { proxy, client } = await losingAnswersTo('DELETE');
    try {
      expect((await client.cancelOrder(res.order_id!)).outcome).toBe('confirmed');
      const { order } = await gengo.getOrder(res.order_id!);
      expect(order.jobs_cancelled).toHaveLength(2);
    } finally {
      await proxy.close();
    }
  });

  it('a throttled state change (429: nothing was done) is sent again after Retry-After', async () => {
    const j = await jobIn('reviewable');
    await ctl.fault({
      path: 'translate/job/*',
      method: 'PUT',
      status: 429,
      contentType: 'application/json',
      body: JSON.stringify({ opstat: 'error', err: { code: 2800, msg: 'API temporarily unavailable' } }),
      count: 1,
    });
    expect((await gengo.approveJob(j.job_id)).outcome).toBe('answered');
    await waitFor(async () => (await ctl.job(j.job_id)).status === 'approved');
    expect((await sent('PUT')).map((r) => r.status)).toEqual([429, 200]);
  });
});
