import { createGengoClient, type JobPayload } from '../server/src/gengo';
import { decodeCustomData } from '../server/src/platform/records';
import { createSuperAdmin } from '../tests/helpers/admin';
import { ARTICLE } from '../tests/helpers/orders';
import { again, callbacksSettled, createArticles, flushDisk } from './lib/fixtures';
import { bareInsert, bareRead } from './lib/bulk-baseline';
import { adminApi, bulkOrderAndWait, callKinds } from './lib/admin-api';
import { startMemorySampler } from './lib/memory';
import { createProfile } from './lib/profile';
import { gengoLimitDuring, gengoRateRow } from './lib/gengo-rate';
import { judged, mb, ms, now, ratio, sec, x, type BenchResult } from './lib/stats';
import { startWorld, type BenchDb } from './lib/world';

/**
 * Bulk order (POST /gengo/bulk) of N articles into `fr` and `de`: the
 * Gengo calls it makes, its wall time (POST → batch `completed`) against the emulator's own
 * ingest time for the same jobs (posted again, Gengo order by Gengo order as the plugin posted them,
 * straight to the emulator with the plugin's Gengo client, in the same run), and peak memory (runs at N/4, N and 4N: it must stay
 * flat). The emulator runs in a process of its own here: its job store is not ours to count.
 */
const LOCALES = ['fr', 'de'];

const cpuOf = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

