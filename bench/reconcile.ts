import { placeOrder } from '../tests/helpers/orders';
import { again, bindJobs, createArticles } from './lib/fixtures';
import { gengoLimitDuring, gengoRateRow } from './lib/gengo-rate';
import { createProfile } from './lib/profile';
import { ms, now, sec, type BenchResult } from './lib/stats';
import { inBatches, startWorld, type BenchDb } from './lib/world';

/**
 * Reconciliation of 2·N unfinished jobs (N articles, title and summary each, no callback URL):
 * every job moved on at Gengo since we last heard (available → pending); one `reconcile.run()`
 * must ask Gengo in ⌈jobs / 200⌉ batched `translate/jobs/{ids}` calls and record every change.
 */
const PER_CALL = 200;

export default async function reconcileBench({ db, n }: { db: BenchDb; n: number }): Promise<BenchResult[]> {
  const w = await startWorld(db);
  try {
    const strapi = w.app.strapi;
    const profile = createProfile(strapi);
    profile.timeGengoCalls({ getJobs: 'Gengo GET translate/jobs/{ids} (HTTP to the emulator)' });
    profile.time(
      strapi.plugin('gengo').service('receiving').parts.sync,
      'syncJobs',
      'jobSync.syncJobs (a page of 200 jobs: our records, in slices of one transaction)'
    );
    const setup0 = now();
    const docs = await createArticles(w, n, 'Reconcile');
    const orders = await inBatches(w, docs, (documentId) => placeOrder(w, documentId, { callbackUrl: null }));
    await bindJobs(w, orders);
    const jobs = (await again(() => w.control.jobs())).length;
    await again(() => w.control.tick()); // available → pending, unknown to us until polled
    const setupMs = now() - setup0;

    await again(() => w.control.clearRequests());
    await gengoLimitDuring(w.control, true);
    profile.start();
    const t0 = now();
    const wall0 = Date.now();
    const result = await strapi.plugin('gengo').service('receiving').reconcile();
    const took = now() - t0;
    await gengoLimitDuring(w.control, false);
    profile.stop();
    const calls = await w.control.requests();
    const wall9 = Date.now();
    const batched = calls.filter((c) => c.method === 'GET' && /translate\/jobs\//.test(c.path)).length;
    const expected = Math.ceil(jobs / PER_CALL);
    const pending = await strapi.db.query('plugin::gengo.job' as any).count({ where: { gengoStatus: 'pending' } });

    return [
      {
        bench: 'reconcile',
        db,
        n,
        rows: [
          {
            figure: `Gengo calls for ${jobs} unfinished jobs`,
            value: `${calls.length} (${batched} batched GET translate/jobs)`,
            target: `${expected}`,
            pass: calls.length === expected && batched === expected,
          },
          gengoRateRow(calls, wall0, wall9, 'reconcile'),
          { figure: 'reconciliation time', value: sec(took), against: `${ms(took / Math.max(1, jobs))} per job` },
          {
            figure: 'jobs polled / changes recorded',
            value: `${result.polled} / ${pending}`,
            target: `${jobs} / ${jobs}`,
            pass: result.polled === jobs && pending === jobs && result.failed === 0,
          },
        ],
        notes: [
          `setup (${n} articles, ${orders.length} orders, ${jobs} jobs): ${sec(setupMs)}`,
          'where the time goes:',
          ...profile.lines().map((l) => `  ${l}`),
        ],
      },
    ];
  } finally {
    await w.stop();
  }
}
