import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatTable, sec, type BenchResult } from './lib/stats';
import { formatSummary } from './lib/summary';
import { GENGO_LIMIT_PER_MINUTE } from './lib/gengo-rate';
import type { BenchDb } from './lib/world';

/**
 * `npm run bench [-- <bench…>] [--db sqlite|postgres|both] [--n N] [--runs R] [--gengo-limit] [--no-compile]`: each
 * bench runs in a child process of its own (a fresh heap for memory figures, no state carried
 * over), SQLite then PostgreSQL, R times (default 1). Not part of `npm test`. Tables are printed as
 * each bench ends, all of them again at the end (Markdown, for the README), then one line per
 * figure with a target: with R > 1 its median, min and max, judged on the median.
 */
type BenchFn = (opts: { db: BenchDb; n: number }) => Promise<BenchResult[]>;
interface Bench {
  load: () => BenchFn;
  perDb: boolean;
  /** The sizes to run at, one child each (default: N). */
  sizes?: (n: number) => number[];
  /** Rows computed over the sizes' results (e.g. memory staying flat). */
  combine?: (results: BenchResult[]) => BenchResult[];
}
// require, not import(): under tsx a dynamic import loads Strapi's ESM build, which Node refuses.
const BENCHES: Record<string, Bench> = {
  callbacks: { load: () => require('./callbacks').default, perDb: true },
  reconcile: { load: () => require('./reconcile').default, perDb: true },
  e2e: { load: () => require('./e2e').default, perDb: true },
  bulk: {
    load: () => require('./bulk').default,
    perDb: true,
    sizes: (n) => [Math.max(1, Math.round(n / 4)), n, n * 4],
    combine: (results) => require('./bulk').combine(results),
  },
  bundle: { load: () => require('./bundle').default, perDb: false },
};
const ALIASES: Record<string, string> = { responsiveness: 'callbacks' };

const parse = (argv: string[]) => {
  const names: string[] = [];
  let db = 'both';
  let n = 1000;
  let out: string | null = null;
  let compile = true;
  let oneSize = false;
  let runs = 1;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--db') db = argv[++i];
    else if (a.startsWith('--db=')) db = a.slice(5);
    else if (a === '--n') n = Number(argv[++i]);
    else if (a.startsWith('--n=')) n = Number(a.slice(4));
    else if (a === '--child-out') out = argv[++i];
    else if (a === '--no-compile') compile = false;
    else if (a === '--one-size') oneSize = true;
    // Gengo's 150 calls a minute enforced by the emulator (children inherit the env).
    else if (a === '--gengo-limit') process.env.BENCH_GENGO_LIMIT = String(GENGO_LIMIT_PER_MINUTE);
    else if (a === '--runs') runs = Number(argv[++i]);
    else if (a.startsWith('--runs=')) runs = Number(a.slice(7));
    else names.push(ALIASES[a] ?? a);
  }
  if (!['sqlite', 'postgres', 'both'].includes(db)) throw new Error(`--db sqlite|postgres|both, not ${db}`);
  if (!Number.isInteger(n) || n < 1) throw new Error('--n takes a positive integer');
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a positive integer');
  const unknown = names.filter((b) => !BENCHES[b]);
  if (unknown.length) throw new Error(`unknown bench ${unknown.join(', ')}; known: ${Object.keys(BENCHES).join(', ')}`);
  return { names: names.length ? [...new Set(names)] : Object.keys(BENCHES), db, n, out, compile, oneSize, runs };
};

const spawnChild = (name: string, db: BenchDb, n: number): Promise<BenchResult[] | null> =>
  new Promise((resolve) => {
    const out = path.join(os.tmpdir(), `gengo-bench-${process.pid}-${name}-${db}-${n}.json`);
    const tsx = path.join(__dirname, '..', 'node_modules', '.bin', 'tsx');
    const env = { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --expose-gc`.trim() };
    const child = spawn(tsx, [__filename, name, '--db', db, '--n', String(n), '--child-out', out], {
      stdio: 'inherit',
      env,
    });
    child.on('exit', (code) => {
      let results: BenchResult[] | null = null;
      if (code === 0 && fs.existsSync(out)) results = JSON.parse(fs.readFileSync(out, 'utf8'));
      fs.rmSync(out, { force: true });
      resolve(results);
    });
  });

(async () => {
  const { names, db, n, out, compile, oneSize, runs } = parse(process.argv.slice(2));
  if (out) {
    const results = await BENCHES[names[0]].load()({ db: db as BenchDb, n });
    fs.writeFileSync(out, JSON.stringify(results));
    process.exit(0);
  }
  const t0 = Date.now();
  if (compile) {
    // The playground boots from its compiled dist/ (--no-compile: it is up to date).
    const { compileStrapi } = require('@strapi/strapi') as typeof import('@strapi/strapi');
    await compileStrapi({ appDir: path.join(__dirname, '..', 'playground') });
  }
  const dbs: BenchDb[] = db === 'both' ? ['sqlite', 'postgres'] : [db as BenchDb];
  const all: BenchResult[] = [];
  const timings: string[] = [];
  let failed = 0;
  for (const d of dbs) {
    for (const name of names) {
      const bench = BENCHES[name];
      if (!bench.perDb && d !== dbs[0]) continue;
      // Run by run (a fresh child for each size of each run): what one run combines stays its own.
      for (let run = 1; run <= runs; run++) {
        const tag = runs > 1 ? { run, runs } : {};
        const label = runs > 1 ? ` (run ${run} of ${runs})` : '';
        const mine: BenchResult[] = [];
        for (const size of oneSize ? [n] : (bench.sizes?.(n) ?? [n])) {
          const b0 = Date.now();
          const results = await spawnChild(name, d, size);
          timings.push(`${name} on ${d}, N = ${size}${label}: ${sec(Date.now() - b0)}${results ? '' : ' (failed)'}`);
          if (!results) {
            failed++;
            continue;
          }
          mine.push(...results.map((r) => ({ ...r, ...tag })));
        }
        const combined = bench.combine && mine.length ? bench.combine(mine).map((r) => ({ ...r, ...tag })) : [];
        for (const r of [...mine, ...combined]) console.log(`\n${formatTable(r)}\n`);
        all.push(...mine, ...combined);
      }
    }
  }
  console.log(`\n## All results\n\n${all.map(formatTable).join('\n\n')}\n\n${timings.map((t) => `- ${t}`).join('\n')}`);
  const summary = formatSummary(all);
  if (summary) console.log(`\n## Summary${runs > 1 ? ` (median of ${runs} runs)` : ''}\n\n${summary}`);
  console.log(`\nnpm run bench: ${sec(Date.now() - t0)} in all${failed ? `, ${failed} run(s) failed` : ''}`);
  process.exit(failed ? 1 : 0);
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