export default async function bulkBench({ db, n }: { db: BenchDb; n: number }): Promise<BenchResult[]> {
  const w = await startWorld(db, { emulator: 'process' });
  try {
    const admin = await createSuperAdmin(w.app);
    const setup0 = now();
    const docs = await createArticles(w, n, 'Bulk');
    const setupMs = now() - setup0;
    const api = adminApi(w, admin.token);
    const gengo = w.app.strapi.plugin('gengo');
    const profile = createProfile(w.app.strapi);
    profile.time(
      gengo.service('ordering').group,
      'placeGroup',
      'groupOrdering.placeGroup (a page: drafts, rows, POSTs)'
    );
    profile.time(gengo.service('ordering').placing, 'draft', 'ordering.draft (one document: keys looked up, planned)');
    profile.time(
      gengo.service('ordering').store,
      'insertOrders',
      'orderStore.insertOrders (a page and locale: rows before the POST)'
    );
    profile.time(
      gengo.service('ordering').store,
      'updateOrders',
      'orderStore.updateOrders (a page and locale: placed)'
    );
    profile.time(gengo.service('ordering').source, 'loadMany', 'orderSource.loadMany (a page of documents)');
    profile.time(gengo.service('bulk').parts.store, 'claim', 'batchStore.claim (a page)');
    profile.time(gengo.service('bulk').parts.store, 'finishItems', 'batchStore.finishItems (a page)');
    profile.timeGengoCalls({ postJobs: 'Gengo POST translate/jobs' });

    await again(() => w.control.clearRequests());
    const memory = startMemorySampler();
    await gengoLimitDuring(w.control, true);
    flushDisk();
    profile.start();
    const emuCpu = (w.emu as unknown as { cpuMs?: () => Promise<number> }).cpuMs ?? (async () => NaN);
    const e0 = await emuCpu();
    const c0 = process.cpuUsage();
    const t0 = now();
    const wall0 = Date.now();
    const batch = await bulkOrderAndWait(api, gengo.service('bulk'), {
      documentIds: docs,
      targetLocales: LOCALES,
      idempotencyKey: `bench-${n}-${Date.now()}`,
    });
    const bulkMs = now() - t0;
    const bulkCpu = { server: cpuOf(process.cpuUsage(c0)), emulator: (await emuCpu()) - e0 };
    profile.stop();
    const mem = memory.stop();
    const e9 = await emuCpu();
    const c9 = process.cpuUsage();
    // The `available` callbacks of the last pages are still arriving: the baseline runs after them.
    await callbacksSettled(w);
    // The baseline measures the emulator's ingest, not Gengo's pacing: the limit is lifted again.
    await gengoLimitDuring(w.control, false);
    const settledMs = now() - t0;
    const settleCpu = { server: cpuOf(process.cpuUsage(c9)), emulator: (await emuCpu()) - e9 };
    const calls = await w.control.requests();
    const wall9 = Date.now();

    // The baseline: the same jobs, order by order, straight to the emulator.
    const jobs = (await w.control.jobs()) as any[];
    const orders = new Map<string, { reference: string; payload: Record<string, JobPayload> }>();
    for (const j of jobs) {
      // A Gengo order carrying several documents' orders is found by the POST's own reference.
      const data = decodeCustomData(j.custom_data);
      const reference = data?.g ?? data?.ref ?? String(j.custom_data);
      const order = orders.get(String(j.order_id)) ?? { reference, payload: {} };
      const payload = order.payload;
      payload[`job_${Object.keys(payload).length}`] = {
        slug: j.slug,
        body_src: j.body_src,
        lc_src: j.lc_src,
        lc_tgt: j.lc_tgt,
        tier: j.tier,
        force: 1,
        custom_data: j.custom_data,
      } as JobPayload;
      orders.set(String(j.order_id), order);
    }
    const client = createGengoClient({
      publicKey: w.emu.publicKey,
      privateKey: w.emu.privateKey,
      baseUrl: w.emu.apiUrl,
      retries: 0,
      rateLimit: false, // the emulator's limit is lifted: the bench measures us, not Gengo's pacing
    });
    const e1 = await emuCpu();
    const c1 = process.cpuUsage();
    const i0 = now();
    for (const { reference, payload } of orders.values()) await client.postJobs({ jobs: payload }, { reference });
    const ingestMs = now() - i0;
    const ingestCpu = { server: cpuOf(process.cpuUsage(c1)), emulator: (await emuCpu()) - e1 };
    // The fair baseline (issue 21): the same reads and row inserts, bare, plus that ingest.
    const read = await bareRead(w.app.strapi, ARTICLE, 'en', docs);
    const inserted = await bareInsert(w.app.strapi);
    const fairMs = read.ms + inserted.ms + ingestMs;
    const fair = ratio(bulkMs, fairMs);

    const r = ratio(bulkMs, ingestMs);
    return [
      {
        bench: 'bulk',
        db,
        n,
        rows: [
          {
            figure: `bulk order, ${n} articles × ${LOCALES.length} locales, against a bare read + insert + ingest`,
            value: sec(bulkMs),
            against: `${sec(fairMs)} = ${sec(read.ms)} read + ${sec(inserted.ms)} insert + ${sec(ingestMs)} ingest`,
            ratio: x(fair),
            target: '≤ 1.50×',
            ...judged(fair, 1.5, '×'),
          },
          {
            figure: 'old baseline: against the emulator ingest alone',
            value: sec(bulkMs),
            against: `${sec(ingestMs)} emulator ingest`,
            ratio: x(r),
            target: '≤ 1.20×',
            ...judged(r, 1.2, '×'),
          },
          {
            figure: 'batch outcome',
            value: `${batch.status}: ${batch.done} done, ${batch.failed} failed, ${batch.ordered} orders`,
            target: `completed, ${n} done`,
            pass: batch.status === 'completed' && batch.done === n && batch.failed === 0,
          },
          {
            figure: 'CPU time: this process (Strapi), the emulator',
            value: `${sec(bulkCpu.server)}, ${sec(bulkCpu.emulator)}`,
            against: `${sec(ingestCpu.server)}, ${sec(ingestCpu.emulator)}`,
          },
          {
            figure: "then the jobs' `available` callbacks received and recorded",
            value: `${sec(settledMs - bulkMs)} more`,
            against: `CPU ${sec(settleCpu.server)}, ${sec(settleCpu.emulator)}`,
          },
          {
            figure: 'Gengo calls made',
            value: `${calls.length}: ${callKinds(calls)}`,
            against: `${orders.size} orders, ${jobs.length} jobs`,
          },
          gengoRateRow(calls, wall0, wall9, 'bulk order → callbacks recorded'),
          {
            figure: 'peak memory during the batch',
            value: `live heap ${mb(mem.peakHeap)} (+${mb(mem.peakHeap - mem.baseHeap)})`,
            against: `with garbage ${mb(mem.peakUsed)}; rss ${mb(mem.peakRss)} (+${mb(mem.peakRss - mem.baseRss)}); ${mem.fullGcs} full GCs of its own`,
          },
        ],
        notes: [
          `fair baseline: ${read.read} documents read with the plugin's deep populate, 50 a query; ${inserted.orders} order and ${inserted.jobs} job rows (copies of the plugin's) inserted in one knex transaction`,
          `setup (${n} articles): ${sec(setupMs)}; ${ms(bulkMs / n)} per article; POST /gengo/bulk (read, quoted, checked, recorded) answered in ${sec(batch.acceptedMs)}`,
          'where the time went (spans overlap):',
          ...profile.lines().map((l) => `  ${l}`),
        ],
        figures: { peakHeap: mem.peakHeap, heapGrowth: mem.peakHeap - mem.baseHeap, peakRss: mem.peakRss },
      },
    ];
  } finally {
    await w.stop();
  }
}

/** Memory across the sizes of one database: flat = the largest N's peak live heap within 1.25× of the smallest's. */
export const combine = (results: BenchResult[]): BenchResult[] => {
  const bulk = results.filter((r) => r.bench === 'bulk' && r.figures).sort((a, b) => a.n - b.n);
  if (bulk.length < 2) return [];
  const [small, large] = [bulk[0], bulk[bulk.length - 1]];
  const r = ratio(large.figures!.peakHeap, small.figures!.peakHeap);
  return [
    {
      bench: 'bulk memory',
      db: small.db,
      n: large.n,
      rows: [
        ...bulk.map((b) => ({
          figure: `peak live heap at N = ${b.n}`,
          value: mb(b.figures!.peakHeap),
          against: `growth ${mb(b.figures!.heapGrowth)}, rss ${mb(b.figures!.peakRss)}`,
        })),
        {
          figure: `peak live heap, N = ${large.n} against N = ${small.n}`,
          value: mb(large.figures!.peakHeap),
          against: mb(small.figures!.peakHeap),
          ratio: x(r),
          target: 'flat (≤ 1.25×)',
          ...judged(r, 1.25, '×'),
        },
      ],
      notes: [],
    },
  ];
};
