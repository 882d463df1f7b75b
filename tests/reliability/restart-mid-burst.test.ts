import { findArticle, gengoJobs, settle, type PlacedOrder } from '../helpers/orders';
import { startPlaygroundProcess, type PlaygroundProcess } from '../helpers/playground-process';
import { peekTestDatabase } from '../helpers/database';
import { freePort } from '../helpers/ports';
import { startTestStrapi } from '../helpers/strapi';
import { ARTICLE } from '../helpers/ordering-world';
import {
  articlesWithOrders,
  countWrites,
  expectNoLeak,
  gengoEnv,
  listen,
  startWatchedReceiving,
  waitUntil,
  type Watched,
} from './world';

/**
 * Strapi killed (SIGKILL) in the middle of a burst of callbacks, started again on the same
 * database: after reconciliation every entry carries its translation, none written twice.
 */
describe('reliability: Strapi killed mid-burst and started again', () => {
  const ENTRIES = 50;
  const JOBS = 2 * ENTRIES; // title and summary
  let r: Watched;
  let child: PlaygroundProcess | undefined;
  let entries: Array<{ documentId: string; order: PlacedOrder }>;
  let port: number;

  const t0 = Date.now();
  const lap = (what: string) => console.info(`restart: ${what} at ${Math.round((Date.now() - t0) / 1000)} s`);

  beforeAll(async () => {
    r = await startWatchedReceiving();
    lap('booted');
    port = await freePort();
    const callbackUrl = r.callbackUrl.replace(/^http:\/\/[^/]+/, `http://127.0.0.1:${port}`);
    entries = await articlesWithOrders(r, ENTRIES, 'crash', { callbackUrl, withSummary: true });
    // The "available" callbacks of the new jobs (nobody listens yet) are not the point.
    await r.control.clearCallbacks();
    await r.app.stop({ keepDatabase: true });
    lap(`${ENTRIES} orders placed`);
  });
  afterAll(async () => {
    await child?.kill();
    await r?.stop();
  });

  it(`${JOBS} jobs (${ENTRIES} entries × 2 fields) approved at once, the instance applying them killed, another started: 0 lost, none twice`, async () => {
    const db = r.app.db;
    child = await startPlaygroundProcess({ database: db, port, env: gengoEnv(r, `http://127.0.0.1:${port}`) });
    lap('child process up');

    // Every job approved (pending, reviewable, approved: three callbacks each) while the instance applies them.
    const jobsOf = await Promise.all(entries.map(({ order }) => gengoJobs(r, order)));
    expect(jobsOf.flat()).toHaveLength(JOBS);
    const advancing = Promise.all(jobsOf.flat().map((j) => r.control.advance(j.job_id, 'approved')));
    // Killed once a fifth of the final translations are written: applying is under way.
    await waitUntil(
      'a fifth of the final translations written',
      async () => {
        const [{ n }] = await peekTestDatabase(
          db,
          `SELECT COUNT(*) AS n FROM gengo_jobs WHERE applied_status = 'approved'`
        );
        return Number(n) >= JOBS / 5;
      },
      120_000
    );
    await child.kill();
    await advancing;
    lap('killed');
    r.watch.record('killed instance output', child.output());

    // Started again on the same database, not yet listening: what is left to write?
    const app = await startTestStrapi({ database: db });
    r.app = app;
    r.watch.logs(app.strapi);
    r.watch.responses(app);
    lap('started again');
    const rows = await app.strapi.db.query('plugin::gengo.job').findMany({});
    const left = rows.filter((row: any) => row.appliedStatus !== 'approved').length;
    console.info(`restart: ${JOBS - left} of ${JOBS} final translations written before the kill`);
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThan(JOBS);

    const writes = countWrites(app.strapi, 'fr');
    process.env.GENGO_PUBLIC_URL = `http://127.0.0.1:${port}`;
    await listen(app, port); // Gengo's retries of the callbacks the dead instance missed land here
    const result = await app.strapi.plugin('gengo').service('receiving').reconcile();
    expect(result).toMatchObject({ failed: 0 });
    await settle(r);
    lap('reconciled');

    // Every entry: its translation, in one French draft; every write of the new instance was needed.
    const finalRows = await app.strapi.db.query('plugin::gengo.job').findMany({});
    expect(finalRows.filter((row: any) => row.appliedStatus !== 'approved')).toEqual([]);
    const knex = app.strapi.db.connection;
    for (const { documentId, order } of entries) {
      const fr = await findArticle(app.strapi, documentId, 'fr');
      for (const job of await gengoJobs(r, order)) {
        const [path] = order.segments.find((s) => s.key === job.data.s)!.paths;
        expect({ path, text: fr?.[path] }).toEqual({ path, text: job.body_tgt });
      }
      const versions = await knex('articles').where({ document_id: documentId, locale: 'fr' }).count({ n: '*' });
      expect(Number(versions[0].n)).toBe(1);
    }
    // Every write of the new instance was needed: an entry is written once per field left at most
    // (once for both when they are applied together), and an entry with nothing left is not written.
    for (const { documentId, order } of entries) {
      const leftOf = rows.filter(
        (row: any) => row.orderId === order.orderId && row.appliedStatus !== 'approved'
      ).length;
      expect({ documentId, written: writes.of(documentId) > 0 }).toEqual({ documentId, written: leftOf > 0 });
      expect(writes.of(documentId)).toBeLessThanOrEqual(leftOf);
    }
    expect(writes.total()).toBeLessThanOrEqual(left);
    expect(await app.strapi.documents(ARTICLE as any).count({ locale: 'fr' })).toBe(ENTRIES);
  });

  it('the private key appears in no response and no log line', () => {
    expectNoLeak(r.watch);
  });
});
