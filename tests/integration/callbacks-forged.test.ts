import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { createGengoClient } from '../../server/src/gengo';
import {
  createArticle,
  findArticle,
  gengoJobs,
  jobRows,
  placeOrder,
  settle,
  startReceiving,
  type PlacedOrder,
  type Receiving,
} from '../helpers/orders';

jest.setTimeout(90_000);

const form = (field: string, payload: unknown) => new URLSearchParams({ [field]: JSON.stringify(payload) }).toString();

/** What a caller who is not Gengo can and cannot do with the public callback route. */
describe('callbacks: forged and malformed', () => {
  let r: Receiving;
  let url: string;
  let documentId: string;
  let order: PlacedOrder;
  let updates = 0;

  beforeAll(async () => {
    r = await startReceiving();
    const strapi: any = r.app.strapi;
    strapi.documents.use(async (ctx: any, next: any) => {
      if (ctx.uid === 'api::article.article' && ctx.action === 'update' && ctx.params?.locale === 'fr') updates++;
      return next();
    });
    url = await strapi.plugin('gengo').service('receiving').callbackUrl();
    documentId = (await createArticle(strapi, { title: 'Only the real text lands', slug: 'only-the-real-text-lands' }))
      .documentId;
    order = await placeOrder(r, documentId);
    await settle(r);
  });
  afterAll(async () => {
    await r?.stop();
  });

  const post = (to: string, body: string, type = 'application/x-www-form-urlencoded') =>
    fetch(to, { method: 'POST', headers: { 'content-type': type }, body });

  it('a wrong or missing token → 401, and nothing is fetched', async () => {
    await r.control.clearRequests();
    const [job] = await gengoJobs(r, order);
    const wrong = url.replace(/[^/]+$/, 'A'.repeat(43));
    expect((await post(wrong, form('job', { job_id: job.job_id }))).status).toBe(401);
    expect((await post(`${url}x`, form('job', { job_id: job.job_id }))).status).toBe(401);
    expect(
      (await post(url.replace(/\/[^/]+$/, '/'), form('job', { job_id: job.job_id }))).status
    ).toBeGreaterThanOrEqual(400);
    await settle(r);
    expect(await r.control.requests()).toEqual([]);
  });

  it('JSON bodies → 415; no job/comment, malformed JSON, a bad job id → 400', async () => {
    expect((await post(url, JSON.stringify({ job: '{"job_id":"1"}' }), 'application/json')).status).toBe(415);
    expect((await post(url, 'other=1')).status).toBe(400);
    expect((await post(url, 'job=%7Bnot%20json')).status).toBe(400);
    expect((await post(url, form('job', { job_id: '1; DROP' }))).status).toBe(400);
    expect((await post(url, form('job', { status: 'approved' }))).status).toBe(400);
  });

  it("a callback near Gengo's 60 KB limit is accepted", async () => {
    const [job] = await gengoJobs(r, order);
    const body = form('job', { ...job, body_src: 'é'.repeat(5000), body_tgt: 'ü'.repeat(5000) });
    expect(body.length).toBeGreaterThan(56 * 1024);
    expect(body.length).toBeLessThan(60 * 1024);
    expect((await post(url, body)).status).toBe(200);
    await settle(r);
  });

  it('a body over 256 KB → 413, and nothing is fetched', async () => {
    const [job] = await gengoJobs(r, order);
    await r.control.clearRequests();
    const res = await post(url, form('job', { ...job, body_tgt: 'x'.repeat(300 * 1024) }));
    expect(res.status).toBe(413);
    expect(((await res.json()) as any).error).toMatchObject({ status: 413, name: 'PayloadTooLargeError' });
    await settle(r);
    expect(await r.control.requests()).toEqual([]);
  });

  it("a malformed callback with a good token gets Strapi's error body", async () => {
    const res = await post(url, 'job=%7Bnot%20json');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      data: null,
      error: { status: 400, name: 'ValidationError', message: 'The "job" field is not JSON', details: {} },
    });
  });

  it('a gzip-compressed callback is inflated by the lane and received', async () => {
    const [job] = await gengoJobs(r, order);
    await r.control.clearRequests();
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-encoding': 'gzip' },
      body: gzipSync(form('job', { job_id: job.job_id })),
    });
    expect(res.status).toBe(200);
    await settle(r);
    expect((await r.control.requests()).map((q: any) => q.path)).toContainEqual(
      expect.stringContaining(`translate/job/${job.job_id}`)
    );
  });

  it('the callback token is in no log line: refused, compressed, oversized, malformed or another method', async () => {
    const strapi: any = r.app.strapi;
    const token = decodeURIComponent(url.slice(url.lastIndexOf('/') + 1));
    const lines: string[] = [];
    const record = (...args: unknown[]) =>
      void lines.push(args.map((a) => (a instanceof Error ? a.stack : String(a))).join(' '));
    const spies = [
      ...['error', 'warn', 'info', 'http', 'verbose', 'debug'].map((level) =>
        jest.spyOn(strapi.log, level).mockImplementation((...args: unknown[]) => {
          record(...args);
          return strapi.log;
        })
      ),
      jest.spyOn(console, 'error').mockImplementation(record),
      jest.spyOn(console, 'log').mockImplementation(record),
    ];
    const [job] = await gengoJobs(r, order);
    const good = form('job', { job_id: job.job_id });
    const huge = form('job', { ...job, body_tgt: 'x'.repeat(300 * 1024) });
    const send = (body: string | Buffer, headers: Record<string, string> = {}, method = 'POST') =>
      fetch(url, { method, headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body });
    try {
      const statuses = {
        json: (await post(url, JSON.stringify({ job: good }), 'application/json')).status,
        malformed: (await post(url, 'job=%7Bnot%20json')).status,
        oversized: (await post(url, huge)).status,
        gzip: (await send(gzipSync(good), { 'content-encoding': 'gzip' })).status,
        deflate: (await send(deflateSync(good), { 'content-encoding': 'deflate' })).status,
        br: (await send(brotliCompressSync(good), { 'content-encoding': 'br' })).status,
        gzipOversized: (await send(gzipSync(huge), { 'content-encoding': 'gzip' })).status,
        gzipBroken: (await send('not gzip at all', { 'content-encoding': 'gzip' })).status,
        unknownEncoding: (await send(good, { 'content-encoding': 'zstd' })).status,
        get: (await fetch(url)).status,
        put: (await send(good, {}, 'PUT')).status,
        below: (await post(`${url}/more`, good)).status,
        upperCase: (await post(url.replace('/api/', '/API/'), good)).status,
      };
      await settle(r);
      expect(statuses).toEqual({
        json: 415,
        malformed: 400,
        oversized: 413,
        gzip: 200,
        deflate: 200,
        br: 200,
        gzipOversized: 413,
        gzipBroken: 400,
        unknownEncoding: 415,
        get: 405,
        put: 405,
        below: 404,
        upperCase: 200,
      });
    } finally {
      spies.forEach((s) => s.mockRestore());
    }
    expect(token.length).toBeGreaterThan(20);
    expect(lines.filter((line) => line.includes(token))).toEqual([]);
  });

  it('an unknown job id → 200, ignored, nothing written', async () => {
    const before = updates;
    const res = await post(url, form('job', { job_id: '987654321', status: 'approved', body_tgt: 'forged' }));
    expect(res.status).toBe(200);
    await settle(r);
    expect(updates).toBe(before);
  });

  it('a job of the account that is not ours (foreign custom_data) → 200, ignored', async () => {
    const client = createGengoClient({
      publicKey: r.emu.publicKey,
      privateKey: r.emu.privateKey,
      baseUrl: r.emu.apiUrl,
      retries: 0,
      rateLimit: false,
    });
    await client.postJobs(
      {
        jobs: {
          j: {
            slug: 'other app',
            body_src: 'Someone else entirely',
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
    const foreign = (await r.control.jobs()).find((j: any) => j.custom_data === 'theirs-0123456789')!;
    await r.control.advance(foreign.job_id, 'reviewable');
    const before = updates;
    expect((await post(url, form('job', { job_id: foreign.job_id }))).status).toBe(200);
    await settle(r);
    expect(updates).toBe(before);
  });

  it('a body_tgt Gengo does not confirm is never written: the text is re-fetched from Gengo', async () => {
    const [job] = await gengoJobs(r, order);
    const before = updates;
    // Gengo says "available": nothing to write, whatever the body claims.
    const forged = form('job', { ...job, status: 'approved', body_tgt: 'FORGED TITLE' });
    expect((await post(url, forged)).status).toBe(200);
    await settle(r);
    expect(updates).toBe(before);
    expect((await jobRows(r, order)).every((row: any) => row.bodyTgt === null && row.appliedHash === null)).toBe(true);

    await r.control.advance(job.job_id, 'reviewable');
    await settle(r);
    expect((await post(url, forged)).status).toBe(200);
    await settle(r);
    const fr = await findArticle(r.app.strapi, documentId, 'fr');
    expect(fr.title).toMatch(/^\[fr\] /);
    expect(JSON.stringify(fr)).not.toContain('FORGED');
  });

  it('a callback for a job of an order whose POST outcome was unknown settles the order as placed', async () => {
    const strapi: any = r.app.strapi;
    const other = await createArticle(strapi, { title: 'Outcome unknown', slug: 'outcome-unknown' });
    const placed = await placeOrder(r, other.documentId);
    await strapi.db
      .query('plugin::gengo.order')
      .update({ where: { id: placed.orderId }, data: { gengoOrderId: null, status: 'ambiguous' } });
    const [job] = await gengoJobs(r, placed);
    await r.control.advance(job.job_id, 'reviewable');
    await settle(r);
    const row = await strapi.db.query('plugin::gengo.order').findOne({ where: { id: placed.orderId } });
    expect(row).toMatchObject({ status: 'placed', gengoOrderId: placed.gengoOrderId });
    expect((await findArticle(strapi, other.documentId, 'fr')).title).toMatch(/^\[fr\] /);
  });

  it('comments: the thread is re-read from Gengo and stored once', async () => {
    const [job] = await gengoJobs(r, order);
    await r.control.comment(job.job_id, 'Is "text" a noun here?');
    await settle(r);
    // The same comment callback again, and a forged one.
    expect((await post(url, form('comment', { job_id: job.job_id, body: 'forged comment' }))).status).toBe(200);
    await settle(r);
    const comments = await r.app.strapi.db
      .query('plugin::gengo.comment')
      .findMany({ where: { gengoJobId: String(job.job_id) } });
    expect(comments.map((c: any) => c.body)).toEqual(['Is "text" a noun here?']);
  });

  it('a colliding job id (a row waiting for job J while Gengo calls back J for another job) → 200; that row an error, the job written where its custom_data says', async () => {
    const strapi: any = r.app.strapi;
    const mine = await createArticle(strapi, { title: 'Waits for its job' });
    const waiting = await placeOrder(r, mine.documentId);
    const other = await createArticle(strapi, { title: 'Owns the job now' });
    const owner = await placeOrder(r, other.documentId);
    await settle(r);
    const [job] = await gengoJobs(r, owner);
    // Gengo hands out the id again (its ids started over): the waiting row holds it for its own job.
    const [row] = await jobRows(r, waiting);
    await strapi.db
      .query('plugin::gengo.job')
      .update({ where: { id: row.id }, data: { gengoJobId: String(job.job_id) } });
    await r.control.clearCallbacks();
    await r.control.advance(job.job_id, 'reviewable');
    await settle(r);
    const callbacks = (await r.control.callbacks()).filter((c) => c.jobId === String(job.job_id));
    expect(callbacks.length).toBeGreaterThan(0);
    expect(callbacks.every((c: any) => c.lastStatus === 200)).toBe(true);
    const marked = await strapi.db.query('plugin::gengo.job').findOne({ where: { id: row.id } });
    expect(marked).toMatchObject({ status: 'error', gengoJobId: null });
    expect(marked.lastError).toMatch(new RegExp(`^Gengo job ${job.job_id} is now another job`));
    // Never another job's text in the waiting row's entry.
    expect(await findArticle(strapi, mine.documentId, 'fr')).toBeNull();
    const [served] = (await jobRows(r, owner)).filter((x: any) => x.gengoJobId === String(job.job_id));
    expect(served.status).toBe('reviewable');
    expect((await findArticle(strapi, other.documentId, 'fr')).title).toBe((await r.control.job(job.job_id)).body_tgt);
  });
});
