import { createArticles, ordersPerTarget, watchBatch } from '../helpers/bulk';
import { ARTICLE, orderRows, postJobsCount, startOrdersWorld, type OrdersWorld } from '../helpers/ordering-world';

/** Bulk orders survive: a restart mid-batch, a crash after a POST, Gengo unreachable for a while. */
describe('bulk orders: resuming', () => {
  let w: OrdersWorld;
  beforeAll(async () => {
    w = await startOrdersWorld(100_000);
  });
  afterAll(async () => {
    await w?.stop();
  });
  beforeEach(async () => {
    await w.control.clearFaults();
  });

  const api = () => w.app.as(w.admin.token);
  const worker = () => w.app.strapi.plugin('gengo').service('bulkWorker');
  const db = (uid: string) => w.app.strapi.db.query(uid as any);

  const expectOncePerTarget = async (ids: string[], locales: string[]) => {
    await w.control.flush();
    const { gengo, ours } = await ordersPerTarget(w.app, w.control, ids);
    const targets = ids.flatMap((id) => locales.map((l) => `${id}:${l}`));
    expect(targets.filter((t) => gengo.get(t) !== 1)).toEqual([]);
    expect(targets.filter((t) => ours.get(t) !== 1)).toEqual([]);
  };

  it('a restart mid-batch: the batch resumes at boot and completes, nothing ordered twice', async () => {
    const ids = await createArticles(w.app, 30);
    const posts = await postJobsCount(w.control);
    // Gengo a little slow, so that the restart finds the batch half done.
    await w.control.fault({ path: 'translate/jobs', method: 'POST', latencyMs: 60 });
    const res = await api().post('/gengo/bulk').send({ contentType: ARTICLE, documentIds: ids, targetLocales: ['fr', 'de'] });
    expect(res.status).toBe(202);
    const id = res.body.data.id;
    await watchBatch(api().get, id, (v) => v.done >= 4);

    await w.restart();
    const restartedAt = new Date();
    const { view } = await watchBatch(api().get, id);
    expect(view).toMatchObject({ status: 'completed', total: 30, done: 30, failed: 0, pending: 0, ordered: 60 });
    // Ordered partly before the restart, the rest after it.
    const rows = await orderRows(w.app, { targetDocumentId: { $in: ids } });
    const before = rows.filter((r: any) => new Date(r.createdAt) < restartedAt).length;
    expect(before).toBeGreaterThanOrEqual(8);
    expect(before).toBeLessThan(60);
    await expectOncePerTarget(ids, ['fr', 'de']);
    expect(await postJobsCount(w.control)).toBe(posts + 60);
  });

  it('documents whose run was cut off after their orders were placed find those orders when run again', async () => {
    const ids = await createArticles(w.app, 6);
    const res = await api().post('/gengo/bulk').send({ contentType: ARTICLE, documentIds: ids, targetLocales: ['fr'] });
    const id = res.body.data.id;
    await watchBatch(api().get, id);
    const posts = await postJobsCount(w.control);
    // As a crash between the POSTs and the item's own write would leave them.
    const items = await db('plugin::gengo.batch-item').findMany({ where: { batchId: id }, orderBy: { id: 'asc' } });
    for (const item of items.slice(0, 3)) await db('plugin::gengo.batch-item').update({ where: { id: item.id }, data: { status: 'running' } });
    await db('plugin::gengo.batch').update({ where: { id }, data: { status: 'running' } });

    await worker().resume();
    await worker().idle();
    const { view } = await watchBatch(api().get, id);
    expect(view).toMatchObject({ status: 'completed', total: 6, done: 6, failed: 0, ordered: 6 });
    expect(await postJobsCount(w.control)).toBe(posts);
    await expectOncePerTarget(ids, ['fr']);
  });

  it('an order with no answer pauses the batch; resumed, it never re-posts that order and completes', async () => {
    const ids = await createArticles(w.app, 6);
    const posts = await postJobsCount(w.control);
    // The first POST (some document's fr) gets a 502: its outcome is unknown, de is not tried.
    await w.control.fault({ path: 'translate/jobs', method: 'POST', status: 502, count: 1 });
    const res = await api().post('/gengo/bulk').send({ contentType: ARTICLE, documentIds: ids, targetLocales: ['fr', 'de'] });
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
    expect(await postJobsCount(w.control)).toBe(posts + 12);
    const rows = await orderRows(w.app, { targetDocumentId: { $in: ids } });
    expect(rows.filter((r: any) => r.status === 'ambiguous')).toHaveLength(1);
    expect(rows).toHaveLength(12);
  });

  it('one worker per batch: a batch whose lease another instance holds is left to it', async () => {
    const ids = await createArticles(w.app, 2);
    const res = await api().post('/gengo/bulk').send({ contentType: ARTICLE, documentIds: ids, targetLocales: ['fr'], idempotencyKey: 'lease-test-1' });
    const id = res.body.data.id;
    await worker().idle();
    await db('plugin::gengo.batch').update({ where: { id }, data: { status: 'running' } });
    await db('plugin::gengo.batch-item').updateMany({ where: { batchId: id }, data: { status: 'pending' } });
    const lease = await w.app.strapi.plugin('gengo').service('lease').acquire(`bulk:${id}`, 60_000);
    expect(lease).toBeTruthy();
    const posts = await postJobsCount(w.control);
    await worker().resume();
    await worker().idle();
    expect((await api().get(`/gengo/bulk/${id}`)).body.data.status).toBe('running');
    await lease.release();
    await worker().resume();
    await worker().idle();
    expect((await api().get(`/gengo/bulk/${id}`)).body.data).toMatchObject({ status: 'completed', done: 2 });
    expect(await postJobsCount(w.control)).toBe(posts);
  });
});
