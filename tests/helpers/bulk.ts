import { reloadPluginConfig } from '../../server/src/platform/config';
import crypto from 'crypto';
import type { EmulatorControl } from '../../emulator/src/control-client';
import type { TestStrapi } from './strapi';
import { ARTICLE, orderRows, startOrdersWorld, type OrdersWorld } from './ordering-world';

/** Bulk orders' fixtures: many small articles, a batch watched through its route, Gengo's side counted. */

/**
 * Registers the suite's hooks: one world (Strapi + emulator, credits to spare) for the describe
 * block, faults cleared before each test. Read `world.w` inside tests (it changes on restart).
 */
export const useBulkWorld = () => {
  const world = {} as {
    w: OrdersWorld;
    api: () => ReturnType<TestStrapi['as']>;
    worker: () => any;
  };
  beforeAll(async () => {
    world.w = await startOrdersWorld(100_000);
  });
  afterAll(async () => {
    await world.w?.stop();
  });
  beforeEach(async () => {
    await world.w.control.clearFaults();
    setPageSize(world.w.app, undefined);
  });
  world.api = () => world.w.app.as(world.w.admin.token);
  world.worker = () => world.w.app.strapi.plugin('gengo').service('bulk');
  return world;
};

/** Documents placed together (one Gengo order per page and locale) by this instance from now on. */
export const setPageSize = (app: TestStrapi, n: number | undefined) => {
  app.strapi.config.set('plugin::gengo.bulkPageSize', n);
  reloadPluginConfig(app.strapi);
};

/** `n` English articles with a title and a summary of unique words (two short segments each). */
export const createArticles = async (app: TestStrapi, n: number): Promise<string[]> => {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const label = crypto.randomBytes(4).toString('hex');
    const doc = await app.strapi.documents(ARTICLE as any).create({
      locale: 'en',
      data: { title: `Bulk title ${label} ${i}`, summary: `A short summary ${label} number ${i}.` } as any,
    });
    ids.push(doc.documentId as string);
  }
  return ids;
};

/**
 * Polls `GET /gengo/bulk/:id` until `done(view)`, returning every distinct progress seen
 * (done + failed) in order, and the last view.
 */
export const watchBatch = async (
  get: (url: string) => any,
  id: number,
  done: (view: any) => boolean = (v) => ['completed', 'cancelled', 'failed'].includes(v.status),
  timeoutMs = 60_000
) => {
  const progress: number[] = [];
  const start = Date.now();
  for (;;) {
    const res = await get(`/gengo/bulk/${id}`);
    if (res.status !== 200) throw new Error(`GET /gengo/bulk/${id}: ${res.status} ${JSON.stringify(res.body)}`);
    const view = res.body.data;
    const p = view.done + view.failed;
    if (progress[progress.length - 1] !== p) progress.push(p);
    if (done(view)) return { view, progress };
    if (Date.now() - start > timeoutMs) throw new Error(`batch ${id} not done: ${JSON.stringify(view)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

/**
 * Per `documentId:locale`: the distinct Gengo orders the emulator holds for our orders of it, and
 * our order rows (any status) for it.
 */
export const ordersPerTarget = async (app: TestStrapi, control: EmulatorControl, documentIds: string[]) => {
  const rows = (await orderRows(app, { targetDocumentId: { $in: documentIds } })) as any[];
  const byRef = new Map(rows.map((r) => [r.reference, `${r.targetDocumentId}:${r.targetLocale}`]));
  const gengo = new Map<string, Set<string>>();
  /** Every Gengo order holding a job of these targets. */
  const gengoOrders = new Set<string>();
  for (const job of await control.jobs()) {
    const ref = (() => {
      try {
        return JSON.parse(String(job.custom_data ?? '{}')).ref as string;
      } catch {
        return undefined;
      }
    })();
    const target = ref ? byRef.get(ref) : undefined;
    if (!target) continue;
    if (!gengo.has(target)) gengo.set(target, new Set());
    gengo.get(target)!.add(String(job.order_id));
    gengoOrders.add(String(job.order_id));
  }
  const ours = new Map<string, number>();
  for (const r of rows)
    ours.set(`${r.targetDocumentId}:${r.targetLocale}`, (ours.get(`${r.targetDocumentId}:${r.targetLocale}`) ?? 0) + 1);
  return { gengo: new Map([...gengo].map(([k, v]) => [k, v.size])), gengoOrders, ours, rows };
};
