/** Figures and the compact table every bench prints. */
export const now = () => performance.now();

export const percentile = (values: number[], p: number): number => {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx];
};

export const ms = (v: number) =>
  Number.isFinite(v) ? (v >= 100 ? `${Math.round(v)} ms` : `${v.toFixed(1)} ms`) : 'n/a';
export const sec = (v: number) => `${(v / 1000).toFixed(2)} s`;
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
export const ratio = (a: number, b: number) => (b > 0 ? a / b : NaN);
export const x = (r: number) => (Number.isFinite(r) ? `${r.toFixed(2)}×` : 'n/a');

export interface Row {
  figure: string;
  value: string;
  /** The baseline (or second figure) measured in the same run. */
  against?: string;
  ratio?: string;
  target?: string;
  /** undefined = no target for this row. */
  pass?: boolean;
  /**
   * The number judged against the target (a ratio, a latency, a count of calls): passes when
   * `value ≤ limit`. Lets `--runs 3` judge the median of the runs, not each run's verdict.
   */
  score?: Score;
}

export interface Score {
  value: number;
  limit: number;
  unit: '×' | 'ms' | 'calls';
}

/** A row's score and verdict from one number and its upper limit. */
export const judged = (value: number, limit: number, unit: Score['unit']) => ({
  score: { value, limit, unit },
  pass: value <= limit,
});

export const formatScore = (v: number, unit: Score['unit']) =>
  unit === '×' ? x(v) : unit === 'ms' ? ms(v) : Number.isFinite(v) ? String(Math.round(v)) : 'n/a';

export interface BenchResult {
  bench: string;
  db: string;
  n: number;
  rows: Row[];
  notes: string[];
  /** Raw numbers, for figures computed across runs (bulk's memory at several N). */
  figures?: Record<string, number>;
  /** With `--runs R` (R > 1): which run this is (1…R) of how many. */
  run?: number;
  runs?: number;
}

const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - s.length));

export const formatTable = (r: BenchResult): string => {
  const head: Row = { figure: 'figure', value: 'measured', against: 'baseline', ratio: 'ratio', target: 'target' };
  const cells = (row: Row) => [
    row.figure,
    row.value,
    row.against ?? '',
    row.ratio ?? '',
    row.target ?? '',
    row === head ? 'result' : row.pass === undefined ? '' : row.pass ? 'PASS' : 'MISS',
  ];
  const all = [head, ...r.rows].map(cells);
  const widths = all[0].map((_, i) => Math.max(...all.map((c) => c[i].length)));
  const line = (c: string[]) => `| ${c.map((v, i) => pad(v, widths[i])).join(' | ')} |`;
  const sep = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [
    (r.db === 'n/a' ? `### ${r.bench}` : `### ${r.bench} — ${r.db}, N = ${r.n}`) +
      (r.runs && r.runs > 1 ? ` (run ${r.run} of ${r.runs})` : ''),
    '',
    line(all[0]),
    sep,
    ...all.slice(1).map(line),
    '',
    ...r.notes.map((n) => `- ${n}`),
  ].join('\n');
};
