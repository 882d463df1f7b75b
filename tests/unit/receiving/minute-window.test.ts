import { createMinuteWindow } from '../../../server/src/platform/minute-window';

/** At most N starts in any 60 s: the callback intake's own cap on Gengo GETs. */
describe('createMinuteWindow', () => {
  const clock = () => {
    let t = 1_000_000;
    const sleeps: number[] = [];
    return {
      now: () => t,
      sleep: async (ms: number) => {
        sleeps.push(ms);
        t += ms;
      },
      sleeps,
      advance: (ms: number) => (t += ms),
    };
  };

  it('lets N starts through at once, then waits for the oldest to leave the window', async () => {
    const c = clock();
    const w = createMinuteWindow(() => 3, c.now, c.sleep);
    const starts: number[] = [];
    for (let i = 0; i < 5; i++) {
      expect(await w.take()).toBe(true);
      starts.push(c.now());
    }
    expect(starts.slice(0, 3)).toEqual([1_000_000, 1_000_000, 1_000_000]);
    expect(starts[3]).toBe(1_060_000);
    expect(starts[4]).toBe(1_060_000);
    expect(Math.max(...c.sleeps)).toBeLessThanOrEqual(1000); // looks at the cap again every second
  });

  it('0 = no cap; a cap lifted frees a wait; close frees it with false', async () => {
    const c = clock();
    let cap = 1;
    const w = createMinuteWindow(() => cap, c.now, c.sleep);
    expect(await w.take()).toBe(true);
    const sleepsBefore = c.sleeps.length;
    const waiting = w.take();
    cap = 0;
    expect(await waiting).toBe(true);
    expect(c.sleeps.length - sleepsBefore).toBeLessThanOrEqual(1);
    const real = createMinuteWindow(() => 1);
    expect(await real.take()).toBe(true);
    const held = real.take();
    real.close();
    expect(await held).toBe(false);
    expect(await real.take()).toBe(false);
  });
});
