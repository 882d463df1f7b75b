import { createSuperAdmin } from '../tests/helpers/admin';
import { ARTICLE } from '../tests/helpers/orders';
import { again, bareWrite, countVersions, createArticles, storedData, waitUntil } from './lib/fixtures';
import { createProfile } from './lib/profile';
import { ms, now, ratio, sec, x, type BenchResult } from './lib/stats';
import { pool, startWorld, type BenchDb } from './lib/world';

/**
 * End to end: N articles (title and summary: two segments, two jobs each) ordered into `fr`
 * through the admin route (`POST /gengo/orders`, auto-approve), the emulator in automatic mode
 * moving every job a step every 50 ms (available → pending → approved, a callback each) → every
 * `fr` version written with the final text. Against a bare `documents().update` of the same `fr`
 * data, as stored, into a new locale version (`de`) of the same articles, in the same run.
 */
const BARE_LOCALE = 'de';
const AUTO_STEP_MS = 50;
const ORDER_CONCURRENCY = 4;

export default async function e2eBench({ db, n }: { db: BenchDb; n: number }): Promise<BenchResult[]> {
  // The emulator in a process of its own, as Gengo is: its work is not the server's.
  const w = await startWorld(db, { emulator: 'process' });
  try {
    const strapi = w.app.strapi;
    const profile = createProfile(strapi);
    profile.timeGengoCalls({ getJob: 'Gengo GET translate/job/{id}', postJobs: 'Gengo POST translate/jobs' });
    profile.time(strapi.plugin('gengo').service('apply'), 'applySegment', 'apply.applySegment');
    profile.time(strapi.plugin('gengo').service('ordering'), 'place', 'ordering.place');
    const admin = await createSuperAdmin(w.app);
    const setup0 = now();
    const docs = await createArticles(w, n, 'EndToEnd');
    const setupMs = now() - setup0;
    await again(() => w.control.clearRequests());
    await again(() => w.control.auto(true, AUTO_STEP_MS, true));

    const jobs = strapi.db.query('plugin::gengo.job' as any);
    profile.start();
    const t0 = now();
    let refused = 0;
    await pool(docs, ORDER_CONCURRENCY, async (documentId) => {
      const res = await fetch(`${w.baseUrl}/gengo/orders`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ contentType: ARTICLE, documentId, targetLocales: ['fr'], autoApprove: true }),
      });
      await res.arrayBuffer();
      if (res.status !== 200) refused++;
    });
    const orderedMs = now() - t0;
    const expectedJobs = await jobs.count({});
    const finished = async () => (await jobs.count({ where: { appliedStatus: 'approved' } })) >= expectedJobs;
    await waitUntil('every fr version written with the approved text', finished, 1_200_000, 100);
    const totalMs = now() - t0;
    profile.stop();
    await w.control.auto(false);
    const written = await countVersions(w, 'fr');
    const calls = await w.control.requests();
    const byKind = new Map<string, number>();
    for (const c of calls) {
      const kind = `${c.method} ${c.path.replace(/\/v2\//, '').replace(/\d+(,\d+)*/g, '{id}')}`;
      byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
    }

    const data = await pool(docs, 4, (documentId) => storedData(w, documentId, 'fr'));
    const b0 = now();
    for (const [i, documentId] of docs.entries()) await bareWrite(w, documentId, BARE_LOCALE, data[i]);
    const bareMs = now() - b0;

    const r = ratio(totalMs, bareMs);
    return [
      {
        bench: 'e2e',
        db,
        n,
        rows: [
          { figure: `${n} articles ordered → ${n} fr versions written`, value: sec(totalMs), against: `${sec(bareMs)} bare`, ratio: x(r), target: '≤ 1.30×', pass: r <= 1.3 },
          { figure: 'of which placing the orders', value: sec(orderedMs), against: `${ms(orderedMs / n)} per article` },
          { figure: 'fr versions written / orders refused', value: `${written} / ${refused}`, target: `${n} / 0`, pass: written === n && refused === 0 },
          { figure: 'Gengo calls', value: [...byKind.entries()].map(([k, v]) => `${v} ${k}`).join(', ') },
        ],
        notes: [
          `${expectedJobs} jobs; emulator auto mode, a step every ${AUTO_STEP_MS} ms; orders sent ${ORDER_CONCURRENCY} at a time; setup ${sec(setupMs)}`,
          'where the time goes:',
          ...profile.lines().map((l) => `  ${l}`),
        ],
      },
    ];
  } finally {
    await w.stop();
  }
}
