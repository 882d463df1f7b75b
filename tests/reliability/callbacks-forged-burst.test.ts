import crypto from 'crypto';
import { createGengoClient } from '../../server/src/gengo';
import { findArticle, gengoJobs, settle } from '../helpers/orders';
import {
  articlesWithOrders,
  countWrites,
  expectNoLeak,
  form,
  inBatches,
  KEYS,
  postCallback,
  snapshotEntries,
  startWatchedReceiving,
  type Watched,
} from './world';

/**
 * A burst of callbacks that are not Gengo's (wrong token, jobs not ours, tampered bodies, garbage)
 * against entries with orders in every state: not one write, and the server keeps answering.
 */
describe('reliability: a burst of forged callbacks', () => {
  let r: Watched;
  let writes: ReturnType<typeof countWrites>;
  let entries: Awaited<ReturnType<typeof articlesWithOrders>>;
  let foreignJobId: string;

  beforeAll(async () => {
    r = await startWatchedReceiving();
    writes = countWrites(r.app.strapi, 'fr');
    // 12 entries: 4 whose job Gengo has not translated, 4 translated (reviewable) and written, 4 approved and written.
    entries = await articlesWithOrders(r, 12, 'forged', { callbackUrl: null });
    for (const [i, { order }] of entries.entries()) {
      const [job] = await gengoJobs(r, order);
      if (i >= 4) await r.control.advance(job.job_id, i >= 8 ? 'approved' : 'reviewable');
    }
    const applied = await r.app.strapi.plugin('gengo').service('receiving').reconcile();
    expect(applied).toMatchObject({ applied: 8, failed: 0 });
    // A translated job of the same Gengo account that is not one of ours.
    const client = createGengoClient({ ...KEYS, baseUrl: r.emu.apiUrl, retries: 0, rateLimit: false });
    await client.postJobs(
      {
        jobs: {
          j: {
            slug: 'another app',
            body_src: 'Somebody else entirely',
            lc_src: 'en',
            lc_tgt: 'fr',
            tier: 'standard',
            custom_data: 'theirs-0123456789',
          },
        },
      },
      { reference: 'theirs-0123456789' }
    );
    await r.control.flush();
    foreignJobId = String((await r.control.jobs()).find((j) => j.custom_data === 'theirs-0123456789')!.job_id);
    await r.control.advance(foreignJobId, 'approved');
  });
  afterAll(async () => {
    await r?.stop();
  });

  it('144 forged callbacks (12 kinds × 12 jobs) → not one write to any entry, no job row changed, the server up', async () => {
    const strapi: any = r.app.strapi;
    const jobs = await Promise.all(entries.map(async ({ order }) => (await gengoJobs(r, order))[0]));
    const jobTable = () => strapi.db.connection('gengo_jobs').select('*').orderBy('id');
    const before = { entries: await snapshotEntries(strapi), jobs: await jobTable(), writes: writes.total() };
    expect(Object.keys(before.entries).length).toBeGreaterThan(1);

    const wrongToken = r.callbackUrl.replace(/[^/]+$/, crypto.randomBytes(32).toString('base64url'));
    const json = 'application/json';
    const forged: Array<{ kind: string; url: string; body: string; type?: string; expect: number[] }> = [];
    for (const [i, job] of jobs.entries()) {
      const tampered = { ...job, status: 'approved', body_tgt: `FORGED ${i}` };
      forged.push(
        // Not the token: refused before anything is read.
        { kind: 'wrong token', url: wrongToken, body: form('job', tampered), expect: [401] },
        { kind: 'token + 1 char', url: `${r.callbackUrl}x`, body: form('job', tampered), expect: [401] },
        {
          kind: 'no token',
          url: r.callbackUrl.replace(/\/[^/]+$/, '/'),
          body: form('job', tampered),
          expect: [401, 404, 405],
        },
        // The right token, a tampered body: Gengo is asked again, what it says is written (already).
        { kind: 'tampered body_tgt', url: r.callbackUrl, body: form('job', tampered), expect: [200] },
        {
          kind: 'tampered comment',
          url: r.callbackUrl,
          body: form('comment', { job_id: job.job_id, body: `FORGED comment ${i}` }),
          expect: [200],
        },
        // Garbage.
        { kind: 'JSON body', url: r.callbackUrl, body: JSON.stringify({ job: tampered }), type: json, expect: [415] },
        { kind: 'not JSON', url: r.callbackUrl, body: `job=${encodeURIComponent('{"job_id": ')}${i}`, expect: [400] },
        {
          kind: 'bad job id',
          url: r.callbackUrl,
          body: form('job', { ...tampered, job_id: `${job.job_id}; DROP TABLE articles` }),
          expect: [400],
        },
        { kind: 'no job field', url: r.callbackUrl, body: `other=${i}`, expect: [400] },
        {
          kind: 'binary',
          url: r.callbackUrl,
          body: crypto.randomBytes(64).toString('latin1'),
          type: 'application/octet-stream',
          expect: [400, 415],
        },
        // Ids that are not our jobs.
        {
          kind: 'unknown job id',
          url: r.callbackUrl,
          body: form('job', { ...tampered, job_id: String(900_000 + i) }),
          expect: [200],
        },
        {
          kind: 'a job not ours',
          url: r.callbackUrl,
          body: form('job', { ...tampered, job_id: foreignJobId }),
          expect: [200],
        }
      );
    }
    // Shuffled, and sent 25 at a time, with health checks among them.
    forged.sort(() => Math.random() - 0.5);
    expect(forged.length).toBeGreaterThanOrEqual(144);
    const answers = await inBatches(
      forged.map((f) => async () => ({ f, status: (await postCallback(r.watch, f.url, f.body, f.type)).status })),
      25
    );
    const unexpected = answers
      .filter(({ f, status }) => !f.expect.includes(status))
      .map(({ f, status }) => `${f.kind}: ${status}`);
    expect(unexpected).toEqual([]);
    expect((await fetch(`${r.baseUrl}/_health`)).status).toBe(204);
    await settle(r);

    expect(writes.total()).toBe(before.writes);
    expect(await snapshotEntries(strapi)).toEqual(before.entries);
    expect(await jobTable()).toEqual(before.jobs);
    expect(await strapi.db.query('plugin::gengo.comment').count()).toBe(0);
    for (const { documentId } of entries.slice(4))
      expect(JSON.stringify(await findArticle(strapi, documentId, 'fr'))).not.toContain('FORGED');
    for (const { documentId } of entries.slice(0, 4)) expect(await findArticle(strapi, documentId, 'fr')).toBeNull();

    // Still receiving: a genuine callback right after the burst is applied.
    const [waiting] = entries;
    const [job] = await gengoJobs(r, waiting.order);
    await r.control.advance(job.job_id, 'reviewable');
    expect((await postCallback(r.watch, r.callbackUrl, form('job', { job_id: job.job_id }))).status).toBe(200);
    await settle(r);
    expect((await findArticle(strapi, waiting.documentId, 'fr')).title).toMatch(/^\[fr\] /);
    expect(writes.total()).toBe(before.writes + 1);
  });

  it('the private key appears in no response and no log line', () => {
    expectNoLeak(r.watch);
  });
});
