import { startEmulator, RunningEmulator } from '../../../emulator/src/index';
import { EmulatorControl } from '../../../emulator/src/control-client';
import { gengoGet, gengoSend, nowTs, signTs, textJob } from './helpers';

describe('emulator: fault injection and the request log', () => {
  let emu: RunningEmulator;
  let control: EmulatorControl;
  beforeAll(async () => {
    emu = await startEmulator({ port: 0 });
    control = new EmulatorControl(emu.url);
  });
  afterAll(() => emu.close());
  beforeEach(() => control.reset());

  const balanceUrl = () => {
    const ts = nowTs();
    return `${emu.apiUrl}account/balance?api_key=${emu.publicKey}&ts=${ts}&api_sig=${signTs(ts, emu.privateKey)}`;
  };

  it('answers the next N matching calls with a 5xx, then recovers', async () => {
    const f = await control.fault({ path: 'account/balance', status: 503, count: 2 });
    expect(f).toMatchObject({ id: expect.any(Number), status: 503, count: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await fetch(balanceUrl())).status);
    expect(statuses).toEqual([503, 503, 200]);
    expect((await gengoGet(emu, 'account/stats')).http).toBe(200); // other paths untouched
    expect((await control.faults())[0]).toMatchObject({ matched: 2, applied: 2 });
  });

  it('applies a percentage deterministically (50% = every other call)', async () => {
    await control.fault({ path: 'account/*', status: 500, percent: 50 });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await fetch(balanceUrl())).status);
    expect(statuses).toEqual([200, 500, 200, 500]);
  });

  it('hangs: the client times out (never answered)', async () => {
    await control.fault({ path: 'account/balance', hang: true, count: 1 });
    await expect(fetch(balanceUrl(), { signal: AbortSignal.timeout(200) })).rejects.toThrow(/abort|timeout/i);
    expect((await fetch(balanceUrl())).status).toBe(200);
  });

  it('hangMs: holds the call then drops the connection without an answer', async () => {
    await control.fault({ path: 'account/balance', hangMs: 100, count: 1 });
    const t0 = Date.now();
    await expect(fetch(balanceUrl())).rejects.toThrow();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(90);
  });

  it('afterHandling: the call is handled (the order created, the credits spent), then its answer is the fault', async () => {
    const gateway = { status: 502, contentType: 'application/json', body: '{"message":"bad gateway"}' };
    await control.fault({ path: 'translate/jobs', method: 'POST', ...gateway, afterHandling: true, count: 1 });
    const before = (await gengoGet(emu, 'account/balance')).body.response.credits;
    const lost = await gengoSend(emu, 'POST', 'translate/jobs', {
      jobs: { job_1: textJob('Words lost in the answer') },
    });
    expect(lost.http).toBe(502);
    expect((await control.jobs()).map((j: any) => j.body_src)).toEqual(['Words lost in the answer']);
    expect(Number((await gengoGet(emu, 'account/balance')).body.response.credits)).toBeLessThan(Number(before));
    // Without afterHandling the same fault answers before anything is done.
    await control.fault({ path: 'translate/jobs', method: 'POST', ...gateway, count: 1 });
    expect(
      (await gengoSend(emu, 'POST', 'translate/jobs', { jobs: { job_1: textJob('Words never read') } })).http
    ).toBe(502);
    expect(await control.jobs()).toHaveLength(1);
  });

  it('afterHandling with latencyMs: the jobs exist at Gengo while the answer is still on its way', async () => {
    await control.fault({ path: 'translate/jobs', method: 'POST', latencyMs: 600, afterHandling: true, count: 1 });
    const t0 = Date.now();
    const answer = gengoSend(emu, 'POST', 'translate/jobs', { jobs: { job_1: textJob('Words answered late') } });
    let seenAt = 0;
    while (!seenAt) {
      if ((await control.jobs()).some((j: any) => j.body_src === 'Words answered late')) seenAt = Date.now();
      else await new Promise((res) => setTimeout(res, 20));
    }
    const { http } = await answer;
    expect(http).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(590);
    // Seen at Gengo well before the answer came back.
    expect(Date.now() - seenAt).toBeGreaterThanOrEqual(300);
  });

  it('bodyContains: only the calls whose parameters carry the text', async () => {
    const refusal = {
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ opstat: 'error', err: { code: 2700, msg: 'refused' } }),
    };
    await control.fault({
      path: 'translate/jobs',
      method: 'POST',
      ...refusal,
      bodyContains: 'Words of the refused entry',
    });
    const refused = await gengoSend(emu, 'POST', 'translate/jobs', {
      jobs: { job_1: textJob('Other words'), job_2: textJob('Words of the refused entry') },
    });
    expect(refused.body).toMatchObject({ opstat: 'error', err: { code: 2700 } });
    const placed = await gengoSend(emu, 'POST', 'translate/jobs', { jobs: { job_1: textJob('Other words, alone') } });
    expect(placed.body).toMatchObject({ opstat: 'ok' });
    expect((await control.faults())[0]).toMatchObject({ matched: 1, applied: 1 });
  });

  it('adds latency, then answers normally', async () => {
    await control.fault({ method: 'GET', path: '**', latencyMs: 150 });
    const t0 = Date.now();
    const res = await fetch(balanceUrl());
    expect(res.status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    await control.clearFaults();
    expect(await control.faults()).toEqual([]);
  });

  it('throttles like Gengo when a rate limit is set (HTTP 429, code 2800)', async () => {
    await control.rateLimit(3);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await fetch(balanceUrl())).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await fetch(balanceUrl());
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await limited.json()) as any;
    expect(body).toEqual({ opstat: 'error', err: { code: 2800, msg: expect.stringMatching(/3 requests per minute/) } });
    await control.rateLimit(0);
    expect((await fetch(balanceUrl())).status).toBe(200);
  });

  it('logs every /v2 request (method, path, status, opstat) for call counting', async () => {
    await fetch(balanceUrl());
    await gengoGet(emu, 'translate/job/1');
    const log = await control.requests();
    expect(log.map((r) => [r.method, r.path, r.status, r.opstat])).toEqual([
      ['GET', '/v2/account/balance', 200, 'ok'],
      ['GET', '/v2/translate/job/1', 200, 'error'],
    ]);
    expect(log[1].errCode).toBe(2100);
    await control.clearRequests();
    expect(await control.requests()).toEqual([]);
  });
});
