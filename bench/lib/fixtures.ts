import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import { ARTICLE, createArticle, findArticle, settle, type PlacedOrder } from '../../tests/helpers/orders';
import type { World } from './world';
import { inBatches } from './world';

/** Source articles with words of their own (Gengo's lazy loading answers repeated texts for free). */
export const createArticles = async (w: World, n: number, label: string): Promise<string[]> => {
  const run = crypto.randomBytes(3).toString('hex');
  return inBatches(
    w,
    Array.from({ length: n }, (_, i) => i),
    async (i) => {
      const doc = await createArticle(w.app.strapi, {
        title: `${label} article ${i} ${run}`,
        slug: `${label}-${i}-${run}`.toLowerCase(),
        summary: `A summary of ${label} article ${i} about translation ${run}.`,
      });
      return doc.documentId as string;
    }
  );
};

const SYSTEM = new Set([
  'id',
  'documentId',
  'locale',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'localizations',
  'createdBy',
  'updatedBy',
]);

/** Drops ids (components get new ones in a new locale) and system fields, recursively. */
const strip = (v: unknown, top = false): unknown => {
  if (Array.isArray(v)) return v.map((e) => strip(e));
  if (!v || typeof v !== 'object') return v;
  return Object.fromEntries(
    Object.entries(v as Record<string, unknown>)
      .filter(([k]) => (top ? !SYSTEM.has(k) : k !== 'id' && k !== 'documentId'))
      .map(([k, e]) => [k, strip(e)])
  );
};

/**
 * The data of a target version exactly as the plugin stored it, to be written into another
 * locale version by a bare `strapi.documents(uid).update` (the baseline).
 */
export const storedData = async (w: World, documentId: string, locale: string): Promise<Record<string, unknown>> => {
  const doc = await findArticle(w.app.strapi, documentId, locale);
  if (!doc) throw new Error(`no ${locale} version of ${documentId}`);
  const data = strip(doc, true) as Record<string, unknown>;
  // Relations and media as stored (null here) are left out rather than written as null.
  for (const k of Object.keys(data)) if (data[k] === null) delete data[k];
  return data;
};

/** A bare Document Service write of a target version (what the plugin's write is measured against). */
export const bareWrite = (w: World, documentId: string, locale: string, data: Record<string, unknown>) =>
  w.app.strapi.documents(ARTICLE as any).update({ documentId, locale, data } as any);

export const countVersions = (w: World, locale: string) =>
  w.app.strapi.db.query(ARTICLE as any).count({ where: { locale, publishedAt: { $null: true } } });

export const waitUntil = async (
  what: string,
  fn: () => Promise<boolean> | boolean,
  timeoutMs: number,
  everyMs = 25
) => {
  const start = Date.now();
  while (!(await fn())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
};

/**
 * Records each order's Gengo job ids and statuses on its rows, as the `available`/`pending`
 * callbacks would have (their refreshes are setup, not what is measured).
 */
export const bindJobs = async (w: World, orders: PlacedOrder[]) => {
  const byRef = new Map(orders.map((o) => [o.reference, o.orderId]));
  const jobs = w.app.strapi.db.query('plugin::gengo.job' as any);
  for (const job of await again(() => w.control.jobs())) {
    let data: { ref: string; s: string; c: number };
    try {
      data = JSON.parse(String(job.custom_data));
    } catch {
      continue;
    }
    const orderId = byRef.get(data.ref);
    if (orderId === undefined) continue;
    await jobs.updateMany({
      where: { orderId, segmentKey: data.s, chunkIndex: data.c },
      data: { gengoJobId: String(job.job_id), gengoStatus: job.status, status: job.status },
    });
  }
};

/**
 * A read of the emulator's control API, tried again once: after a long idle stretch of setup,
 * the kept-alive socket it reuses may just have been closed by the server (ECONNRESET).
 */
export const again = async <T>(fn: () => Promise<T>): Promise<T> => {
  try {
    return await fn();
  } catch {
    await new Promise((r) => setTimeout(r, 100));
    return fn();
  }
};

/**
 * Every callback the emulator sent is delivered and our receiving queue is idle: a baseline run
 * after this does not share the machine with callbacks of the run before it.
 */
export const callbacksSettled = async (w: World) => {
  await waitUntil(
    'the callbacks delivered',
    async () => (await again(() => w.control.callbackSummary())).undelivered === 0,
    600_000,
    250
  );
  await settle(w);
};

/**
 * Writes the machine's dirty pages to disk before a timed phase, so that its commits do not pay
 * for the writeback of the phase before it.
 */
export const flushDisk = () => execFileSync('sync');
