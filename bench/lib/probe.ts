import { now, percentile } from './stats';

/**
 * Responsiveness while something runs: a content-API GET due every `everyMs`, one at a time (a
 * slow answer delays the next send rather than piling requests up), its latency counted from when
 * it was due, so a blocked loop or a slow answer before it is counted too; and the event loop's
 * largest stall, measured as the longest gap between ticks of a 5 ms interval (SQLite's driver is
 * synchronous: a chain of awaited writes is all microtasks, and no timer or socket is served).
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

export const startProbe = (url: string, headers: Record<string, string>, everyMs = 50) => {
  const samples: Array<{ at: number; latency: number }> = [];
  let failed = 0;
  let running = true;
  const start = now();
  let last = start;
  let maxLag = 0;
  const lag = setInterval(() => {
    const t = now();
    maxLag = Math.max(maxLag, t - last - LAG_TICK_MS);
    last = t;
  }, LAG_TICK_MS);
  // The GET due and not answered yet: at stop, its wait so far counts (a loop blocked from start
  // to end answers none at all).
  let unanswered: number | null = null;
  const ticker = (async () => {
    for (let k = 0; running; k++) {
      const due = start + k * everyMs;
      unanswered = due;
      const wait = due - now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      if (!running) break;
      try {
        const res = await fetch(url, { headers });
        await res.arrayBuffer();
        if (res.status !== 200) failed++;
        samples.push({ at: due - start, latency: now() - due });
      } catch {
        failed++;
      }
      unanswered = null;
      // Due times missed while this one waited are skipped, not sent in a rush.
      k = Math.max(k, Math.ceil((now() - start) / everyMs) - 1);
    }
  })();
  return {
    async stop(): Promise<ProbeFigures> {
      const stopAt = now();
      const overdue = unanswered;
      running = false;
      await ticker;
      if (overdue !== null && stopAt > overdue && !samples.some((s) => s.at === overdue - start)) samples.push({ at: overdue - start, latency: stopAt - overdue });
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
};
