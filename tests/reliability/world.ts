import {
  ARTICLE,
  createArticle,
  placeOrder,
  startReceiving,
  type PlacedOrder,
  type Receiving,
  type ReceivingOptions,
} from '../helpers/orders';
import { createLeakWatch, type LeakWatch } from '../helpers/leak-watch';
import type { TestStrapi } from '../helpers/strapi';

/**
 * What the reliability suite shares: Gengo keys of its own (the private key distinctive enough to
 * be searched for in everything the suite reads), a leak watch on every Strapi it boots, callbacks
 * posted by hand, and counters of the writes to target locales.
 */
export const KEYS = { publicKey: 'reliability-public-key', privateKey: 'rel-PRIVATE-k3y-7f3c9a1e5d-Zq8XkW' };
/** A wrong private key an admin might try (unsaved, in a connection test): no less secret. */
export const OTHER_PRIVATE_KEY = 'rel-OTHER-pr1vate-4b8e2d6a0c';

export type Watched = Receiving & { watch: LeakWatch; callbackUrl: string };

/** startReceiving with the suite's keys; Strapi's logs and responses watched for the private key. */
export const startWatchedReceiving = async (opts: ReceivingOptions = {}): Promise<Watched> => {
  const watch = createLeakWatch(KEYS.privateKey, OTHER_PRIVATE_KEY);
  const r = await startReceiving({ ...opts, emulator: { ...KEYS, ...opts.emulator } });
  watch.logs(r.app.strapi);
  watch.responses(r.app);
  const callbackUrl = (await r.app.strapi.plugin('gengo').service('receiving').callbackUrl()) as string;
  return Object.assign(r, { watch, callbackUrl });
};

export const form = (field: string, payload: unknown) =>
  new URLSearchParams({ [field]: JSON.stringify(payload) }).toString();

/** POSTs a callback (form-encoded unless `type` says otherwise), the response recorded by the watch. */
export const postCallback = (watch: LeakWatch, url: string, body: string, type = 'application/x-www-form-urlencoded') =>
  watch.fetch(url, { method: 'POST', headers: { 'content-type': type }, body });

/** Runs `tasks` with at most `width` at a time. */
export const inBatches = async <T>(tasks: Array<() => Promise<T>>, width: number): Promise<T[]> => {
  const out: T[] = [];
  for (let i = 0; i < tasks.length; i += width)
    out.push(...(await Promise.all(tasks.slice(i, i + width).map((t) => t()))));
  return out;
};

/** Counts the Document Service writes (create, update, publish…) of articles, by documentId, in `locale`. */
export const countWrites = (strapi: any, locale: string) => {
  const writes = new Map<string, number>();
  strapi.documents.use(async (ctx: any, next: any) => {
    const write =
      ctx.action !== 'findOne' && ctx.action !== 'findMany' && ctx.action !== 'findFirst' && ctx.action !== 'count';
    if (ctx.uid === ARTICLE && write && ctx.params?.locale === locale) {
      const id = String(ctx.params?.documentId ?? '');
      writes.set(id, (writes.get(id) ?? 0) + 1);
    }
    return next();
  });
  return {
    of: (documentId: string) => writes.get(documentId) ?? 0,
    total: () => [...writes.values()].reduce((a, b) => a + b, 0),
  };
};

/**
 * `n` articles with unique words, each with an order placed at the emulator of its title (one job),
 * or of its title and summary (two jobs, two segments) with `withSummary`.
 */
export const articlesWithOrders = async (
  r: Receiving,
  n: number,
  label: string,
  opts: { callbackUrl?: string | null; withSummary?: boolean } = {}
) => {
  const out: Array<{ documentId: string; order: PlacedOrder }> = [];
  for (let i = 0; i < n; i++) {
    const word = documentWord(i);
    const { documentId } = await createArticle(r.app.strapi, {
      title: `${label} entry ${i} ${word}`,
      slug: `${label}-${i}`,
      summary: `A summary of ${word} for ${label} ${i}.`,
    });
    const only = (p: string[]) => p.includes('title') || (opts.withSummary === true && p.includes('summary'));
    out.push({ documentId, order: await placeOrder(r, documentId, { only, callbackUrl: opts.callbackUrl }) });
  }
  return out;
};

const WORDS = ['harbour', 'lantern', 'meadow', 'quartz', 'saddle', 'thimble', 'willow', 'zephyr', 'orchard', 'pebble'];
const documentWord = (i: number) => `${WORDS[i % WORDS.length]}${Math.floor(i / WORDS.length)}`;

/** Every table holding articles (entries and their components), as rows: to compare before and after. */
export const snapshotEntries = async (strapi: any) => {
  const knex = strapi.db.connection;
  const tables = [
    ...new Set([
      'articles',
      ...(await tablesLike(strapi, 'components_%')),
      ...(await tablesLike(strapi, 'articles_%')),
    ]),
  ];
  const out: Record<string, unknown[]> = {};
  for (const t of tables.sort()) out[t] = await knex(t).select('*').orderBy('id');
  return out;
};

const tablesLike = async (strapi: any, pattern: string): Promise<string[]> => {
  const knex = strapi.db.connection;
  if (strapi.db.dialect.client === 'sqlite') {
    const rows = await knex.raw(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE ?`, [pattern]);
    return rows.map((r: any) => r.name);
  }
  if (strapi.db.dialect.client === 'mysql') {
    const [rows] = await knex.raw(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = database() AND table_name LIKE ?`,
      [pattern]
    );
    return rows.map((r: any) => r.name);
  }
  const { rows } = await knex.raw(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE ?`,
    [pattern]
  );
  return rows.map((r: any) => r.name);
};

/** The assertion every file of the suite ends with. */
export const expectNoLeak = (watch: LeakWatch) => {
  expect(watch.count()).toBeGreaterThan(0);
  expect(watch.leaks()).toEqual([]);
};

/** Starts `app` listening on 127.0.0.1:`port` (where Gengo's callbacks are sent). */
export const listen = (app: TestStrapi, port: number) =>
  new Promise<void>((resolve, reject) => {
    const server = app.strapi.server.httpServer;
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });

/** The environment a playground process needs to talk to the emulator with the suite's keys. */
export const gengoEnv = (r: Receiving, publicUrl: string) => ({
  GENGO_API_URL: r.emu.apiUrl,
  GENGO_PUBLIC_KEY: KEYS.publicKey,
  GENGO_PRIVATE_KEY: KEYS.privateKey,
  GENGO_PUBLIC_URL: publicUrl,
});

export { waitFor as waitUntil } from '../helpers/orders';
