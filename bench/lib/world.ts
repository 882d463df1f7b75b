import Module from 'node:module';
import path from 'node:path';
import '../../tests/setup/env';
import { REPO_ROOT } from '../../tests/helpers/paths';
import { startReceiving, type Receiving } from '../../tests/helpers/orders';
import { createApiToken } from '../../tests/helpers/admin';
import { startEmulatorProcess } from './emulator-child';

/**
 * The benches' world: the playground booted in-process (tests/helpers: a fresh SQLite file or
 * PostgreSQL database, listening on a real port so the emulator can call back) and the emulator,
 * both in this process. Strapi loads the plugin from its TypeScript source, as the tests do, so a
 * change is measured without a rebuild.
 */
const distEntry = path.join(REPO_ROOT, 'dist', 'server', 'index.js');
const srcEntry = path.join(REPO_ROOT, 'server', 'src', 'index.ts');
const M = Module as any;
const resolve = M._resolveFilename;
M._resolveFilename = function (this: unknown, ...args: unknown[]) {
  const found = resolve.apply(this, args);
  return found === distEntry ? srcEntry : found;
};

export type BenchDb = 'sqlite' | 'postgres';

export interface World extends Receiving {
  db: BenchDb;
  /** Full-access content-API token, for the probe's GETs. */
  apiToken: string;
}

/** `emulator: 'process'`: the emulator runs in a child process (memory figures), else in this one. */
export const startWorld = async (db: BenchDb, opts: { emulator?: 'process' } = {}): Promise<World> => {
  process.env.TEST_DATABASE = db;
  const r = await startReceiving(opts.emulator === 'process' ? { runningEmulator: await startEmulatorProcess() } : {});
  // Per-request and per-job info logs would cost more than some of what is measured.
  (r.app.strapi.log as any).level = 'warn';
  const apiToken = await createApiToken(r.app);
  // Plenty of credits for thousands of jobs.
  await r.control.setBalance(1_000_000);
  return { ...r, db, apiToken };
};

/** Runs `fn` over `items` with at most `limit` at a time. */
export const pool = async <T, R>(items: T[], limit: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> => {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i], i);
      }
    })
  );
  return out;
};

/**
 * Setup writes in transactions of `size` (one commit, one fsync per batch on SQLite, instead of
 * one per write), in order.
 */
export const inBatches = async <T, R>(
  w: World,
  items: T[],
  fn: (item: T, i: number) => Promise<R>,
  size = 50
): Promise<R[]> => {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) {
    await w.app.strapi.db.transaction(async () => {
      for (let j = i; j < Math.min(items.length, i + size); j++) out[j] = await fn(items[j], j);
    });
  }
  return out;
};
