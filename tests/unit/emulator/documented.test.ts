import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { captchaPng, startEmulator, RunningEmulator } from '../../../emulator/src/index';
import { EmulatorControl } from '../../../emulator/src/control-client';
import { callbackReceiver, gengoGet, gengoSend, order, orderJobIds, textJob, waitFor } from './helpers';

/**
 * Behaviours the docs describe that the emulator once left out: the rate limit on by default
 * (throttling.md), auto-approval after 72 hours or 24 hours per 1000 words (overview.md), in
 * emulated time; a captcha a person can read; the state kept across restarts when asked.
 */
const HOUR = 3600;

describe('emulator: throttling (150 requests a minute per IP, on by default)', () => {
  it('answers the 151st call of a minute with HTTP 429, code 2800 and Retry-After; 0 lifts it', async () => {
    const emu = await startEmulator({ port: 0 });
    const lifted = await startEmulator({ port: 0, rateLimitPerMinute: 0 });
    try {
      const languages = (e: RunningEmulator) => fetch(`${e.apiUrl}translate/service/languages?api_key=${e.publicKey}`);
      const answers = await Promise.all(Array.from({ length: 150 }, () => languages(emu)));
      expect(answers.every((r) => r.status === 200)).toBe(true);
      const over = await languages(emu);
      expect(over.status).toBe(429);
      expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(Number(over.headers.get('retry-after'))).toBeLessThanOrEqual(60);
      expect(((await over.json()) as any).err.code).toBe(2800);
      const free = await Promise.all(Array.from({ length: 160 }, () => languages(lifted)));
      expect(free.every((r) => r.status === 200)).toBe(true);
    } finally {
      await emu.close();
      await lifted.close();
    }
  }, 30_000); // hundreds of calls: seconds on a busy machine
});

describe('emulator: auto-approval of reviewable jobs, in emulated time', () => {
  let emu: RunningEmulator;
  let control: EmulatorControl;
  let hook: Awaited<ReturnType<typeof callbackReceiver>>;
  beforeAll(async () => {
    emu = await startEmulator({ port: 0, jobCreationDelayMs: 60_000, duplicateWindowSeconds: 0 });
    control = new EmulatorControl(emu.url);
  });
  afterAll(() => emu.close());
  beforeEach(async () => {
    await control.reset();
    hook = await callbackReceiver();
  });
  afterEach(() => hook.close());

  const reviewable = async (body: string, extra: Record<string, unknown> = {}) => {
    const res = await order(emu, { j: textJob(body, { callback_url: hook.url, ...extra }) });
    await control.flush();
    const [id] = await orderJobIds(emu, res.order_id);
    return control.advance(id, 'reviewable');
  };
  const status = async (id: string) => (await gengoGet(emu, `translate/job/${id}`)).body.response.job.status;

  it('a small job approves itself 72 hours after it became reviewable, with an "approved" callback', async () => {
    const job = await reviewable('Three short words');
    const { now } = await control.clock();
    expect(job.auto_approve_at).toBeGreaterThanOrEqual(now + 72 * HOUR - 1);
    expect(job.auto_approve_at).toBeLessThanOrEqual(now + 72 * HOUR + 1);
    const clock = await control.advanceClock(72 * HOUR - 60);
    expect(clock.offsetSeconds).toBe(72 * HOUR - 60);
    expect(await status(job.job_id)).toBe('reviewable');
    await control.advanceClock(120);
    expect(await status(job.job_id)).toBe('approved');
    await waitFor(() => hook.received.length === 3);
    expect(hook.received.map((r) => JSON.parse(r.form.get('job')!).status)).toEqual([
      'available',
      'reviewable',
      'approved',
    ]);
    expect((await control.job(job.job_id)).auto_approve_at).toBeNull();
  });

  it('a large job waits 24 hours per 1000 words: 5000 words → 120 hours', async () => {
    const words = Array.from({ length: 5000 }, (_, i) => `w${i}`).join(' ');
    const job = await reviewable(words);
    expect(Number(job.unit_count)).toBe(5000);
    await control.advanceClock(119 * HOUR);
    expect(await status(job.job_id)).toBe('reviewable');
    await control.advanceClock(HOUR + 5);
    expect(await status(job.job_id)).toBe('approved');
  });

  it('the period starts again when a revision comes back; revisions are stamped in emulated time', async () => {
    const job = await reviewable('Revise me later');
    await control.advanceClock(70 * HOUR);
    await gengoSend(emu, 'PUT', `translate/job/${job.job_id}`, { action: 'revise', comment: 'Shorter' });
    const back = await control.advance(job.job_id, 'reviewable');
    const { now } = await control.clock();
    expect(back.revisions[1].ctime).toBeGreaterThanOrEqual(now - 5);
    await control.advanceClock(10 * HOUR); // 80 h after the first submission, 10 h after the second
    expect(await status(job.job_id)).toBe('reviewable');
    await control.advanceClock(63 * HOUR);
    expect(await status(job.job_id)).toBe('approved');
  });

  it('jobs that auto-approve, and jobs acted upon, are not touched; the clock only moves forward', async () => {
    const a = await reviewable('Approved by the customer');
    await gengoSend(emu, 'PUT', `translate/job/${a.job_id}`, { action: 'approve' });
    const b = await reviewable('Rejected by the customer');
    await gengoSend(emu, 'PUT', `translate/job/${b.job_id}`, {
      action: 'reject',
      reason: 'other',
      comment: 'No',
      captcha: b.captcha,
      follow_up: 'cancel',
    });
    await control.advanceClock(1000 * HOUR);
    expect([await status(a.job_id), await status(b.job_id)]).toEqual(['approved', 'rejected']);
    await expect(control.advanceClock(-1)).rejects.toThrow(/400/);
  });
});

