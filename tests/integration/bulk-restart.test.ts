import { createLeases } from '../../server/src/platform/lease';
import { createArticles, ordersPerTarget, setPageSize, useBulkWorld, watchBatch } from '../helpers/bulk';
import { ARTICLE, jobRows, orderRows, postJobsCount } from '../helpers/ordering-world';

/** Bulk orders survive: a restart mid-batch, a crash after a POST, Gengo unreachable for a while. */
describe('bulk orders: resuming', () => {
  const world = useBulkWorld();
  const { api, worker } = world;
  const db = (uid: string) => world.w.app.strapi.db.query(uid as any);

  const expectOncePerTarget = async (ids: string[], locales: string[]) => {
    await world.w.control.flush();
    const { gengo, ours } = await ordersPerTarget(world.w.app, world.w.control, ids);
    const targets = ids.flatMap((id) => locales.map((l) => `${id}:${l}`));
    expect(targets.filter((t) => gengo.get(t) !== 1)).toEqual([]);
    expect(targets.filter((t) => ours.get(t) !== 1)).toEqual([]);
  };

  it('a restart mid-batch: the batch resumes at boot and completes, nothing ordered twice', async () => {
    const ids = await createArticles(world.w.app, 30);
    const posts = await postJobsCount(world.w.control);
    // Pages of 5 (the restarted instance has the default, 25) and Gengo slow (6 pages × 2 POSTs:
    // 4.8 s or more), so that the restart finds the batch half done.
    setPageSize(world.w.app, 5);
    await world.w.control.fault({ path: 'translate/jobs', method: 'POST', latencyMs: 400 });
    const res = await api()
      .post('/gengo/bulk')
      .send({ contentType: ARTICLE, documentIds: ids, targetLocales: ['fr', 'de'] });
    expect(res.status).toBe(202);
    const id = res.body.data.id;
    await watchBatch(api().get, id, (v) => v.done >= 4);

    await world.w.restart();
    const restartedAt = new Date();
    const { view } = await watchBatch(api().get, id);
    expect(view).toMatchObject({ status: 'completed', total: 30, done: 30, failed: 0, pending: 0, ordered: 60 });
    // Ordered partly before the restart, the rest after it.
    const rows = await orderRows(world.w.app, { targetDocumentId: { $in: ids } });
    const before = rows.filter((r: any) => new Date(r.createdAt) < restartedAt).length;
    expect(before).toBeGreaterThanOrEqual(8);
    expect(before).toBeLessThan(60);
    await expectOncePerTarget(ids, ['fr', 'de']);
    // Every POST made one Gengo order: none was sent twice, none was lost.
    const { gengoOrders } = await ordersPerTarget(world.w.app, world.w.control, ids);
    expect(await postJobsCount(world.w.control)).toBe(posts + gengoOrders.size);
    expect(gengoOrders.size).toBeLessThan(12);
  });

  it('documents whose run was cut off after their orders were placed find those orders when run again', async () => {
    const ids = await createArticles(world.w.app, 6);
    const res = await api()
      .post('/gengo/bulk')
      .send({ contentType: ARTICLE, documentIds: ids, targetLocales: ['fr'] });
    const id = res.body.data.id;
    await watchBatch(api().get, id);
    const posts = await postJobsCount(world.w.control);
    // As a crash between the POSTs and the item's own write would leave them.
    const items = await db('plugin::gengo.batch-item').findMany({ where: { batchId: id }, orderBy: { id: 'asc' } });
    for (const item of items.slice(0, 3))
      await db('plugin::gengo.batch-item').update({ where: { id: item.id }, data: { status: 'running' } });
    await db('plugin::gengo.batch').update({ where: { id }, data: { status: 'running' } });

    await worker().resume();
    await worker().idle();
    const { view } = await watchBatch(api().get, id);
    expect(view).toMatchObject({ status: 'completed', total: 6, done: 6, failed: 0, ordered: 6 });
    expect(await postJobsCount(world.w.control)).toBe(posts);
    await expectOncePerTarget(ids, ['fr']);
  });

  it('an order with no answer pauses the batch; resumed, it never re-posts that order and completes', async () => {
    const ids = await createArticles(world.w.app, 6);
    const posts = await postJobsCount(world.w.control);
    // The first POST (the page's fr) gets a 502: its outcome is unknown, de is not tried.
    await world.w.control.fault({ path: 'translate/jobs', method: 'POST', status: 502, count: 1 });
    const res = await api()
      .post('/gengo/bulk')
      .send({ contentType: ARTICLE, documentIds: ids, targetLocales: ['fr', 'de'] });
    const id = res.body.data.id;
    await worker().idle();
    const paused = (await api().get(`/gengo/bulk/${id}`)).body.data;
    expect(paused.status).toBe('queued');
    expect(paused.lastError).toMatch(/unknown/);
    expect(paused.pending).toBeGreaterThanOrEqual(1);

    // The minute tick (or the next boot) resumes it.
    await worker().resume();
    await worker().idle();
    const { view } = await watchBatch(api().get, id);
    expect(view).toMatchObject({ status: 'completed', done: 6, failed: 0, ordered: 12, lastError: null });
    // fr (the 502) was not sent again; de, one POST for the page.
    expect(await postJobsCount(world.w.control)).toBe(posts + 2);
    const rows = await orderRows(world.w.app, { targetDocumentId: { $in: ids } });
    expect(rows.filter((r: any) => r.status === 'ambiguous').map((r: any) => r.targetLocale)).toEqual([
      'fr',
      'fr',
      'fr',
      'fr',
      'fr',
      'fr',
    ]);
    expect(rows.filter((r: any) => r.status === 'placed' && r.targetLocale === 'de')).toHaveLength(6);
    expect(rows).toHaveLength(12);
  });

  it("a page's order whose answer was lost is found by the POST's reference: every document placed once, nothing posted again", async () => {
    const ids = await createArticles(world.w.app, 5);
    const posts = await postJobsCount(world.w.control);
    // Gengo creates the order, then the answer is lost (a 502 from a proxy).
    await world.w.control.fault({ path: 'translate/jobs', method: 'POST', status: 502, afterHandling: true, count: 1 });
    const res = await api()
      .post('/gengo/bulk')
      .send({ contentType: ARTICLE, documentIds: ids, targetLocales: ['fr'] });
    const { view } = await watchBatch(api().get, res.body.data.id);
    expect(view).toMatchObject({ status: 'completed', done: 5, failed: 0, ordered: 5 });
    expect(await postJobsCount(world.w.control)).toBe(posts + 1);
    const rows = await orderRows(world.w.app, { targetDocumentId: { $in: ids } });
    expect(rows).toHaveLength(5);
    expect(new Set(rows.map((r: any) => r.gengoOrderId)).size).toBe(1);
    for (const r of rows as any[]) {
      expect(r.status).toBe('placed');
      expect(r.history.map((h: any) => h.note).filter(Boolean)).toEqual([
        'found by its reference after an ambiguous POST',
      ]);
    }
    await expectOncePerTarget(ids, ['fr']);
  });

  it("a page's order left `placing` by a crash: the reconciler finds each document's order by its own reference and binds its jobs", async () => {
    const ids = await createArticles(world.w.app, 4);
    const res = await api()
      .post('/gengo/bulk')
      .send({ contentType: ARTICLE, documentIds: ids, targetLocales: ['fr'] });
    await watchBatch(api().get, res.body.data.id);
    await world.w.control.flush();
    const placed = (await orderRows(world.w.app, { targetDocumentId: { $in: ids } })) as any[];
    const gengoOrderId = placed[0].gengoOrderId;
    expect(placed.every((r) => r.gengoOrderId === gengoOrderId)).toBe(true);
    // As a crash between the POST and its record would leave them: placing, long ago, no Gengo ids.
    const knex = world.w.app.strapi.db.connection;
    const longAgo = new Date(Date.now() - 11 * 60_000);
    const orderIds = placed.map((r) => r.id);
    await knex('gengo_orders')
      .whereIn('id', orderIds)
      .update({ status: 'placing', gengo_order_id: null, submitted_at: null, updated_at: longAgo });
    await knex('gengo_jobs').whereIn('order_id', orderIds).update({ gengo_job_id: null });

    const result = await world.w.app.strapi.plugin('gengo').service('receiving').reconcile();
    expect(result).toMatchObject({ failed: 0 });
    const found = (await orderRows(world.w.app, { id: { $in: orderIds } })) as any[];
    expect(found.map((r) => [r.status, r.gengoOrderId])).toEqual(orderIds.map(() => ['placed', gengoOrderId]));
    // Each job row bound to the Gengo job that carries its own order's reference, segment and chunk.
    const gengoJobs = (await world.w.control.jobs()) as any[];
    const jobs = (await jobRows(world.w.app, { orderId: { $in: orderIds } })) as any[];
    expect(jobs).toHaveLength(8);
    for (const row of jobs) {
      const order = found.find((o) => o.id === row.orderId);
      const job = gengoJobs.find((j) => String(j.job_id) === row.gengoJobId);
      expect(JSON.parse(job.custom_data)).toMatchObject({ ref: order.reference, s: row.segmentKey, c: row.chunkIndex });
    }
    await expectOncePerTarget(ids, ['fr']);
  });

  it('one worker per batch: a batch whose lease another instance holds is left to it', async () => {
    const ids = await createArticles(world.w.app, 2);
    const res = await api()
      .post('/gengo/bulk')
      .send({ contentType: ARTICLE, documentIds: ids, targetLocales: ['fr'], idempotencyKey: 'lease-test-1' });
    const id = res.body.data.id;
    await worker().idle();
    await db('plugin::gengo.batch').update({ where: { id }, data: { status: 'running' } });
    await db('plugin::gengo.batch-item').updateMany({ where: { batchId: id }, data: { status: 'pending' } });
    const lease = await createLeases(world.w.app.strapi).acquire(`bulk:${id}`, 60_000);
    expect(lease).toBeTruthy();
    const posts = await postJobsCount(world.w.control);
    await worker().resume();
    await worker().idle();
    expect((await api().get(`/gengo/bulk/${id}`)).body.data.status).toBe('running');
    await lease.release();
    await worker().resume();
    await worker().idle();
    expect((await api().get(`/gengo/bulk/${id}`)).body.data).toMatchObject({ status: 'completed', done: 2 });
    expect(await postJobsCount(world.w.control)).toBe(posts);
  });
});
