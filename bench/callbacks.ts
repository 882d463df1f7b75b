import { placeOrder } from '../tests/helpers/orders';
import {
  again,
  bareWrite,
  bindJobs,
  countVersions,
  createArticles,
  storedData,
  waitUntil,
  flushDisk,
} from './lib/fixtures';
import { createProber, type ProbeFigures } from './lib/probe';
import { createProfile } from './lib/profile';
import { gengoLimitDuring, gengoRateRow } from './lib/gengo-rate';
import { judged, ms, now, percentile, ratio, sec, x, type BenchResult } from './lib/stats';
import { inBatches, pool, startWorld, type BenchDb } from './lib/world';

/**
 * Callbacks and responsiveness: N jobs (one per article) wait `pending` at the emulator; one
 * automatic-mode tick moves them all to `reviewable` at once: N callbacks hit the server, each is
 * fetched again from Gengo and written into the `fr` version. Measured against a bare
 * `documents().update` of the same data, as the plugin stored it, into a new locale version
 * (`de`) of the same N articles, in the same run, while a content-API GET is due every 50 ms.
 */
const BARE_LOCALE = 'de';
export default async function callbacksBench({ db, n }: { db: BenchDb; n: number }): Promise<BenchResult[]> {
  // The emulator in a process of its own, as Gengo is: its work is not the server's.
  const w = await startWorld(db, { emulator: 'process' });
  try {
    const strapi = w.app.strapi;
    const gengo = strapi.plugin('gengo');
    const profile = createProfile(strapi);

    const received = new Map<string, number>();
    const callbacks = gengo.service('receiving');
    const receive = callbacks.receive;
    // The setup's callbacks (available, pending) are answered and dropped: the rows are bound to
    // their Gengo jobs directly below, as those callbacks would have done, in a fraction of the time.
    let live = false;
    callbacks.receive = (form: Record<string, string>) => {
      if (!live) return;
      const id = String(JSON.parse(form.job ?? form.comment).job_id);
      if (!received.has(id)) received.set(id, now());
      return receive.call(callbacks, form);
    };
    const written = new Map<string, number>();
    const sync = gengo.service('receiving').parts.sync;
    const syncJobs = sync.syncJobs;
    let batches = 0;
    sync.syncJobs = async (jobs: Array<{ job_id: string | number }>) => {
      const out = await syncJobs.call(sync, jobs);
      if (live) batches++;
      out.forEach((r: any, i: number) => {
        if (r.status === 'fulfilled' && r.value?.state === 'synced' && r.value.apply?.state === 'applied')
          written.set(String(jobs[i].job_id), now());
      });
      return out;
    };
    profile.time(sync, 'syncJobs', 'jobSync.syncJobs (a fetched batch: records, entry writes, commits)');
    profile.time(
      gengo.service('receiving').parts.apply,
      'write',
      'apply.write (once per slice that writes: reads ahead, checks, merge, one Document Service update per order)'
    );
    profile.timeGengoCalls({
      getJob: 'Gengo GET translate/job/{id}',
      getJobs: 'Gengo GET translate/jobs/{ids} (batched fetch of callbacks)',
    });

    // Setup (not timed): N articles ordered into fr, their jobs pending; N twins for the baseline.
    const setup0 = now();
    const docs = await createArticles(w, n, 'Callback');
    const orders = await inBatches(w, docs, (documentId) =>
      placeOrder(w, documentId, { only: (p) => p.includes('title') })
    );
    await again(() => w.control.tick()); // available → pending
    const delivered = async () => (await w.control.callbacks()).every((c) => c.delivered);
    await waitUntil('setup callbacks delivered', delivered, 300_000, 200);
    await bindJobs(w, orders);
    live = true;
    const setupMs = now() - setup0;

    const prober = await createProber(`${w.baseUrl}/api/articles?locale=en&pagination[pageSize]=5`, {
      Authorization: `Bearer ${w.apiToken}`,
    });

    // The burst.
    const calls0 = (await w.control.requests()).length;
    await gengoLimitDuring(w.control, true);
    flushDisk();
    profile.start();
    let probe = await prober.start();
    const t0 = now();
    const wall0 = Date.now();
    await again(() => w.control.tick()); // pending → reviewable: N callbacks
    await waitUntil('every callback written', () => written.size >= n, 3_600_000, 10);
    const burstMs = now() - t0;
    await gengoLimitDuring(w.control, false);
    const burstProbe = await probe.stop();
    profile.stop();
    const frWritten = await countVersions(w, 'fr');
    const wall9 = Date.now();
    const log = await w.control.requests();
    const gengoCalls = log.length - calls0;
    const latencies = [...written.entries()].map(([id, t]) => t - (received.get(id) ?? t0));

    // The baseline: the same fr data, written by a bare loop of Document Service updates.
    const data = await pool(docs, 4, (documentId) => storedData(w, documentId, 'fr'));
    probe = await prober.start();
    const bare: number[] = [];
    flushDisk();
    const b0 = now();
    for (const [i, documentId] of docs.entries()) {
      const t = now();
      await bareWrite(w, documentId, BARE_LOCALE, data[i]);
      bare.push(now() - t);
    }
    const bareMs = now() - b0;
    const bareProbe = await probe.stop();
    prober.close();

    const r = ratio(burstMs, bareMs);
    const callbacksResult: BenchResult = {
      bench: 'callbacks',
      db,
      n,
      rows: [
        {
          figure: `burst of ${n} callbacks → fr writes, total`,
          value: sec(burstMs),
          against: `${sec(bareMs)} bare`,
          ratio: x(r),
          target: '≤ 1.30×',
          ...judged(r, 1.3, '×'),
        },
        {
          figure: 'per write (burst total / N; bare: mean)',
          value: ms(burstMs / n),
          against: `${ms(bareMs / n)} bare`,
          ratio: x(ratio(burstMs, bareMs)),
        },
        { figure: 'batches applied (fetch of up to 50 jobs → slices of one transaction)', value: `${batches}` },
        {
          figure: 'received → written p50 / p99 (queue wait incl.)',
          value: `${ms(percentile(latencies, 50))} / ${ms(percentile(latencies, 99))}`,
        },
        { figure: 'fr versions written', value: `${frWritten} / ${n}`, target: `${n}`, pass: frWritten === n },
        { figure: 'Gengo calls during the burst', value: `${gengoCalls}`, against: `${n} callbacks` },
        gengoRateRow(log, wall0, wall9, 'the burst'),
      ],
      notes: [
        `setup (articles, orders, jobs pending): ${sec(setupMs)}`,
        `the emulator's tick → first callback received ${ms(Math.min(...received.values()) - t0)}, last ${ms(Math.max(...received.values()) - t0)}`,
        'where the time goes during the burst:',
        ...profile.lines().map((l) => `  ${l}`),
      ],
    };
    const row = (label: string, p: ProbeFigures, target: boolean) => ({
      figure: label,
      value: `max ${ms(p.maxLatency)}, p99 ${ms(p.p99Latency)}, p50 ${ms(p.p50Latency)} (${p.requests} GETs, ${p.over100} over 100 ms)`,
      against: `loop delay max ${ms(p.maxLoopDelay)}`,
      // A failed GET counts as no answer at all (infinitely slow).
      ...(target ? { target: 'max ≤ 100 ms', ...judged(p.failed ? Infinity : p.maxLatency, 100, 'ms') } : {}),
    });
    const responsiveness: BenchResult = {
      bench: 'responsiveness',
      db,
      n,
      rows: [
        row(`GET every 50 ms during the ${n}-callback burst`, burstProbe, true),
        row(`same, during a naive loop of ${n} bare writes`, bareProbe, false),
      ],
      notes: [
        'GETs sent from a process of their own, latency counted from when each was due; loop delay = longest event-loop stall in the server process',
        `slowest GETs in the burst (due at → waited): ${burstProbe.worst.map((s) => `${sec(s.at)} → ${ms(s.latency)}`).join(', ')}`,
      ],
    };
    return [callbacksResult, responsiveness];
  } finally {
    await w.stop();
  }
}
