import { formatScore, percentile, type BenchResult, type Row } from './stats';

/**
 * One line per figure that has a target, over every run of it (`--runs R`): the median judged
 * against the target, with min and max, so that one noisy run neither passes nor fails a figure.
 * Markdown table rows, to be pasted into bench/README.md as they are.
 */
interface Group {
  name: string;
  rows: Row[];
}

const groupRows = (results: BenchResult[]): Group[] => {
  const groups = new Map<string, Group>();
  for (const r of results) {
    const where = r.db === 'n/a' ? r.bench : `${r.bench}, ${r.db}, N = ${r.n}`;
    for (const row of r.rows) {
      if (row.pass === undefined) continue;
      const name = `${where}: ${row.figure}`;
      const g = groups.get(name) ?? { name, rows: [] };
      g.rows.push(row);
      groups.set(name, g);
    }
  }
  return [...groups.values()];
};

const verdict = (pass: boolean) => (pass ? 'PASS' : 'MISS');

const line = (g: Group): string[] => {
  const last = g.rows[g.rows.length - 1];
  const target = last.target ?? '';
  const scored = g.rows.filter((r) => r.score);
  if (scored.length === g.rows.length && last.score) {
    const { limit, unit } = last.score;
    const values = scored.map((r) => r.score!.value).filter(Number.isFinite);
    // The lower median for an even count: a figure passes only if most runs' values do.
    const median = percentile(values, 50);
    const pass = Number.isFinite(median) && median <= limit;
    if (g.rows.length === 1) return [g.name, formatScore(median, unit), target, verdict(pass), ''];
    const spread = `median of ${g.rows.length}; min ${formatScore(Math.min(...values), unit)}, max ${formatScore(Math.max(...values), unit)}`;
    return [g.name, formatScore(median, unit), target, verdict(pass), spread];
  }
  // A verdict without a number (writes counted, a batch completed): it must hold in every run.
  const passed = g.rows.filter((r) => r.pass).length;
  const all = passed === g.rows.length;
  const runs = g.rows.length === 1 ? '' : `${passed} of ${g.rows.length} runs pass`;
  return [g.name, last.value, target, verdict(all), runs];
};

export const formatSummary = (results: BenchResult[]): string => {
  const lines = groupRows(results).map(line);
  if (!lines.length) return '';
  const head = ['figure', 'measured', 'target', 'result', 'runs'];
  const all = [head, ...lines];
  const widths = head.map((_, i) => Math.max(...all.map((c) => c[i].length)));
  const fmt = (c: string[]) => `| ${c.map((v, i) => v + ' '.repeat(widths[i] - v.length)).join(' | ')} |`;
  return [fmt(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(fmt)].join('\n');
};
