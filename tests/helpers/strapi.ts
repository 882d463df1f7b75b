import { createStrapi } from '@strapi/strapi';
import type { Core } from '@strapi/strapi';
import supertest from 'supertest';
import { reloadPluginConfig } from '../../server/src/platform/config';
import { PLAYGROUND_DIR, PLAYGROUND_DIST } from './paths';
import { createTestDatabase, type TestDatabase } from './database';

type Method = 'get' | 'post' | 'put' | 'delete';

/** supertest bound to the server, with an optional bearer token on every request. */
export type Requester = Record<Method, (url: string) => supertest.Test>;

export type TestStrapi = {
  strapi: Core.Strapi;
  db: TestDatabase;
  /** Anonymous requests. */
  http: Requester;
  /** Requests as a given bearer token (admin JWT or API token). */
  as(token: string): Requester;
  /** Destroys Strapi and drops its database, unless `keepDatabase` (to start again on it). */
  stop(opts?: { keepDatabase?: boolean }): Promise<void>;
};

const requester = (server: any, token?: string): Requester => {
  const agent = supertest(server);
  const wrap = (method: Method) => (url: string) => {
    const req = agent[method](url);
    return token ? req.set('Authorization', `Bearer ${token}`) : req;
  };
  return { get: wrap('get'), post: wrap('post'), put: wrap('put'), delete: wrap('delete') };
};

/**
 * Waits until no database connection has been in use for a few checks in a row (at most
 * `timeoutMs`): Strapi's own after-commit work (content history…) is not awaited by the request that
 * started it, and destroying under it makes PostgreSQL report "aborted".
 */
const waitForIdleDatabase = async (strapi: Core.Strapi, timeoutMs = 3000) => {
  const pool = (strapi.db.connection as any).client?.pool;
  if (!pool) return;
  const start = Date.now();
  for (let quiet = 0; quiet < 4 && Date.now() - start < timeoutMs;) {
    await new Promise((r) => setTimeout(r, 50));
    quiet = pool.numUsed() === 0 && pool.numPendingAcquires() === 0 ? quiet + 1 : 0;
  }
};

/**
 * Boots the playground in-process on a database of its own (a temp SQLite file, or a fresh
 * PostgreSQL database when TEST_DATABASE=postgres), or on `database` (a restart: one kept by
 * `stop({ keepDatabase: true })`, or one shared with other processes). Call `stop()` in afterAll:
 * without `strapi.destroy()` jest never exits.
 */
export const startTestStrapi = async (
  opts: {
    database?: TestDatabase;
    /** Runs on the instance before it loads (e.g. to watch what its bootstrap logs). */
    beforeLoad?: (strapi: Core.Strapi) => void;
  } = {}
): Promise<TestStrapi> => {
  const db = opts.database ?? (await createTestDatabase());
  Object.assign(process.env, db.env);

  const instance = createStrapi({
    appDir: PLAYGROUND_DIR,
    distDir: PLAYGROUND_DIST,
    autoReload: false,
    serveAdminPanel: false,
  } as any);
  let strapi: Core.Strapi;
  try {
    opts.beforeLoad?.(instance as Core.Strapi);
    strapi = await instance.load();
  } catch (err) {
    // A half-booted instance keeps its pools and timers alive, and jest would never exit.
    await instance.destroy().catch(() => {});
    if (!opts.database) await db.drop().catch(() => {});
    throw err;
  }
  // Routes attach on listen otherwise.
  strapi.server.mount();
  // No pacing of the plugin's Gengo calls: tests send bursts an emulator with its limit lifted
  // takes at once (the pacing has its own tests: tests/unit/gengo/pacing.test.ts).
  strapi.config.set('plugin::gengo.requestsPerMinute', 0);
  // Nor of the callback intake's GETs (tests/integration/callbacks-flood.test.ts sets its own cap).
  strapi.config.set('plugin::gengo.callbackRequestsPerMinute', 0);
  reloadPluginConfig(strapi);

  const server = strapi.server.httpServer;
  return {
    strapi,
    db,
    http: requester(server),
    as: (token) => requester(server, token),
    async stop({ keepDatabase = false } = {}) {
      await waitForIdleDatabase(strapi);
      await strapi.destroy();
      if (!keepDatabase) await db.drop();
    },
  };
};
