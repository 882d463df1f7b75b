import { createSuperAdmin } from '../tests/helpers/admin';
import { ARTICLE } from '../tests/helpers/orders';
import {
  again,
  bareWrite,
  callbacksSettled,
  countVersions,
  createArticles,
  flushDisk,
  storedData,
  waitUntil,
} from './lib/fixtures';
import { adminApi, bulkOrderAndWait, callKinds } from './lib/admin-api';
import { createProfile } from './lib/profile';
import { gengoLimitDuring, gengoRateRow } from './lib/gengo-rate';
import { judged, ms, now, ratio, sec, x, type BenchResult } from './lib/stats';
import { pool, startWorld, type BenchDb } from './lib/world';

/**
 * End to end: N articles (title and summary: two segments, two jobs each) ordered into `fr`, the
 * emulator in automatic mode moving every job a step every 50 ms (available → pending → approved,
 * a callback each) → every `fr` version written with the final text. Against a bare
 * `documents().update` of the same `fr` data, as stored, into a new locale version (`de`) of the
 * same articles, in the same run. Measured both ways a site orders: one `POST /gengo/orders` per
 * article (as the side panel does, 4 at a time) and one bulk order of all N (`POST /gengo/bulk`,
 * as the list view's bulk action does), each with articles of its own.
 */
const BARE_LOCALE = 'de';
const AUTO_STEP_MS = 50;
const ORDER_CONCURRENCY = 4;
type Via = 'orders' | 'bulk';

export default async function e2eBench({ db, n }: { db: BenchDb; n: number }): Promise<BenchResult[]> {
  // The emulator in a process of its own, as Gengo is: its work is not the server's.
  const w = await startWorld(db, { emulator: 'process' });
  try {
    const strapi = w.app.strapi;
    const profile = createProfile(strapi);
    profile.timeGengoCalls({ getJob: 'Gengo GET translate/job/{id}', postJobs: 'Gengo POST translate/jobs' });
    profile.time(strapi.plugin('gengo').service('receiving').parts.apply, 'now', 'apply.now (a text answered at once)');
    profile.time(strapi.plugin('gengo').service('ordering').placing, 'place', 'ordering.place');
    profile.time(
      strapi.plugin('gengo').service('receiving').parts.apply,
      'write',
      'apply.write (once per slice that writes: reads ahead, checks, one update per order; the calls are the slices)'
    );
    const admin = await createSuperAdmin(w.app);
    const api = adminApi(w, admin.token);
    const jobs = strapi.db.query('plugin::gengo.job' as any);

    /** Orders the articles one request each; the number refused. */
    const orderOneByOne = async (docs: string[]) => {
      let refused = 0;
      await pool(docs, ORDER_CONCURRENCY, async (documentId) => {
        const res = await api('/gengo/orders', {
          method: 'POST',
          body: JSON.stringify({ contentType: ARTICLE, documentId, targetLocales: ['fr'], autoApprove: true }),
        });
        await res.arrayBuffer();
        if (res.status !== 200) refused++;
      });
      return refused;
    };

    /** Orders the articles in one bulk order and waits for the batch to finish; the number not done. */
    const orderInBulk = async (docs: string[]) => {
      const batch = await bulkOrderAndWait(api, strapi.plugin('gengo').service('bulk'), {
        documentIds: docs,
        targetLocales: ['fr'],
        autoApprove: true,
        idempotencyKey: `e2e-${n}-${Date.now()}`,
      });
      return docs.length - batch.done;
    };

    const measure = async (via: Via): Promise<BenchResult> => {
      const setup0 = now();
      const docs = await createArticles(w, n, via === 'bulk' ? 'EndToEndBulk' : 'EndToEnd');
      const setupMs = now() - setup0;
      const writtenBefore = await countVersions(w, 'fr');
      await again(() => w.control.clearRequests());
      await again(() => w.control.auto(true, AUTO_STEP_MS, true));
      await gengoLimitDuring(w.control, true);

      flushDisk();
      profile.start();
      const t0 = now();
      const wall0 = Date.now();
      const refused = via === 'bulk' ? await orderInBulk(docs) : await orderOneByOne(docs);
      const orderedMs = now() - t0;
      const expectedJobs = await jobs.count({});
      const finished = async () => (await jobs.count({ where: { appliedStatus: 'approved' } })) >= expectedJobs;
      await waitUntil('every fr version written with the approved text', finished, 1_200_000, 100);
      const totalMs = now() - t0;
      profile.stop();
      await w.control.auto(false);
      // The bare writes run on a quiet server: no callback still arriving or being recorded.
      await callbacksSettled(w);
      await gengoLimitDuring(w.control, false);
      const written = (await countVersions(w, 'fr')) - writtenBefore;
      const calls = await w.control.requests();
      const wall9 = Date.now();

      const data = await pool(docs, 4, (documentId) => storedData(w, documentId, 'fr'));
      flushDisk();
      const b0 = now();
      for (const [i, documentId] of docs.entries()) await bareWrite(w, documentId, BARE_LOCALE, data[i]);
      const bareMs = now() - b0;

      const r = ratio(totalMs, bareMs);
      const how = via === 'bulk' ? 'in one bulk order' : `one order each, ${ORDER_CONCURRENCY} at a time`;
      return {
        bench: via === 'bulk' ? 'e2e (bulk order)' : 'e2e',
        db,
        n,
        rows: [
          {
            figure: `${n} articles ordered (${how}) → ${n} fr versions written`,
            value: sec(totalMs),
            against: `${sec(bareMs)} bare`,
            ratio: x(r),
            target: '≤ 1.30×',
            ...judged(r, 1.3, '×'),
          },
          { figure: 'of which placing the orders', value: sec(orderedMs), against: `${ms(orderedMs / n)} per article` },
          {
            figure: 'fr versions written / articles not ordered',
            value: `${written} / ${refused}`,
            target: `${n} / 0`,
            pass: written === n && refused === 0,
          },
          { figure: 'Gengo calls', value: callKinds(calls) },
          gengoRateRow(calls, wall0, wall9, 'orders placed → callbacks recorded'),
        ],
        notes: [
          `${n * 2} jobs; emulator auto mode, a step every ${AUTO_STEP_MS} ms; setup ${sec(setupMs)}`,
          'where the time goes:',
          ...profile.lines().map((l) => `  ${l}`),
        ],
      };
    };

    // BENCH_E2E_VIA=bulk or =orders: only that way of ordering.
    const via = process.env.BENCH_E2E_VIA as Via | undefined;
    return via ? [await measure(via)] : [await measure('orders'), await measure('bulk')];
  } finally {
    await w.stop();
  }
}
