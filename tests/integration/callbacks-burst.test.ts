import {
  advanceAll,
  createArticle,
  findArticle,
  gengoJobs,
  placeOrder,
  startReceiving,
  type PlacedOrder,
  type Receiving,
} from '../helpers/orders';

jest.setTimeout(120_000);

/** Applying a burst never freezes the server: other requests are answered between the writes. */
describe('applying a burst', () => {
  let r: Receiving;

  beforeAll(async () => {
    r = await startReceiving();
  });
  afterAll(async () => {
    await r?.stop();
  });

  it('40 entries written back to back while the server keeps answering', async () => {
    const orders: Array<{ documentId: string; order: PlacedOrder }> = [];
    for (let i = 0; i < 40; i++) {
      const { documentId } = await createArticle(r.app.strapi, {
        title: `Burst entry number ${i}`,
        slug: `burst-${i}`,
        summary: `Summary of entry ${i}.`,
      });
      const order = await placeOrder(r, documentId, { callbackUrl: null });
      await advanceAll(r, order, 'reviewable');
      orders.push({ documentId, order });
    }
    const latencies: number[] = [];
    let applying = true;
    const pinger = (async () => {
      while (applying) {
        const t0 = Date.now();
        const res = await fetch(`${r.baseUrl}/_health`);
        expect(res.status).toBe(204);
        latencies.push(Date.now() - t0);
        await new Promise((res2) => setTimeout(res2, 5));
      }
    })();
    const t0 = Date.now();
    const result = await r.app.strapi.plugin('gengo').service('receiving').reconcile();
    const took = Date.now() - t0;
    applying = false;
    await pinger;
    expect(result).toMatchObject({ polled: 80, discovered: 80, applied: 80, failed: 0 });
    for (const { documentId } of orders.slice(0, 3))
      expect((await findArticle(r.app.strapi, documentId, 'fr')).title).toMatch(/^\[fr\] /);
    // Answered all along: many pings during the run, none waiting for the whole burst.
    expect(latencies.length).toBeGreaterThan(10);
    expect(Math.max(...latencies)).toBeLessThan(Math.max(500, took / 4));
    console.info(`burst: 80 writes in ${took} ms; ${latencies.length} health checks, max ${Math.max(...latencies)} ms`);
  });

  it("an order's segments translated together are written in one Document Service update", async () => {
    let counting = false;
    const updates = new Map<string, number>();
    (r.app.strapi.documents as any).use(async (ctx: any, next: () => Promise<unknown>) => {
      if (counting && ctx.action === 'update' && ctx.uid === 'api::article.article')
        updates.set(ctx.params.documentId, (updates.get(ctx.params.documentId) ?? 0) + 1);
      return next();
    });
    const docs: Array<{ documentId: string; order: PlacedOrder }> = [];
    for (let i = 0; i < 5; i++) {
      const { documentId } = await createArticle(r.app.strapi, {
        title: `Together title ${i}`,
        slug: `together-${i}`,
        summary: `Together summary ${i}.`,
      });
      const order = await placeOrder(r, documentId, { callbackUrl: null });
      await advanceAll(r, order, 'reviewable');
      docs.push({ documentId, order });
    }
    counting = true;
    const result = await r.app.strapi.plugin('gengo').service('receiving').reconcile();
    counting = false;
    expect(result).toMatchObject({ applied: 10, failed: 0 });
    expect(docs.map(({ documentId }) => updates.get(documentId))).toEqual([1, 1, 1, 1, 1]);
    for (const [i, { documentId }] of docs.entries()) {
      const fr = await findArticle(r.app.strapi, documentId, 'fr');
      expect(fr).toMatchObject({
        title: expect.stringMatching(/^\[fr\] /),
        summary: expect.stringMatching(/^\[fr\] /),
      });
      expect(fr.title).toContain(String(i));
    }
  });

  it('an order left `placing` (its process stopped after the POST) is placed when a job of it comes in', async () => {
    const { documentId } = await createArticle(r.app.strapi, {
      title: 'Left placing by a crash',
      slug: 'left-placing',
      summary: 'Left summary.',
    });
    const order = await placeOrder(r, documentId, { callbackUrl: null });
    await r.app.strapi.db
      .connection('gengo_orders')
      .where({ id: order.orderId })
      .update({ status: 'placing', gengo_order_id: null });
    const [job] = await gengoJobs(r, order);
    await r.app.strapi.plugin('gengo').service('receiving').refresh(String(job.job_id));
    const row: any = await r.app.strapi.db
      .query('plugin::gengo.order' as any)
      .findOne({ where: { id: order.orderId } });
    expect(row).toMatchObject({ status: 'placed', gengoOrderId: order.gengoOrderId });
    expect(row.history[row.history.length - 1]).toMatchObject({
      status: 'placed',
      note: `job ${job.job_id} found at Gengo`,
    });
  });

  it('entries with the same translated title get distinct slugs, in one slice and against those already taken', async () => {
    const docs: string[] = [];
    for (let i = 0; i < 12; i++) {
      const { documentId } = await createArticle(r.app.strapi, {
        title: 'One and the same title',
        slug: `same-title-${i}`,
        summary: `Summary ${i}.`,
      });
      const order = await placeOrder(r, documentId, { callbackUrl: null });
      await advanceAll(r, order, 'reviewable');
      docs.push(documentId);
    }
    const fr = (documentId: string) => findArticle(r.app.strapi, documentId, 'fr');
    const first = await r.app.strapi.plugin('gengo').service('receiving').reconcile();
    expect(first).toMatchObject({ applied: 24, failed: 0 });
    const slugs = await Promise.all(docs.map(async (d) => (await fr(d)).slug as string));
    expect(new Set(slugs).size).toBe(12);
    const base = slugs.reduce((a, b) => (a.length <= b.length ? a : b));
    for (const slug of slugs) expect(slug.startsWith(base)).toBe(true);

    // A second batch with that title: none of the slugs taken above is used again.
    const more: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { documentId } = await createArticle(r.app.strapi, {
        title: 'One and the same title',
        slug: `same-title-more-${i}`,
        summary: `More ${i}.`,
      });
      const order = await placeOrder(r, documentId, { callbackUrl: null });
      await advanceAll(r, order, 'reviewable');
      more.push(documentId);
    }
    expect(await r.app.strapi.plugin('gengo').service('receiving').reconcile()).toMatchObject({
      applied: 10,
      failed: 0,
    });
    const all = [...slugs, ...(await Promise.all(more.map(async (d) => (await fr(d)).slug as string)))];
    expect(new Set(all).size).toBe(17);
  });
});
