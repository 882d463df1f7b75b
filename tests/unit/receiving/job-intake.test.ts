import type { Job } from '../../../server/src/gengo';
import { createJobIntake } from '../../../server/src/receiving/intake';
import { createSerialQueue } from '../../../server/src/platform/serial-queue';

/** A fake Gengo whose answers the test releases one fetch at a time, and a log of what was processed. */
const harness = (
  opts: {
    failFetch?: (ids: string[]) => boolean;
    failProcess?: (ids: string[]) => boolean;
    processMs?: number;
    gatherMs?: number;
  } = {}
) => {
  const queue = createSerialQueue();
  const fetches: string[][] = [];
  const processed: string[][] = [];
  const errors: string[][] = [];
  const version = new Map<string, number>();
  const release: Array<() => void> = [];
  const intake = createJobIntake({
    fetch: async (ids) => {
      fetches.push(ids);
      await new Promise<void>((r) => release.push(r));
      if (opts.failFetch?.(ids)) throw new Error('Gengo is down');
      // Each fetch answers each job's latest version.
      return ids.map((id) => ({ job_id: id, status: `v${version.get(id) ?? 0}` }) as unknown as Job);
    },
    process: (jobs, ids) =>
      queue.run(`jobs:${ids.join(',')}`, async () => {
        await new Promise((r) => setTimeout(r, opts.processMs ?? 5));
        if (opts.failProcess?.(ids)) throw new Error('database said no');
        processed.push(jobs.map((j) => `${j.job_id}@${j.status}`));
      }),
    onError: (ids) => errors.push(ids),
    track: (work) => void queue.track(work),
    batchSize: 3,
    gatherMs: opts.gatherMs,
  });
  const next = async () => {
    while (!release.length) await new Promise((r) => setTimeout(r, 1));
    release.shift()!();
  };
  /** Releases fetches as they come until everything is done. */
  const drain = async () => {
    let done = false;
    const idle = queue.idle().then(() => (done = true));
    while (!done) {
      if (release.length) release.shift()!();
      await new Promise((r) => setTimeout(r, 1));
    }
    await idle;
  };
  return { intake, queue, fetches, processed, errors, version, next, drain };
};

describe('createJobIntake', () => {
  it('fetches ids that arrive during a fetch together, up to the batch size', async () => {
    const h = harness();
    h.intake.add('1');
    for (const id of ['2', '3', '4', '5', '6']) h.intake.add(id);
    await h.drain();
    expect(h.fetches).toEqual([['1'], ['2', '3', '4'], ['5', '6']]);
    expect(h.processed.flat().sort()).toEqual(['1@v0', '2@v0', '3@v0', '4@v0', '5@v0', '6@v0']);
  });

  it('fetches at most one batch ahead of the one being written: ids arriving meanwhile wait and gather', async () => {
    // The writer takes long enough that the 10 ms look below lands while it writes, on a loaded machine too.
    const h = harness({ processMs: 1000 });
    h.intake.add('1');
    await h.next(); // [1] fetched: being written for 1 s
    h.intake.add('2');
    await h.next(); // [2] fetched ahead, waiting for the writer
    for (const id of ['3', '4', '5']) h.intake.add(id);
    await new Promise((r) => setTimeout(r, 10));
    expect(h.fetches).toEqual([['1'], ['2']]); // 3, 4, 5 wait: no third batch in flight
    await h.drain();
    expect(h.fetches).toEqual([['1'], ['2'], ['3', '4', '5']]);
    expect(h.processed).toEqual([['1@v0'], ['2@v0'], ['3@v0', '4@v0', '5@v0']]);
  });

  it('collapses repeated callbacks of a job waiting to be fetched', async () => {
    const h = harness();
    h.intake.add('1');
    for (let i = 0; i < 10; i++) h.intake.add('2');
    await h.drain();
    expect(h.fetches).toEqual([['1'], ['2']]);
  });

  it('fetches a job again after its earlier snapshot is processed, never before (its statuses stay in order)', async () => {
    const h = harness();
    h.intake.add('7');
    await h.next(); // v0 fetched, being processed
    h.version.set('7', 1);
    h.intake.add('7'); // a newer status while v0 is not written yet
    await h.drain();
    expect(h.fetches).toEqual([['7'], ['7']]);
    expect(h.processed).toEqual([['7@v0'], ['7@v1']]);
  });

  it('a failed fetch or a failed batch is reported and the intake goes on', async () => {
    const h = harness({ failFetch: (ids) => ids.includes('2'), failProcess: (ids) => ids.includes('5') });
    h.intake.add('1');
    h.intake.add('2');
    h.intake.add('3');
    await h.drain();
    h.intake.add('5');
    h.intake.add('6');
    await h.drain();
    expect(h.errors).toEqual([['2', '3'], ['5']]);
    expect(h.processed).toEqual([['1@v0'], ['6@v0']]);
  });

  it('the queue is not idle while a batch is being fetched', async () => {
    const h = harness();
    h.intake.add('1');
    let idle = false;
    void h.queue.idle().then(() => (idle = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(idle).toBe(false);
    await h.next();
    await h.queue.idle();
    expect(h.processed).toEqual([['1@v0']]);
  });

  it('with gatherMs, a small batch waits for more ids; a full one leaves at once', async () => {
    const h = harness({ gatherMs: 40 });
    const t0 = Date.now();
    h.intake.add('1');
    await new Promise((r) => setTimeout(r, 15));
    expect(h.fetches).toEqual([]); // waiting for others
    h.intake.add('2');
    await h.next();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(35);
    expect(h.fetches).toEqual([['1', '2']]);
    for (const id of ['3', '4', '5', '6']) h.intake.add(id); // a full batch: no wait
    await h.drain();
    expect(h.fetches).toEqual([['1', '2'], ['3', '4', '5'], ['6']]);
  });

  it('the queue is not idle while ids are gathering', async () => {
    const h = harness({ gatherMs: 30 });
    h.intake.add('1');
    let idle = false;
    void h.queue.idle().then(() => (idle = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(idle).toBe(false);
    expect(h.fetches).toEqual([]);
    await h.drain();
    expect(idle).toBe(true);
    expect(h.processed).toEqual([['1@v0']]);
  });

  it('after close, ids gathering are left to the poller', async () => {
    const h = harness({ gatherMs: 20 });
    h.intake.add('1');
    h.intake.close();
    await h.queue.idle();
    await new Promise((r) => setTimeout(r, 30));
    expect(h.fetches).toEqual([]);
  });

  it('after close, callbacks are left to the poller', async () => {
    const h = harness();
    h.intake.close();
    h.intake.add('1');
    await h.queue.idle();
    expect(h.fetches).toEqual([]);
  });
});

describe('createJobIntake: a cap on the ids held', () => {
  it('drops ids beyond maxQueued (reported), never an id already waiting', async () => {
    const dropped: string[] = [];
    const fetched: string[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const intake = createJobIntake({
      fetch: async (ids) => {
        fetched.push(ids);
        await gate;
        return [];
      },
      process: async () => {},
      onError: () => {},
      track: () => {},
      batchSize: 2,
      maxQueued: () => 3,
      onDropped: (id) => dropped.push(id),
    });
    intake.add('1'); // fetched at once
    for (const id of ['2', '3', '4', '2', '5', '6']) intake.add(id);
    expect(intake.queued()).toBe(3);
    expect(dropped).toEqual(['5', '6']);
    expect(fetched).toEqual([['1']]);
    release();
    intake.close();
  });
});
