import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { now, percentile } from './stats';

/**
 * Responsiveness while something runs: a content-API GET due every 50 ms, sent from a process of
 * its own (probe-child.ts), and, in this process, the event loop's largest stall: the longest gap
 * between ticks of a 5 ms interval (SQLite's driver is synchronous: a chain of awaited writes is
 * all microtasks, and meanwhile no timer fires and no socket is read).
 */
export interface ProbeFigures {
  requests: number;
  maxLatency: number;
  p99Latency: number;
  p50Latency: number;
  over100: number;
  maxLoopDelay: number;
  failed: number;
  /** The slowest GETs: when they were due (ms after the start) and how long they waited. */
  worst: Array<{ at: number; latency: number }>;
}

const LAG_TICK_MS = 5;

const ask = <T>(child: ChildProcess, msg: object) =>
  new Promise<T>((resolve) => {
    child.once('message', (m) => resolve(m as T));
    child.send(msg);
  });

/** The client process, started once per bench (tsx takes a second to start). */
export const createProber = async (url: string, headers: Record<string, string>, everyMs = 50) => {
  const child = fork(path.join(__dirname, 'probe-child.ts'), [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', () => resolve());
    child.once('error', reject);
  });
  return {
    async start() {
      let last = now();
      let maxLag = 0;
      const lag = setInterval(() => {
        const t = now();
        maxLag = Math.max(maxLag, t - last - LAG_TICK_MS);
        last = t;
      }, LAG_TICK_MS);
      await ask(child, { start: { url, headers, everyMs } });
      return {
        async stop(): Promise<ProbeFigures> {
          const { samples, failed } = await ask<{ samples: Array<{ at: number; latency: number }>; failed: number }>(
            child,
            { stop: true }
          );
          clearInterval(lag);
          maxLag = Math.max(maxLag, now() - last - LAG_TICK_MS);
          const latencies = samples.map((s) => s.latency);
          return {
            requests: latencies.length,
            maxLatency: latencies.length ? Math.max(...latencies) : NaN,
            p99Latency: percentile(latencies, 99),
            p50Latency: percentile(latencies, 50),
            over100: latencies.filter((l) => l > 100).length,
            maxLoopDelay: maxLag,
            failed,
            worst: [...samples].sort((a, b) => b.latency - a.latency).slice(0, 5),
          };
        },
      };
    },
    close() {
      child.send({ exit: true });
    },
  };
};
