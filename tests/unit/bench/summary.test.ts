import { peakInWindow, gengoRateRow } from '../../../bench/lib/gengo-rate';
import { judged, type BenchResult } from '../../../bench/lib/stats';
import { formatSummary } from '../../../bench/lib/summary';

/** The bench's judging arithmetic: what a figure's summary line says across runs. */
const run = (ratio: number, written: boolean, i: number): BenchResult => ({
  bench: 'e2e',
  db: 'sqlite',
  n: 50,
  run: i,
  runs: 3,
  rows: [
    { figure: 'total', value: `${ratio}`, target: '≤ 1.30×', ...judged(ratio, 1.3, '×') },
    { figure: 'written', value: written ? '50 / 0' : '49 / 1', target: '50 / 0', pass: written },
    { figure: 'no target', value: 'x' },
  ],
  notes: [],
});

const lineOf = (summary: string, figure: string) => summary.split('\n').find((l) => l.includes(`: ${figure} `))!;

describe('bench summary', () => {
  it('judges a ratio on the median of the runs, with min and max', () => {
    // One bad run (2.0×) must not fail a figure whose other two runs pass, nor one good run pass it.
    const pass = formatSummary([run(1.1, true, 1), run(2.0, true, 2), run(1.2, true, 3)]);
    expect(lineOf(pass, 'total')).toMatch(
      /\| 1\.20× +\| ≤ 1\.30× +\| PASS +\| median of 3; min 1\.10×, max 2\.00× +\|/
    );
    const miss = formatSummary([run(1.1, true, 1), run(2.0, true, 2), run(1.4, true, 3)]);
    expect(lineOf(miss, 'total')).toMatch(/\| 1\.40× .*\| MISS /);
  });

  it('needs a verdict without a number to hold in every run, and skips rows without a target', () => {
    const s = formatSummary([run(1, true, 1), run(1, false, 2), run(1, true, 3)]);
    expect(lineOf(s, 'written')).toMatch(/\| MISS +\| 2 of 3 runs pass +\|/);
    expect(s).not.toContain('no target');
  });
});

describe('Gengo calls per minute', () => {
  it('counts the busiest 60 s window, as the throttle does', () => {
    expect(peakInWindow([])).toBe(0);
    // 0 and 59 999 share a window; 60 000 starts a new one.
    expect(peakInWindow([0, 30_000, 59_999, 60_000, 60_001])).toBe(4);
    expect(peakInWindow([0, 60_000, 120_000])).toBe(1);
  });

  it('judges the calls of the phase only, against 150', () => {
    const at = (ms: number) => ({ at: new Date(1_000_000 + ms).toISOString() });
    const calls = [at(-5), ...Array.from({ length: 151 }, (_, i) => at(i * 100)), at(90_000)];
    const row = gengoRateRow(calls, 1_000_000, 1_000_000 + 90_000, 'test');
    expect(row.score!.value).toBe(151);
    expect(row.pass).toBe(false);
    expect(row.value).toContain('in the busiest 60 s (152 in 90.00 s)');
    const short = gengoRateRow(calls.slice(1, 31), 1_000_000, 1_000_000 + 3_000, 'test');
    expect(short.pass).toBe(true);
    expect(short.value).toContain('30 in 3.00 s, under a minute: 600/min at that pace');
  });

  it('counts the calls the emulator refused when the limit is enforced', () => {
    process.env.BENCH_GENGO_LIMIT = '150';
    try {
      const at = (ms: number, status = 200) => ({ at: new Date(2_000_000 + ms).toISOString(), status });
      const calls = [...Array.from({ length: 150 }, (_, i) => at(i)), at(200, 429), at(201, 429)];
      const row = gengoRateRow(calls, 2_000_000, 2_000_000 + 1_000, 'test');
      expect(row.against).toBe('emulator enforcing 150/min: 2 refused (429)');
      expect(row.pass).toBe(false);
    } finally {
      delete process.env.BENCH_GENGO_LIMIT;
    }
  });
});
