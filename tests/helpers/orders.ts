import crypto from 'crypto';
import type { AddressInfo } from 'net';
import { startEmulator } from '../../emulator/src';
import { EmulatorControl } from '../../emulator/src/control-client';
import { createGengoClient } from '../../server/src/gengo';
import { extractSegments, protectSegment, splitForGengo } from '../../server/src/content';
import { createLeases } from '../../server/src/platform/lease';
import { buildDeepPopulate } from '../../server/src/platform/populate';
import { encodeCustomData, type OrderedSegment } from '../../server/src/platform/records';
import type { StartEmulatorOptions } from '../../emulator/src';
import type { TestDatabase } from './database';
import { startTestStrapi, type TestStrapi } from './strapi';

/**
 * The receiving side's fixtures: a booted playground listening on a real port (so the emulator
 * can call it back), the emulator, and orders placed directly (rows written as platform/records.ts
 * describes, jobs POSTed with the real client) without the ordering routes.
 */
export const ARTICLE = 'api::article.article';

/** The emulator's URLs, keys and close(): started here, or given (the benches run one in a process of its own). */
type EmulatorHandle = Pick<
  Awaited<ReturnType<typeof startEmulator>>,
  'url' | 'apiUrl' | 'publicKey' | 'privateKey' | 'close'
>;

export const RECEIVING_EMULATOR = {
  credits: 10_000,
  jobCreationDelayMs: 0,
  // Gengo's 3 attempts, 200 ms apart instead of an hour.
  callbackRetryMs: 200,
  duplicateWindowSeconds: 0,
  // Bursts of hundreds of calls: Gengo's 150 a minute lifted.
  rateLimitPerMinute: 0,
};

export type Receiving = {
  app: TestStrapi;
  emu: EmulatorHandle;
  control: EmulatorControl;
  baseUrl: string;
  stop(): Promise<void>;
};

const GENGO_ENV = [
  'GENGO_PUBLIC_KEY',
  'GENGO_PRIVATE_KEY',
  'GENGO_API_URL',
  'GENGO_PUBLIC_URL',
  'GENGO_ENVIRONMENT',
  'GENGO_POLL_INTERVAL_MINUTES',
];

export type ReceivingOptions = {
  publicUrl?: (port: number) => string | null;
  /** Emulator options over RECEIVING_EMULATOR (keys, callback retries…). */
  emulator?: StartEmulatorOptions;
  /** An emulator already running instead (the benches run one in a process of its own). */
  runningEmulator?: EmulatorHandle;
  /** Boot on this database (shared with other processes, or kept from a previous boot). */
  database?: TestDatabase;
};

export const startReceiving = async (opts: ReceivingOptions = {}): Promise<Receiving> => {
  for (const k of Object.keys(process.env)) if (k.startsWith('GENGO_')) delete process.env[k];
  const emu = opts.runningEmulator ?? (await startEmulator({ port: 0, ...RECEIVING_EMULATOR, ...opts.emulator }));
  const app = await startTestStrapi({ database: opts.database });
  const server = app.strapi.server.httpServer;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  const baseUrl = `http://127.0.0.1:${port}`;
  const publicUrl = opts.publicUrl ? opts.publicUrl(port) : baseUrl;
  Object.assign(process.env, {
    GENGO_PUBLIC_KEY: emu.publicKey,
    GENGO_PRIVATE_KEY: emu.privateKey,
    GENGO_API_URL: emu.apiUrl,
    ...(publicUrl ? { GENGO_PUBLIC_URL: publicUrl } : {}),
  });
  // The minute cron tick stays out of the tests (they poll when they mean to): this interval's lease is taken.
  await createLeases(app.strapi).acquire('reconcile-due', 3_600_000);
  const r: Receiving = {
    app,
    emu,
    control: new EmulatorControl(emu.url),
    baseUrl,
    // The app booted now (a test may have restarted it on the same database).
    async stop() {
      await r.app?.stop();
      await emu?.close();
      for (const k of GENGO_ENV) delete process.env[k];
    },
  };
  return r;
};

export const createArticle = async (strapi: any, data: Record<string, unknown>) =>
  strapi.documents(ARTICLE).create({ locale: 'en', data });

export const findArticle = (strapi: any, documentId: string, locale: string, status: 'draft' | 'published' = 'draft') =>
  strapi.documents(ARTICLE).findOne({
    documentId,
    locale,
    status,
    populate: buildDeepPopulate(strapi.getModel(ARTICLE), (uid) => strapi.getModel(uid)),
  });

export type PlacedOrder = { orderId: number; reference: string; segments: OrderedSegment[]; gengoOrderId: string };

/**
 * An order of the article's segments (all, or those with a path `only` accepts) into `fr`,
 * placed at the emulator with `callback_url` (none: callbacks never come) and custom_data.
 */
