/**
 * Peak memory while something runs: process.memoryUsage() sampled every 20 ms, against a
 * baseline taken after a full GC when the process runs with --expose-gc (the runner sets it).
 */
export const startMemorySampler = (everyMs = 20) => {
  (globalThis as any).gc?.();
  const base = process.memoryUsage();
  let peakHeap = base.heapUsed;
  let peakRss = base.rss;
  const sample = () => {
    const m = process.memoryUsage();
    peakHeap = Math.max(peakHeap, m.heapUsed);
    peakRss = Math.max(peakRss, m.rss);
  };
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return { baseHeap: base.heapUsed, baseRss: base.rss, peakHeap, peakRss };
    },
  };
};
