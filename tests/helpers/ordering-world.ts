import crypto from 'crypto';
import { startEmulator } from '../../emulator/src';
import { EmulatorControl } from '../../emulator/src/control-client';
import { startTestStrapi, type TestStrapi } from './strapi';
import { createSuperAdmin, type AdminSession } from './admin';

/**
 * The ordering side's tests (quote, order, review, read routes): a booted playground pointed at a
 * fresh emulator, with a super admin. (tests/helpers/orders.ts is the receiving side's.)
 */
export type OrdersWorld = {
  app: TestStrapi;
  emu: Awaited<ReturnType<typeof startEmulator>>;
  control: EmulatorControl;
  admin: AdminSession;
  /** Stops Strapi and boots it again on the same database (same emulator): a server restart. */
  restart(): Promise<void>;
  stop(): Promise<void>;
};

export const ARTICLE = 'api::article.article';

const KEYS = { publicKey: 'orders-public-key', privateKey: 'orders-private-key-5be1' };

export const startOrdersWorld = async (credits = 500, keys = KEYS): Promise<OrdersWorld> => {
  for (const k of Object.keys(process.env)) if (k.startsWith('GENGO_')) delete process.env[k];
  const emu = await startEmulator({
    port: 0,
    credits,
    jobCreationDelayMs: 50,
    callbackRetryMs: 50,
    rateLimitPerMinute: 0, // a test file sends more than Gengo's 150 a minute
    ...keys,
  });
  process.env.GENGO_API_URL = emu.apiUrl;
  process.env.GENGO_PUBLIC_KEY = keys.publicKey;
  process.env.GENGO_PRIVATE_KEY = keys.privateKey;
  let app: TestStrapi | undefined;
  try {
    app = await startTestStrapi();
    // The receiving side's minute poller is not under test here: a tick running at teardown would
    // be cut off by strapi.destroy() (PostgreSQL: "aborted"), and it would race the discovery tested.
    app.strapi.cron.remove('gengoReconcile');
    const admin = await createSuperAdmin(app);
    const world: OrdersWorld = {
      app,
      emu,
      control: new EmulatorControl(emu.url),
      admin,
      async restart() {
        const db = app!.db;
        await app!.stop({ keepDatabase: true });
        app = undefined;
        app = await startTestStrapi({ database: db }).catch(async (err) => {
          await db.drop().catch(() => {});
          throw err;
        });
        app.strapi.cron.remove('gengoReconcile');
        world.app = app;
      },
      async stop() {
        await app?.stop();
        await emu.close();
        for (const k of Object.keys(process.env)) if (k.startsWith('GENGO_')) delete process.env[k];
      },
    };
    return world;
  } catch (err) {
    await app?.stop().catch(() => {});
    await emu.close();
    throw err;
  }
};

/** An English article with unique words (Gengo's lazy loading would answer repeated texts for free). */
export const createSourceArticle = async (app: TestStrapi, label = crypto.randomBytes(3).toString('hex')) => {
  const doc = await app.strapi.documents(ARTICLE as any).create({
    locale: 'en',
    data: {
      title: `Ordering guide ${label}`,
      summary: `A short summary about translation ${label} with a link https://example.com/${label}.`,
      body: `## Heading ${label}\n\nSome **bold** words about ${label} and more prose to translate.`,
      seo: { metaTitle: `Meta ${label}`, metaDescription: `Description of ${label}` },
      sections: [{ __component: 'sections.hero', heading: `Hero ${label}`, subheading: `Below the hero ${label}` }],
    } as any,
  });
  return doc.documentId as string;
};

/** `POST translate/jobs` calls the emulator received. */
export const postJobsCount = async (control: EmulatorControl) =>
  (await control.requests()).filter((r) => r.method === 'POST' && /(^|\/)translate\/jobs$/.test(r.path)).length;

export const orderRows = (app: TestStrapi, where: Record<string, unknown> = {}) =>
  app.strapi.db.query('plugin::gengo.order' as any).findMany({ where, orderBy: { id: 'asc' } });
export const jobRows = (app: TestStrapi, where: Record<string, unknown> = {}) =>
  app.strapi.db.query('plugin::gengo.job' as any).findMany({ where, orderBy: { id: 'asc' } });
