import { createKeyedMutex, createSerialQueue, lockAll } from '../../../server/src/platform/serial-queue';

describe('createSerialQueue', () => {
  it('runs one task at a time, in order, serving the event loop between tasks', async () => {
    const q = createSerialQueue();
    const log: string[] = [];
    let active = 0;
    const task = (name: string) => async () => {
      active++;
      expect(active).toBe(1);
      log.push(`start ${name}`);
      await new Promise((r) => setTimeout(r, 5));
      log.push(`end ${name}`);
      active--;
      return name;
    };
    const ticks: number[] = [];
    const timer = setInterval(() => ticks.push(Date.now()), 0);
    const results = await Promise.all(['a', 'b', 'c'].map((k) => q.run(k, task(k))));
    clearInterval(timer);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(ticks.length).toBeGreaterThan(0);
  });

  it('yields before every task even when tasks are synchronous', async () => {
    const q = createSerialQueue();
    let immediates = 0;
    const spin = () =>
      setImmediate(() => {
        immediates++;
        if (immediates < 1000) spin();
      });
    spin();
    await Promise.all(Array.from({ length: 50 }, (_, i) => q.run(`k${i}`, async () => i)));
    expect(immediates).toBeGreaterThanOrEqual(50);
  });

  it('collapses tasks with the same key while they wait, not once started', async () => {
    const q = createSerialQueue();
    let calls = 0;
    const fn = async () => ++calls;
    const [a, b, c] = await Promise.all([q.run('x', fn), q.run('x', fn), q.run('x', fn)]);
    expect([a, b, c]).toEqual([1, 1, 1]);
    expect(await q.run('x', fn)).toBe(2);
  });

  it('a failing task rejects its callers only; idle and close', async () => {
    const q = createSerialQueue();
    const bad = q.run('bad', async () => {
      throw new Error('boom');
    });
    const good = q.run('good', async () => 'ok');
    await expect(bad).rejects.toThrow('boom');
    await expect(good).resolves.toBe('ok');
    await q.idle();
    expect(q.size).toBe(0);
    const slow = q.run('slow', () => new Promise((r) => setTimeout(() => r('done'), 20)));
    const dropped = q.run('dropped', async () => 'never');
    await new Promise((r) => setImmediate(r));
    q.close();
    await expect(dropped).rejects.toThrow(/closed/);
    await expect(slow).resolves.toBe('done');
    await expect(q.run('late', async () => 1)).rejects.toThrow(/closed/);
  });
});

describe('createKeyedMutex', () => {
  it('serializes one key, not different keys', async () => {
    const lock = createKeyedMutex();
    const log: string[] = [];
    const step = (k: string, n: number, ms: number) =>
      lock(k, async () => {
        log.push(`${k}${n}+`);
        await new Promise((r) => setTimeout(r, ms));
        log.push(`${k}${n}-`);
      });
    await Promise.all([step('a', 1, 20), step('a', 2, 1), step('b', 1, 5)]);
    expect(log.indexOf('a1-')).toBeLessThan(log.indexOf('a2+'));
    expect(log.indexOf('b1+')).toBeLessThan(log.indexOf('a1-'));
  });

  it('a failure does not block the next caller', async () => {
    const lock = createKeyedMutex();
    await expect(
      lock('k', async () => {
        throw new Error('x');
      })
    ).rejects.toThrow('x');
    await expect(lock('k', async () => 2)).resolves.toBe(2);
  });
});

describe('lockAll', () => {
  it('holds every key; two holders of overlapping sets in any order do not deadlock', async () => {
    const mutex = createKeyedMutex();
    const log: string[] = [];
    const hold = (name: string, keys: string[]) =>
      lockAll(mutex, keys, async () => {
        log.push(`in ${name}`);
        await new Promise((r) => setTimeout(r, 10));
        log.push(`out ${name}`);
      });
    await Promise.all([hold('a', ['x', 'y']), hold('b', ['y', 'x']), hold('c', ['z'])]);
    // c shares no key: it runs beside a; b waits for a.
    expect(log.indexOf('in c')).toBeLessThan(log.indexOf('out a'));
    expect(log.indexOf('in b')).toBeGreaterThan(log.indexOf('out a'));
  });
});