export const placeOrder = async (
  r: Receiving,
  documentId: string,
  opts: {
    only?: (paths: string[]) => boolean;
    callbackUrl?: string | null;
    splitLimit?: number;
    /** The orderer chose to replace a person's text the target holds now. */
    replaceExisting?: boolean;
    /** Another localized type (default: the article). */
    uid?: string;
  } = {}
): Promise<PlacedOrder> => {
  const strapi: any = r.app.strapi;
  const uid = opts.uid ?? ARTICLE;
  const source = await strapi.documents(uid).findOne({
    documentId,
    locale: 'en',
    populate: buildDeepPopulate(strapi.getModel(uid), (u) => strapi.getModel(u)),
  });
  const segments: OrderedSegment[] = extractSegments(strapi.getModel(uid), source, (u) => strapi.getModel(u))
    .filter((s) => !opts.only || opts.only(s.paths))
    .map((s, i) => {
      const prot = protectSegment(s);
      const split = splitForGengo(prot.text, { lcTgt: 'fr', ...(opts.splitLimit ? { limit: opts.splitLimit } : {}) });
      return {
        key: `s${i}`,
        kind: s.kind,
        paths: s.paths,
        sourceHash: s.hash,
        protected: prot,
        separators: split.separators,
        chunks: split.chunks,
      } as any;
    });
  const reference = crypto.randomUUID();
  // What the target holds now, as the ordering side records it (layout, a person's text there).
  const state = await strapi
    .plugin('gengo')
    .service('ordering')
    .quotes.targetState({ uid, documentId, locale: 'fr', source, paths: segments.flatMap((s) => s.paths) });
  const order = await strapi.db.query('plugin::gengo.order').create({
    data: {
      requestKey: crypto.randomUUID(),
      reference,
      contentType: uid,
      layout: state.layout,
      baseline: state.baseline,
      options: { replaceExisting: opts.replaceExisting ?? false },
      targetDocumentId: documentId,
      sourceLocale: 'en',
      targetLocale: 'fr',
      lcSrc: 'en',
      lcTgt: 'fr',
      tier: 'standard',
      status: 'placing',
      segments: segments.map(({ chunks: _c, ...s }: any) => s),
    },
  });
  const callbackUrl =
    opts.callbackUrl === undefined ? await strapi.plugin('gengo').service('receiving').callbackUrl() : opts.callbackUrl;
  const payload: Record<string, any> = {};
  for (const s of segments as any[]) {
    for (const [c, chunk] of (s.chunks as string[]).entries()) {
      await strapi.db.query('plugin::gengo.job').create({
        data: {
          orderId: order.id,
          segmentKey: s.key,
          chunkIndex: c,
          chunkCount: s.chunks.length,
          sourceHash: s.sourceHash,
          status: 'queued',
        },
      });
      payload[`job_${s.key}_${c}`] = {
        slug: `article ${s.key}#${c}`,
        body_src: chunk,
        lc_src: 'en',
        lc_tgt: 'fr',
        tier: 'standard',
        force: 1,
        custom_data: encodeCustomData({ ref: reference, s: s.key, c }),
        ...(callbackUrl ? { callback_url: callbackUrl } : {}),
      };
    }
  }
  const client = createGengoClient({
    publicKey: r.emu.publicKey,
    privateKey: r.emu.privateKey,
    baseUrl: r.emu.apiUrl,
    retries: 0,
    rateLimit: false, // the emulator's limit is lifted; tests place orders in bursts
  });
  const placed = await client.postJobs({ jobs: payload }, { reference });
  await strapi.db
    .query('plugin::gengo.order')
    .update({ where: { id: order.id }, data: { gengoOrderId: String(placed.order_id), status: 'placed' } });
  await r.control.flush();
  return {
    orderId: order.id,
    reference,
    segments: segments.map(({ chunks: _c, ...s }: any) => s),
    gengoOrderId: String(placed.order_id),
  };
};

/** The emulator's jobs of an order, by segment key and chunk. */
export const gengoJobs = async (r: Receiving, order: PlacedOrder) => {
  const all = await r.control.jobs();
  return all
    .filter((j: any) => String(j.custom_data ?? '').includes(order.reference))
    .map((j: any) => ({ ...j, data: JSON.parse(j.custom_data) as { ref: string; s: string; c: number } }));
};

export const jobRows = (r: Receiving, order: PlacedOrder) =>
  r.app.strapi.db
    .query('plugin::gengo.job')
    .findMany({ where: { orderId: order.orderId }, orderBy: [{ segmentKey: 'asc' }, { chunkIndex: 'asc' }] });

export const waitFor = async <T>(
  what: string,
  fn: () => Promise<T | false | null | undefined>,
  timeoutMs = 15_000
): Promise<T> => {
  const start = Date.now();
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((res) => setTimeout(res, 50));
  }
};

/** Every callback the emulator sent so far answered 200 (or gave up), and our queue is empty. */
export const settle = async (r: Receiving) => {
  await waitFor('callbacks delivered', async () =>
    (await r.control.callbacks()).every(
      (c) => c.delivered || c.skipped || (c.attempts >= 1 && c.lastStatus !== 200 && c.statuses.length > 0)
    )
  );
  await r.app.strapi.plugin('gengo').service('receiving').idle();
};

/** Moves every job of the order to `status` at the emulator (same transitions and callbacks as Gengo). */
export const advanceAll = async (r: Receiving, order: PlacedOrder, status: 'reviewable' | 'approved' | 'pending') => {
  for (const j of await gengoJobs(r, order)) await r.control.advance(j.job_id, status);
};
