/**
 * Memory while something runs: the live heap (heapUsed right after a full GC, once a second —
 * what is retained, not garbage not yet collected) and the peak RSS (sampled every 20 ms). Needs
 * --expose-gc (the runner sets it); without it, heapUsed is sampled as is.
 */
export const startMemorySampler = (gcEveryMs = 1000, everyMs = 20) => {
  const gc = (globalThis as any).gc as (() => void) | undefined;
  gc?.();
  const base = process.memoryUsage();
  let peakLive = base.heapUsed;
  let peakRss = base.rss;
  const sample = () => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  };
  const live = () => {
    gc?.();
    peakLive = Math.max(peakLive, process.memoryUsage().heapUsed);
  };
  const timers = [setInterval(sample, everyMs), setInterval(live, gcEveryMs)];
  return {
    stop() {
      timers.forEach(clearInterval);
      sample();
      live();
      return { baseHeap: base.heapUsed, baseRss: base.rss, peakHeap: peakLive, peakRss };
    },
  };
};
