import { startEmulator } from '../../../emulator/src';
import { DEFAULT_RATE_LIMIT, sharedPacer } from '../../../server/src/gengo';
import { clientFor, control, type Emu } from './helpers';

/**
 * Pacing below Gengo's 150 requests a minute (server/src/gengo/pacing.ts). The bucket's promise
 * is an upper bound — never more than `burst + elapsed / interval` calls started — so the tests
 * check that bound at a fast rate (no test waits a minute), and that calls are not held longer
 * than needed.
 */
describe('pacing', () => {
  it('the defaults keep any minute below 150 calls: burst + per minute < 150', () => {
    expect(DEFAULT_RATE_LIMIT).toEqual({ perMinute: 120, burst: 20 });
    expect(DEFAULT_RATE_LIMIT.perMinute + DEFAULT_RATE_LIMIT.burst).toBeLessThan(150);
  });

  // Only lower bounds on time: "never more than the pace allows" holds on any machine, while an
  // upper bound ("the burst is not spaced", "not stuck") fails on a loaded one.
  it('never lets more calls start than the burst plus one per interval', async () => {
    // 1200 a minute = one every 50 ms, bursts of 3.
    const pacer = sharedPacer('http://pacing-test.invalid', { perMinute: 1200, burst: 3 });
    const t0 = Date.now();
    const starts: number[] = [];
    await Promise.all(
      Array.from({ length: 10 }, () =>
        pacer.run(async () => {
          starts.push(Date.now() - t0);
        })
      )
    );
    expect(starts).toHaveLength(10);
    // At most burst + elapsed / 50 ms calls have started at any time.
    starts.forEach((t, k) => expect(t).toBeGreaterThanOrEqual((k + 1 - 3) * 50 - 5));
  });

  it('is shared by every client of one API host in the process', async () => {
    const a = sharedPacer('http://shared-host.invalid', { perMinute: 600, burst: 1 });
    const b = sharedPacer('http://shared-host.invalid', { perMinute: 600, burst: 1 });
    expect(a).toBe(b);
    expect(sharedPacer('http://other-host.invalid', { perMinute: 600, burst: 1 })).not.toBe(a);
    const t0 = Date.now();
    const starts: number[] = [];
    const mark = () => async () => void starts.push(Date.now() - t0);
    await Promise.all([a.run(mark()), b.run(mark()), a.run(mark())]);
    starts.sort((x, y) => x - y);
    expect(starts[1]).toBeGreaterThanOrEqual(95); // one every 100 ms, whichever client asks
    expect(starts[2]).toBeGreaterThanOrEqual(195);
  });

  it('refuses settings that would not pace', () => {
    expect(() => sharedPacer('http://x.invalid', { perMinute: 0 })).toThrow(TypeError);
    expect(() => sharedPacer('http://x.invalid', { burst: 0 })).toThrow(TypeError);
  });

  describe('a client against the emulator', () => {
    let emu: Emu;
    beforeAll(async () => {
      emu = await startEmulator({ port: 0 });
    });
    afterAll(() => emu?.close());

    it('a paced client stays within the emulator’s limit where an unpaced one is throttled', async () => {
      const ctl = control(emu);
      await ctl.rateLimit(5); // five a minute, to see it in milliseconds
      try {
        const unpaced = clientFor(emu, { retries: 0 });
        const results = await Promise.allSettled(Array.from({ length: 8 }, () => unpaced.getAccountBalance()));
        expect(results.filter((r) => r.status === 'rejected')).toHaveLength(3);
        expect(
          results.flatMap((r) => (r.status === 'rejected' ? [[(r.reason as any).status, (r.reason as any).code]] : []))
        ).toEqual([
          [429, 2800],
          [429, 2800],
          [429, 2800],
        ]);
        await ctl.rateLimit(5); // a fresh minute
        // Five at once, then one a second: the sixth waits for its token instead of being refused.
        const paced = clientFor(emu, { retries: 0, rateLimit: { perMinute: 60, burst: 5 } });
        await Promise.all(Array.from({ length: 5 }, () => paced.getAccountBalance()));
        const sixth = paced.getAccountBalance();
        const early = await Promise.race([
          sixth.then(() => 'sent'),
          new Promise((r) => setTimeout(() => r('held'), 300)),
        ]);
        expect(early).toBe('held');
        expect((await ctl.requests()).filter((r) => r.status === 429)).toHaveLength(3);
        await ctl.rateLimit(0); // a new minute, as far as the emulator is concerned
        await sixth;
      } finally {
        await ctl.rateLimit(0);
      }
    });

    it('a throttled answer holds the other calls to that host for its Retry-After, then retries', async () => {
      const ctl = control(emu);
      await ctl.reset();
      await ctl.fault({
        path: 'account/balance',
        status: 429,
        contentType: 'application/json',
        body: JSON.stringify({ opstat: 'error', err: { code: 2800, msg: 'API temporarily unavailable' } }),
        count: 1,
      });
      let throttledAt = 0;
      let onThrottled = () => undefined as void;
      const throttled = new Promise<void>((resolve) => (onThrottled = resolve));
      const client = clientFor(emu, {
        rateLimit: { perMinute: 6000, burst: 50 },
        backoff: { baseDelayMs: 300, maxDelayMs: 300, jitter: 0 },
        onRetry: () => {
          throttledAt = Date.now();
          onThrottled();
        },
      });
      const first = client.getAccountBalance();
      const other = clientFor(emu, { rateLimit: { perMinute: 6000, burst: 50 } });
      await throttled;
      const second = await other.getAccountStats().then(() => Date.now() - throttledAt);
      await first;
      expect(second).toBeGreaterThanOrEqual(280); // held for the 300 ms the throttled call waits
      const calls = (await ctl.requests()).map((r) => [r.path, r.status]);
      expect(calls).toHaveLength(3);
      expect(calls).toEqual(
        expect.arrayContaining([
          ['/v2/account/balance', 429],
          ['/v2/account/balance', 200],
          ['/v2/account/stats', 200],
        ])
      );
    });
  });
});