describe('emulator: the reject captcha is a readable image', () => {
  /** The grey levels of an 8-bit grayscale PNG written by captchaPng (filter 0 rows). */
  const pixels = (png: Buffer) => {
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    const idat = png.subarray(png.indexOf('IDAT') + 4, png.indexOf('IEND') - 8);
    const raw = inflateSync(idat);
    return { width, height, dark: (x: number, y: number) => raw[y * (width + 1) + 1 + x] < 0x80 };
  };

  it("captcha_url serves a PNG of the job's current captcha text", async () => {
    const emu = await startEmulator({ port: 0, jobCreationDelayMs: 60_000 });
    const control = new EmulatorControl(emu.url);
    try {
      const res = await order(emu, { j: textJob('Reject me') });
      await control.flush();
      const [id] = await orderJobIds(emu, res.order_id);
      const job = await control.advance(id, 'reviewable');
      const url = (await gengoGet(emu, `translate/job/${id}`)).body.response.job.captcha_url;
      const img = await fetch(url);
      expect(img.headers.get('content-type')).toBe('image/png');
      const bytes = Buffer.from(await img.arrayBuffer());
      expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
      expect(bytes.equals(captchaPng(job.captcha))).toBe(true);
      expect((await fetch(url.replace(/\/captcha\/\d+/, '/captcha/42'))).status).toBe(404);
    } finally {
      await emu.close();
    }
  });

  it('draws each letter: "L" is a vertical bar and a foot, "T" a bar and a stem', () => {
    const l = pixels(captchaPng('L'));
    const t = pixels(captchaPng('T'));
    expect([l.width, l.height]).toEqual([t.width, t.height]);
    const scale = 6;
    const pad = 12;
    const at = (p: ReturnType<typeof pixels>, fx: number, fy: number) =>
      p.dark(pad + fx * scale + 2, pad + fy * scale + 2);
    expect([0, 1, 2, 3, 4, 5, 6].map((y) => at(l, 0, y))).toEqual(Array(7).fill(true));
    expect([0, 1, 2, 3, 4].map((x) => at(l, x, 6))).toEqual(Array(5).fill(true));
    expect(at(l, 4, 0)).toBe(false);
    expect([0, 1, 2, 3, 4].map((x) => at(t, x, 0))).toEqual(Array(5).fill(true));
    expect([1, 2, 3, 4, 5, 6].map((y) => at(t, 2, y))).toEqual(Array(6).fill(true));
    expect(at(t, 0, 6)).toBe(false);
    expect(captchaPng('ABCD').equals(captchaPng('ABCE'))).toBe(false);
  });
});

describe('emulator: state kept across restarts when asked', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gengo-emulator-state-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a second run carries on: same jobs, balance and clock, ids continue; queued jobs are still created', async () => {
    const stateFile = path.join(dir, 'nested', 'gengo-emulator.json');
    const first = await startEmulator({ port: 0, stateFile, credits: 50, jobCreationDelayMs: 60_000 });
    const one = await order(first, { a: textJob('First run text') });
    await new EmulatorControl(first.url).flush();
    const [firstJob] = await orderJobIds(first, one.order_id);
    await new EmulatorControl(first.url).advance(firstJob, 'reviewable');
    await new EmulatorControl(first.url).advanceClock(HOUR);
    const queued = await order(first, { b: textJob('Still queued at shutdown') });
    await first.close();
    expect(fs.existsSync(stateFile)).toBe(true);

    const second = await startEmulator({ port: 0, stateFile, credits: 50, jobCreationDelayMs: 20 });
    const control = new EmulatorControl(second.url);
    try {
      expect((await gengoGet(second, `translate/job/${firstJob}`)).body.response.job).toMatchObject({
        status: 'reviewable',
        body_src: 'First run text',
      });
      expect((await control.clock()).offsetSeconds).toBe(HOUR);
      expect((await gengoGet(second, 'account/balance')).body.response.credits).toBe('49.58'); // 3 + 4 words × 0.06 spent
      await waitFor(async () => (await orderJobIds(second, queued.order_id)).length === 1, 2000);
      const next = await order(second, { c: textJob('Second run text') });
      expect(Number(next.order_id)).toBe(Number(queued.order_id) + 1);
      await control.flush();
      const [nextJob] = await orderJobIds(second, next.order_id);
      expect(Number(nextJob)).toBeGreaterThan(Number(firstJob) + 1);
      // Lazy loading sees the first run's translations too.
      expect((await order(second, { again: textJob('First run text') })).jobs.again[0].job_id).toBe(firstJob);
    } finally {
      await second.close();
    }
    const third = await startEmulator({ port: 0 }); // no stateFile: a clean start
    try {
      expect((await gengoGet(third, `translate/job/${firstJob}`)).body.err.code).toBe(2100);
    } finally {
      await third.close();
    }
  });

  it('reset empties the kept state too', async () => {
    const stateFile = path.join(dir, 'state.json');
    const emu = await startEmulator({ port: 0, stateFile });
    await order(emu, { a: textJob('Forgotten') });
    await new EmulatorControl(emu.url).reset();
    await emu.close();
    const again = await startEmulator({ port: 0, stateFile });
    try {
      expect(await new EmulatorControl(again.url).jobs()).toEqual([]);
    } finally {
      await again.close();
    }
  });
});
