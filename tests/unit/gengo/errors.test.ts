import util from 'util';
import { startEmulator } from '../../../emulator/src';
import {
  GengoApiError,
  GengoTimeoutError,
  GengoTransportError,
  createGengoClient,
  type GengoClient,
} from '../../../server/src/gengo';
import { clientFor, control, quietAbortedRequests, job, type Emu } from './helpers';

/** Every error path of the client, against the emulator over real HTTP. */
describe('Gengo client errors', () => {
  let emu: Emu;
  let ctl: ReturnType<typeof control>;
  let gengo: GengoClient;

  beforeAll(async () => {
    quietAbortedRequests();
    emu = await startEmulator({ port: 0, credits: 100, jobCreationDelayMs: 10 });
    ctl = control(emu);
    gengo = clientFor(emu);
  });
  afterAll(() => emu?.close());
  beforeEach(() => ctl.reset(100));

  const caught = async (p: Promise<unknown>): Promise<any> => {
    try {
      await p;
    } catch (err) {
      return err;
    }
    throw new Error('expected a rejection');
  };

  /** Nothing secret in the error, however it is printed. */
  const expectNoSecrets = (err: any, secrets: string[]) => {
    const texts = [err.message, err.url, JSON.stringify(err), util.inspect(err, { depth: 8 }), String(err.stack)];
    for (const secret of secrets) for (const text of texts) expect(text).not.toContain(secret);
  };

  it('bad signature (wrong private key) → GengoApiError 1000, HTTP 401, redacted URL', async () => {
    const bad = clientFor(emu, { privateKey: 'not-the-private-key' });
    const err = await caught(bad.getAccountBalance());
    expect(err).toBeInstanceOf(GengoApiError);
    expect(err.code).toBe(1000);
    expect(err.isAuthenticationError).toBe(true);
    expect(err.status).toBe(401);
    expect(err.gengoMessage).toMatch(/api_sig/);
    expect(err.method).toBe('GET');
    expect(err.url).toMatch(/account\/balance\?api_key=\[REDACTED\]&ts=\d+&api_sig=\[REDACTED\]$/);
    expectNoSecrets(err, [emu.publicKey, 'not-the-private-key']);
    // a 4xx answer is not retried
    expect((await ctl.requests()).filter((r) => r.path === '/v2/account/balance')).toHaveLength(1);
  });

  it('unknown public key → 1000', async () => {
    const err = await caught(clientFor(emu, { publicKey: 'who-is-this' }).getAccountBalance());
    expect(err).toBeInstanceOf(GengoApiError);
    expect(err.code).toBe(1000);
    expect(err.gengoMessage).toMatch(/unknown api_key/);
    expectNoSecrets(err, ['who-is-this', emu.privateKey]);
  });

  it('a stale ts (clock skew beyond the window) → 1000', async () => {
    const skewed = clientFor(emu, { now: () => Date.now() - 3600_000 });
    expect((await caught(skewed.getAccountStats())).code).toBe(1000);
  });

  it('insufficient credits → 2700 with HTTP 200 (opstat decides); no order, no charge', async () => {
    await ctl.setBalance(0.01);
    const err = await caught(gengo.postJobs({ jobs: { job_1: job() } }, { reference: 'ref-no-credits-1' }));
    expect(err).toBeInstanceOf(GengoApiError);
    expect(err.status).toBe(200);
    expect(err.code).toBe(2700);
    expect(err.gengoMessage).toMatch(/credits/i);
    expect(err.body.err.credits_needed).toBeDefined();
    expect((await ctl.summary()).orders).toBe(0);
    expect(await ctl.credits()).toBe(0.01);
  });

  it('per-job errors of a multi-job payload, keyed by job', async () => {
    const err = await caught(
      gengo.postJobs(
        { jobs: { job_1: job(), job_2: job({ lc_tgt: 'xx' }), job_3: job({ body_src: '' }) } },
        { reference: 'ref-per-job-1' }
      )
    );
    expect(err).toBeInstanceOf(GengoApiError);
    expect(err.status).toBe(200);
    expect(err.code).toBeUndefined();
    expect(Object.keys(err.jobErrors).sort()).toEqual(['job_2', 'job_3']);
    expect(err.jobErrors.job_2[0]).toEqual({ code: 1551, msg: expect.any(String) });
    expect(err.jobErrors.job_3[0].code).toBe(1350);
    expect(err.message).toMatch(/job_2.*1551.*and 1 more/);
  });

  it('an unknown job → 2100 (HTTP 200 error envelope)', async () => {
    const err = await caught(gengo.getJob(42));
    expect(err).toBeInstanceOf(GengoApiError);
    expect(err.status).toBe(200);
    expect(err.code).toBe(2100);
  });

  it('5xx then success: a GET is retried with backoff', async () => {
    await ctl.fault({ path: 'account/balance', status: 503, count: 2 });
    const retries: number[] = [];
    const client = clientFor(emu, { retries: 3, onRetry: (i) => retries.push(i.attempt) });
    expect(Number((await client.getAccountBalance()).credits)).toBe(100);
    expect(retries).toEqual([1, 2]);
    const calls = (await ctl.requests()).filter((r) => r.path === '/v2/account/balance');
    expect(calls.map((r) => r.status)).toEqual([503, 503, 200]);
  });

  it('5xx more times than the retries: GengoApiError with the status and the (HTML) body', async () => {
    await ctl.fault({ path: 'account/stats', status: 502, count: 5 });
    const err = await caught(clientFor(emu, { retries: 1 }).getAccountStats());
    expect(err).toBeInstanceOf(GengoApiError);
    expect(err.status).toBe(502);
    expect(err.code).toBeUndefined();
    expect(err.body).toMatch(/<html>/);
    expect((await ctl.requests()).filter((r) => r.path === '/v2/account/stats')).toHaveLength(2);
  });

  it('a proxy page that echoes the request keeps the credentials out of the error', async () => {
    await ctl.fault({
      path: 'account/stats',
      status: 400,
      body: `<html>Bad request: GET /v2/account/stats?api_key=${emu.publicKey}&api_sig=abc</html>`,
      count: 1,
    });
    const err = await caught(gengo.getAccountStats());
    expect(err.status).toBe(400);
    expect(err.body).toMatch(/Bad request/);
    expectNoSecrets(err, [emu.publicKey, 'api_sig=abc']);
  });

  it('a state change (DELETE, PUT) is not sent again after a 5xx: the job is read again instead', async () => {
    await ctl.fault({ path: 'translate/job/*', method: 'DELETE', status: 500, count: 1 });
    const err = await caught(gengo.cancelJob(1));
    expect(err.code).toBe(2100); // the re-read's answer: no such job
    const calls = await ctl.requests();
    expect(calls.filter((r) => r.method === 'DELETE').map((r) => r.status)).toEqual([500]);
    expect(calls.filter((r) => r.method === 'GET').map((r) => r.path)).toEqual(['/v2/translate/jobs/1']);
  });

  it('an archive (harmless twice, not visible on a job) is retried after a 5xx like a read', async () => {
    await ctl.fault({ path: 'translate/jobs', method: 'PUT', status: 502, count: 1 });
    const err = await caught(gengo.archiveJobs([1]));
    expect(err.jobErrors['1'][0].code).toBe(2100); // the retry reached the handler
    expect((await ctl.requests()).filter((r) => r.method === 'PUT').map((r) => r.status)).toEqual([502, 200]);
  });

  it('a POST that is not an order (comment) is not retried after a 5xx', async () => {
    await ctl.fault({ path: 'translate/job/*/comment', status: 500, count: 1 });
    const err = await caught(gengo.postJobComment(1, 'hello'));
    expect(err).toBeInstanceOf(GengoApiError);
    expect(err.status).toBe(500);
    expect((await ctl.requests()).filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('timeout → GengoTimeoutError after the retries, each attempt bounded', async () => {
    await ctl.fault({ path: 'account/me', hang: true, count: 3 });
    const client = clientFor(emu, { timeoutMs: 150, retries: 1 });
    const started = Date.now();
    const err = await caught(client.getAccountMe());
    expect(err).toBeInstanceOf(GengoTimeoutError);
    expect(err).toBeInstanceOf(GengoTransportError);
    expect(err.timedOut).toBe(true);
    expect(err.timeoutMs).toBe(150);
    expect(Date.now() - started).toBeLessThan(1500);
    expect((await ctl.requests()).filter((r) => r.path === '/v2/account/me')).toHaveLength(2);
    expectNoSecrets(err, [emu.publicKey, emu.privateKey]);
  });

  it('timeout once, then success: retried', async () => {
    await ctl.fault({ path: 'account/balance', latencyMs: 400, count: 1 });
    const client = clientFor(emu, { timeoutMs: 150, retries: 2 });
    expect(Number((await client.getAccountBalance()).credits)).toBe(100);
    await new Promise((r) => setTimeout(r, 300)); // let the emulator finish the abandoned request
  });

  it('a dropped connection (no answer) → transport error, retried for GET', async () => {
    await ctl.fault({ path: 'account/balance', hangMs: 10, count: 1 });
    expect(Number((await gengo.getAccountBalance()).credits)).toBe(100);
    await ctl.fault({ path: 'account/balance', hangMs: 10, count: 5 });
    const err = await caught(clientFor(emu, { retries: 1 }).getAccountBalance());
    expect(err).toBeInstanceOf(GengoTransportError);
    expect(err.maybeSent).toBe(true);
  });

  it('rate limited (HTTP 429, code 2800): retried, also for a POST of jobs (nothing was processed), then thrown', async () => {
    await ctl.rateLimit(1);
    try {
      await gengo.getAccountBalance(); // the one call of this minute
      const client = clientFor(emu, { retries: 2 });
      const get = await caught(client.getAccountStats());
      expect(get).toBeInstanceOf(GengoApiError);
      expect([get.status, get.code]).toEqual([429, 2800]);
      const post = await caught(client.postJobs({ jobs: { job_1: job() } }, { reference: 'ref-rate-limited' }));
      expect(post).toBeInstanceOf(GengoApiError); // an answer, not an ambiguous order
      expect([post.status, post.code]).toEqual([429, 2800]);
      const calls = await ctl.requests();
      expect(calls.filter((r) => r.path === '/v2/account/stats')).toHaveLength(3);
      expect(calls.filter((r) => r.method === 'POST')).toHaveLength(3);
      expect(calls.filter((r) => r.method === 'GET' && r.path === '/v2/translate/jobs')).toHaveLength(0);
    } finally {
      await ctl.rateLimit(0);
    }
    expect((await ctl.summary()).orders).toBe(0);
  });

  it('connection refused → transport error that provably did not reach Gengo', async () => {
    const client = createGengoClient({
      publicKey: 'pub-key-secret',
      privateKey: 'priv-key-secret',
      baseUrl: 'http://127.0.0.1:1/v2/',
      retries: 1,
      backoff: { baseDelayMs: 1 },
    });
    const err = await caught(client.getAccountBalance());
    expect(err).toBeInstanceOf(GengoTransportError);
    expect(err.code).toBe('ECONNREFUSED');
    expect(err.maybeSent).toBe(false);
    expectNoSecrets(err, ['pub-key-secret', 'priv-key-secret']);
    expect(err.cause).toBeInstanceOf(Error);
  });

  it('refuses bad construction without any network call', () => {
    expect(() => createGengoClient({ publicKey: '', privateKey: 'x', baseUrl: 'http://x/v2/' })).toThrow(TypeError);
    expect(() => createGengoClient({ publicKey: 'p', privateKey: 'x', baseUrl: 'ftp://x' })).toThrow(/http/);
    expect(createGengoClient({ publicKey: 'p', privateKey: 'x', baseUrl: 'http://x/v2' }).baseUrl).toBe('http://x/v2/');
  });
});
