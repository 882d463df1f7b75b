import { constants, PerformanceObserver } from 'node:perf_hooks';

/**
 * Memory while something runs: the live heap (heapUsed right after each full GC the run makes on
 * its own — what is retained, not garbage not yet collected — and after one forced at the end),
 * the peak heapUsed with garbage (an upper bound) and the peak RSS, sampled every 100 ms. No GC
 * is forced while the run is timed: one a second cost a bulk run on PostgreSQL over a second of
 * its wall time, and sampling every 20 ms 0.2 s more. The forced GC at the end needs --expose-gc
 * (the runner sets it).
 */
export const startMemorySampler = (everyMs = 100) => {
  const gc = (globalThis as any).gc as (() => void) | undefined;
  gc?.();
  const base = process.memoryUsage();
  let peakLive = base.heapUsed;
  let peakRss = base.rss;
  let peakUsed = base.heapUsed;
  let fullGcs = 0;
  const sample = () => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakUsed = Math.max(peakUsed, now.heapUsed);
  };
  const afterGc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if ((entry as any).detail?.kind !== constants.NODE_PERFORMANCE_GC_MAJOR) continue;
      fullGcs++;
      peakLive = Math.max(peakLive, process.memoryUsage().heapUsed);
    }
  });
  afterGc.observe({ entryTypes: ['gc'] });
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      afterGc.disconnect();
      sample();
      gc?.();
      peakLive = Math.max(peakLive, process.memoryUsage().heapUsed);
      return { baseHeap: base.heapUsed, baseRss: base.rss, peakHeap: peakLive, peakUsed, peakRss, fullGcs };
    },
  };
};
