import { spawn } from 'node:child_process';
import path from 'node:path';
import { formatTable, sec, type BenchResult } from './lib/stats';
import type { BenchDb } from './lib/world';

/**
 * `npm run bench [-- <bench…>] [--db sqlite|postgres|both] [--n N]`: each bench runs in a child
 * process of its own (a fresh heap for memory figures, no state carried over), SQLite then
 * PostgreSQL. Not part of `npm test`.
 */
type BenchFn = (opts: { db: BenchDb; n: number }) => Promise<BenchResult[]>;
// require, not import(): under tsx a dynamic import loads Strapi's ESM build, which Node refuses.
const BENCHES: Record<string, { load: () => BenchFn; perDb: boolean }> = {
  callbacks: { load: () => require('./callbacks').default, perDb: true },
  reconcile: { load: () => require('./reconcile').default, perDb: true },
  e2e: { load: () => require('./e2e').default, perDb: true },
  bulk: { load: () => require('./bulk').default, perDb: true },
  bundle: { load: () => require('./bundle').default, perDb: false },
};
const ALIASES: Record<string, string> = { responsiveness: 'callbacks' };

const parse = (argv: string[]) => {
  const names: string[] = [];
  let db = 'both';
  let n = 1000;
  let child = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--db') db = argv[++i];
    else if (a.startsWith('--db=')) db = a.slice(5);
    else if (a === '--n') n = Number(argv[++i]);
    else if (a.startsWith('--n=')) n = Number(a.slice(4));
    else if (a === '--child') child = true;
    else names.push(ALIASES[a] ?? a);
  }
  if (!['sqlite', 'postgres', 'both'].includes(db)) throw new Error(`--db sqlite|postgres|both, not ${db}`);
  if (!Number.isInteger(n) || n < 1) throw new Error('--n takes a positive integer');
  const unknown = names.filter((b) => !BENCHES[b]);
  if (unknown.length) throw new Error(`unknown bench ${unknown.join(', ')}; known: ${Object.keys(BENCHES).join(', ')}`);
  return { names: names.length ? [...new Set(names)] : Object.keys(BENCHES), db, n, child };
};

const runChild = async (name: string, db: BenchDb, n: number) => {
  const fn = BENCHES[name].load();
  const results = await fn({ db, n });
  for (const r of results) console.log(`\n${formatTable(r)}\n`);
};

const spawnChild = (name: string, db: BenchDb, n: number) =>
  new Promise<number>((resolve) => {
    const tsx = path.join(__dirname, '..', 'node_modules', '.bin', 'tsx');
    const child = spawn(tsx, [__filename, '--child', name, '--db', db, '--n', String(n)], { stdio: 'inherit' });
    child.on('exit', (code) => resolve(code ?? 1));
  });

(async () => {
  const { names, db, n, child } = parse(process.argv.slice(2));
  if (child) {
    await runChild(names[0], db as BenchDb, n);
    process.exit(0);
  }
  const t0 = Date.now();
  const { compileStrapi } = require('@strapi/strapi') as typeof import('@strapi/strapi');
  await compileStrapi({ appDir: path.join(__dirname, '..', 'playground') });
  const dbs: BenchDb[] = db === 'both' ? ['sqlite', 'postgres'] : [db as BenchDb];
  let failed = 0;
  for (const d of dbs) {
    for (const name of names) {
      if (!BENCHES[name].perDb && d !== dbs[0]) continue;
      const b0 = Date.now();
      const code = await spawnChild(name, d, n);
      console.log(`(${name} on ${d}: ${sec(Date.now() - b0)}${code ? `, exit ${code}` : ''})`);
      if (code) failed++;
    }
  }
  console.log(`\nnpm run bench: ${sec(Date.now() - t0)} in all${failed ? `, ${failed} bench(es) failed` : ''}`);
  process.exit(failed ? 1 : 0);
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
