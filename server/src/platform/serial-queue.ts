/**
 * The receiving side's work queue: one task at a time per process, a turn of the event loop
 * between tasks (SQLite's driver is synchronous: back-to-back writes would starve every other
 * request), and tasks keyed so that a burst of identical callbacks collapses into one task while
 * it waits. Not durable on purpose: the job rows say what is unapplied and the poller re-applies
 * anything a crash lost.
 */
export interface SerialQueue {
  /** Runs `fn` after the tasks before it; a task with the same key still waiting is reused. */
  run<T>(key: string, fn: () => Promise<T>): Promise<T>;
  /** Resolves when nothing is waiting or running (tasks, and work handed to `track`). */
  idle(): Promise<void>;
  /** Work that will end in tasks of this queue (a fetch whose result is queued): `idle` waits for it too. */
  track<T>(work: Promise<T>): Promise<T>;
  readonly size: number;
  /** Refuses new tasks; waiting ones are dropped (their promises reject). */
  close(): void;
}

export type Yield = () => Promise<void>;

export const yieldToEventLoop: Yield = () => new Promise<void>((resolve) => setImmediate(resolve));

interface Task {
  key: string;
  fn: () => Promise<unknown>;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
  promise: Promise<unknown>;
}

export const createSerialQueue = (opts: { yieldFn?: Yield } = {}): SerialQueue => {
  const pause = opts.yieldFn ?? yieldToEventLoop;
  const waiting: Task[] = [];
  const byKey = new Map<string, Task>();
  let running = false;
  let closed = false;
  let tracked = 0;
  let idleWaiters: Array<() => void> = [];
  const isIdle = () => !running && !waiting.length && !tracked;
  const wakeIdleWaiters = () => {
    if (!isIdle()) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    waiters.forEach((w) => w());
  };

  const pump = async () => {
    if (running) return;
    running = true;
    try {
      while (waiting.length) {
        await pause();
        const task = waiting.shift()!;
        if (byKey.get(task.key) === task) byKey.delete(task.key);
        try {
          task.resolve(await task.fn());
        } catch (err) {
          task.reject(err);
        }
      }
    } finally {
      running = false;
      wakeIdleWaiters();
    }
  };

  return {
    run<T>(key: string, fn: () => Promise<T>): Promise<T> {
      if (closed) return Promise.reject(new Error('The queue is closed'));
      const same = byKey.get(key);
      if (same) return same.promise as Promise<T>;
      let resolve!: (v: unknown) => void;
      let reject!: (e: unknown) => void;
      const promise = new Promise<unknown>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      const task: Task = { key, fn, resolve, reject, promise };
      waiting.push(task);
      byKey.set(key, task);
      void pump();
      return promise as Promise<T>;
    },
    idle() {
      if (isIdle()) return Promise.resolve();
      return new Promise<void>((resolve) => idleWaiters.push(resolve));
    },
    track<T>(work: Promise<T>): Promise<T> {
      tracked++;
      const done = () => {
        tracked--;
        wakeIdleWaiters();
      };
      work.then(done, done);
      return work;
    },
    get size() {
      return waiting.length + (running ? 1 : 0);
    },
    close() {
      closed = true;
      for (const task of waiting.splice(0)) {
        task.promise.catch(() => {});
        task.reject(new Error('The queue was closed'));
      }
      byKey.clear();
    },
  };
};

export type KeyedMutex = <T>(key: string, fn: () => Promise<T>) => Promise<T>;

/** An in-process mutex per key (a target document): calls with one key run one after another. */
export const createKeyedMutex = (): KeyedMutex => {
  const tails = new Map<string, Promise<unknown>>();
  return async <T>(key: string, fn: () => Promise<T>): Promise<T> => {
    const before = tails.get(key) ?? Promise.resolve();
    const mine = before.catch(() => {}).then(fn);
    const tail = mine.catch(() => {});
    tails.set(key, tail);
    try {
      return await mine;
    } finally {
      if (tails.get(key) === tail) tails.delete(key);
    }
  };
};

/**
 * Holds every key of `keys` while `fn` runs. Taken in sorted order, so two holders of
 * overlapping sets cannot wait for each other.
 */
export const lockAll = <T>(mutex: KeyedMutex, keys: string[], fn: () => Promise<T>): Promise<T> =>
  [...new Set(keys)].sort().reduceRight<() => Promise<T>>((inner, key) => () => mutex(key, inner), fn)();
