import { createRestrictedAdmin, createSuperAdmin, type AdminSession } from '../helpers/admin';
import {
  advanceAll,
  createArticle,
  findArticle,
  gengoJobs,
  jobRows,
  placeOrder,
  settle,
  startReceiving,
  type Receiving,
} from '../helpers/orders';

jest.setTimeout(90_000);

/** Callbacks that never arrive: the poller (cron task or "check now") applies through the same path. */
describe('reconciliation', () => {
  let r: Receiving;
  let admin: AdminSession;
  const UNREACHABLE = 'http://127.0.0.1:9/api/gengo/callback/nowhere';

  beforeAll(async () => {
    r = await startReceiving();
    admin = await createSuperAdmin(r.app);
  });
  afterAll(async () => {
    await r?.stop();
  });

  const checkNow = () => r.app.as(admin.token).post('/gengo/reconcile');

  // First in the file: the first batch a fresh instance syncs is written in one slice (one
  // transaction), where the order settled by the first job must be the one the second completes.
  it('an unknown-outcome order whose jobs arrive approved in one batch is placed, then completed, both in its history', async () => {
    const { documentId } = await createArticle(r.app.strapi, {
      title: 'Found finished',
      slug: 'found-finished',
      summary: 'Approved before we knew.',
    });
    const order = await placeOrder(r, documentId, { callbackUrl: UNREACHABLE });
    await r.app.strapi.db.query('plugin::gengo.order').update({
      where: { id: order.orderId },
      data: { gengoOrderId: null, status: 'ambiguous', submittedAt: new Date() },
    });
    await advanceAll(r, order, 'approved');
    // As a burst of callbacks would hand them over: both jobs, fetched in one call.
    const client = await r.app.strapi.plugin('gengo').service('settings').client();
    const { jobs } = await client.getJobs((await gengoJobs(r, order)).map((j: any) => String(j.job_id)));
    const outcomes = await r.app.strapi.plugin('gengo').service('receiving').syncJobs(jobs);
    expect(outcomes.map((o: any) => o.value?.apply?.state)).toEqual(['applied', 'applied']);
    const row = await r.app.strapi.db.query('plugin::gengo.order').findOne({ where: { id: order.orderId } });
    expect(row).toMatchObject({ status: 'completed', gengoOrderId: order.gengoOrderId });
    expect(row.history.map((h: any) => h.status).slice(-2)).toEqual(['placed', 'completed']);
    expect(row.history.find((h: any) => h.status === 'placed').note).toMatch(/found at Gengo/);
  });

  it('discovers the jobs of an order and applies them, reviewable then approved', async () => {
    const { documentId } = await createArticle(r.app.strapi, {
      title: 'Polled into place',
      slug: 'polled-into-place',
      summary: 'Nobody called back.',
    });
    const order = await placeOrder(r, documentId, { callbackUrl: UNREACHABLE });
    await advanceAll(r, order, 'reviewable');
    expect((await jobRows(r, order)).every((j: any) => j.gengoJobId === null)).toBe(true);

    await r.control.clearRequests();
    const first = await checkNow();
    expect(first.status).toBe(200);
    expect(first.body.data).toMatchObject({ polled: 2, discovered: 2, applied: 2, failed: 0 });
    const ids = (await gengoJobs(r, order)).map((j: any) => String(j.job_id)).sort();
    const calls = (await r.control.requests()).map((q: any) => `${q.method} ${q.path}`);
    expect(calls).toEqual([`GET /v2/translate/order/${order.gengoOrderId}`, `GET /v2/translate/jobs/${ids.join(',')}`]);
    let fr = await findArticle(r.app.strapi, documentId, 'fr');
    expect(fr.title).toMatch(/^\[fr\] /);
    expect((await jobRows(r, order)).map((j: any) => j.status)).toEqual(['reviewable', 'reviewable']);

    await advanceAll(r, order, 'approved');
    const second = (await checkNow()).body.data;
    expect(second).toMatchObject({ polled: 2, discovered: 0, applied: 2 });
    expect((await jobRows(r, order)).map((j: any) => j.appliedStatus)).toEqual(['approved', 'approved']);
    // Nothing left to ask Gengo about.
    expect((await checkNow()).body.data).toMatchObject({ orders: 0, polled: 0 });
    fr = await findArticle(r.app.strapi, documentId, 'fr');
    expect(fr.summary).toMatch(/^\[fr\] /);
  });

  it('a segment split in chunks is written once every chunk is translated, joined', async () => {
    const summary =
      'The first sentence is long enough to need a job. The second sentence needs another one of its own.';
    const { documentId } = await createArticle(r.app.strapi, { title: 'Chunks', slug: 'chunks', summary });
    const order = await placeOrder(r, documentId, {
      callbackUrl: UNREACHABLE,
      only: (p) => p.includes('summary'),
      splitLimit: 8 * 1024 + 420,
    });
    const jobs = await gengoJobs(r, order);
    expect(jobs.length).toBe(2);
    await r.control.advance(jobs[0].job_id, 'reviewable');
    expect((await checkNow()).body.data).toMatchObject({ polled: 2, applied: 0 });
    expect(await findArticle(r.app.strapi, documentId, 'fr')).toBeNull();
    await r.control.advance(jobs[1].job_id, 'reviewable');
    expect((await checkNow()).body.data).toMatchObject({ applied: 1 });
    const fr = await findArticle(r.app.strapi, documentId, 'fr');
    const texts = (await gengoJobs(r, order)).sort((a: any, b: any) => a.data.c - b.data.c).map((j: any) => j.body_tgt);
    expect(texts.length).toBe(2);
    expect(fr.summary).toBe(texts.join(' '));
  });

  it('an order whose POST outcome was unknown is found by its reference', async () => {
    const { documentId } = await createArticle(r.app.strapi, { title: 'Ambiguous outcome', slug: 'ambiguous-outcome' });
    const order = await placeOrder(r, documentId, { callbackUrl: UNREACHABLE });
    await r.app.strapi.db.query('plugin::gengo.order').update({
      where: { id: order.orderId },
      data: { gengoOrderId: null, status: 'ambiguous', submittedAt: new Date() },
    });
    await advanceAll(r, order, 'reviewable');
    expect((await checkNow()).body.data).toMatchObject({ discovered: 1, applied: 1 });
    const row = await r.app.strapi.db.query('plugin::gengo.order').findOne({ where: { id: order.orderId } });
    expect(row).toMatchObject({ status: 'placed', gengoOrderId: order.gengoOrderId });
  });

  it('an order left "placing" by a process that died mid-POST is found by its reference, a fresh one is left alone', async () => {
    const orders = r.app.strapi.db.query('plugin::gengo.order');
    const { documentId } = await createArticle(r.app.strapi, {
      title: 'Crashed while placing',
      slug: 'crashed-while-placing',
    });
    const order = await placeOrder(r, documentId, { callbackUrl: UNREACHABLE });
    await advanceAll(r, order, 'reviewable');
    // Still placing, recently: its own request may yet finish, so the poller keeps off it.
    await orders.update({ where: { id: order.orderId }, data: { gengoOrderId: null, status: 'placing' } });
    expect((await checkNow()).body.data).toMatchObject({ discovered: 0, applied: 0 });
    expect(await orders.findOne({ where: { id: order.orderId } })).toMatchObject({
      status: 'placing',
      gengoOrderId: null,
    });
    // Abandoned: older than the cut-off.
    const knex = r.app.strapi.db.connection;
    await knex('gengo_orders')
      .where({ id: order.orderId })
      .update({ updated_at: new Date(Date.now() - 11 * 60 * 1000) });
    expect((await checkNow()).body.data).toMatchObject({ discovered: 1, applied: 1 });
    expect(await orders.findOne({ where: { id: order.orderId } })).toMatchObject({
      status: 'placed',
      gengoOrderId: order.gengoOrderId,
    });
  });

  it('an ambiguous order Gengo never received fails 30 minutes after it was sent, its request key released', async () => {
    const orders = r.app.strapi.db.query('plugin::gengo.order');
    const { documentId } = await createArticle(r.app.strapi, { title: 'Never arrived', slug: 'never-arrived' });
    // Recorded, but its POST never reached Gengo (a 5xx before processing).
    const order = await orders.create({
      data: {
        requestKey: 'rk-never-arrived',
        reference: 'ref-never-arrived-0001',
        contentType: 'api::article.article',
        targetDocumentId: documentId,
        sourceLocale: 'en',
        targetLocale: 'fr',
        lcSrc: 'en',
        lcTgt: 'fr',
        tier: 'standard',
        status: 'ambiguous',
        submittedAt: new Date(),
        segments: [],
      },
    });
    await r.app.strapi.db.query('plugin::gengo.job').create({
      data: { orderId: order.id, segmentKey: 's0', chunkIndex: 0, chunkCount: 1, sourceHash: 'h', status: 'queued' },
    });
    // Gengo may still be creating its jobs: nothing decided yet.
    await checkNow();
    expect(await orders.findOne({ where: { id: order.id } })).toMatchObject({
      status: 'ambiguous',
      requestKey: 'rk-never-arrived',
    });
    const knex = r.app.strapi.db.connection;
    await knex('gengo_orders')
      .where({ id: order.id })
      .update({ submitted_at: new Date(Date.now() - 31 * 60 * 1000) });
    await checkNow();
    const failed = await orders.findOne({ where: { id: order.id } });
    expect(failed).toMatchObject({ status: 'failed', requestKey: 'failed:ref-never-arrived-0001', gengoOrderId: null });
    expect(failed.lastError).toMatch(/Gengo has no job of this order 3\d minutes after it was sent/);
    // Not polled any more.
    await r.control.clearRequests();
    await checkNow();
    expect((await r.control.requests()).filter((q: any) => q.path.endsWith('/translate/jobs'))).toEqual([]);
  });

  it('two concurrent runs: one polls, the other is turned away by the lease', async () => {
    const reconcile = r.app.strapi.plugin('gengo').service('receiving').parts.reconcile;
    const results = await Promise.all([reconcile.run(), reconcile.run(), reconcile.run()]);
    expect(results.filter((x: any) => !x.skipped).length).toBe(1);
    expect(results.filter((x: any) => x.skipped === 'another reconciliation is running').length).toBe(2);
    // A lease of another instance that expired is taken over.
    await r.app.strapi.db.query('plugin::gengo.lease').updateMany({
      where: { name: 'reconcile' },
      data: { holder: 'dead-instance', expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await reconcile.run()).skipped).toBeUndefined();
    await r.app.strapi.db.query('plugin::gengo.lease').updateMany({
      where: { name: 'reconcile' },
      data: { holder: 'live-instance', expiresAt: new Date(Date.now() + 60_000) },
    });
    expect((await reconcile.run()).skipped).toBe('another reconciliation is running');
    await r.app.strapi.db
      .query('plugin::gengo.lease')
      .updateMany({ where: { name: 'reconcile' }, data: { holder: null, expiresAt: new Date(0) } });
  });

  it('the cron tick polls once per interval', async () => {
    const reconcile = r.app.strapi.plugin('gengo').service('receiving').parts.reconcile;
    expect(await reconcile.tick()).toBeNull();
    await r.app.strapi.db
      .query('plugin::gengo.lease')
      .updateMany({ where: { name: 'reconcile-due' }, data: { expiresAt: new Date(0) } });
    const [a, b] = await Promise.all([reconcile.tick(), reconcile.tick()]);
    expect([a, b].filter(Boolean).length).toBe(1);
    expect(await reconcile.tick()).toBeNull();
  });

  it('admin routes: a restricted role gets 403; rotating the token changes the callback URL', async () => {
    const reader = await createRestrictedAdmin(r.app, ['plugin::gengo.read', 'plugin::gengo.settings.read']);
    expect((await r.app.as(reader.token).post('/gengo/reconcile')).status).toBe(403);
    expect((await r.app.as(reader.token).post('/gengo/settings/rotate-callback-token')).status).toBe(403);
    const nobody = await createRestrictedAdmin(r.app, []);
    expect((await r.app.as(nobody.token).get('/gengo/settings/callback-url')).status).toBe(403);
    expect((await r.app.http.post('/gengo/reconcile')).status).toBe(401);

    const before = (await r.app.as(reader.token).get('/gengo/settings/callback-url')).body.data.callbackUrl;
    expect(before).toMatch(/\/api\/gengo\/callback\/[\w-]{43}$/);
    const rotated = await r.app.as(admin.token).post('/gengo/settings/rotate-callback-token');
    expect(rotated.status).toBe(200);
    expect(rotated.body.data.callbackUrl).not.toBe(before);
    const post = (url: string) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'job=%7B%22job_id%22%3A%221%22%7D',
      });
    expect((await post(before)).status).toBe(401);
    expect((await post(rotated.body.data.callbackUrl)).status).toBe(200);
    await settle(r);
    const stored = JSON.stringify(
      await r.app.strapi.store({ type: 'plugin', name: 'gengo', key: 'callback-token' }).get({})
    );
    expect(stored).not.toContain(rotated.body.data.callbackUrl.split('/').pop());
  });
});
