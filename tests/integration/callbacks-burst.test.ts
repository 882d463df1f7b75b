import { advanceAll, createArticle, findArticle, placeOrder, startReceiving, type PlacedOrder, type Receiving } from '../helpers/orders';

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
      const { documentId } = await createArticle(r.app.strapi, { title: `Burst entry number ${i}`, slug: `burst-${i}`, summary: `Summary of entry ${i}.` });
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
    const result = await r.app.strapi.plugin('gengo').service('reconcile').run();
    const took = Date.now() - t0;
    applying = false;
    await pinger;
    expect(result).toMatchObject({ polled: 80, discovered: 80, applied: 80, failed: 0 });
    for (const { documentId } of orders.slice(0, 3)) expect((await findArticle(r.app.strapi, documentId, 'fr')).title).toMatch(/^\[fr\] /);
    // Answered all along: many pings during the run, none waiting for the whole burst.
    expect(latencies.length).toBeGreaterThan(10);
    expect(Math.max(...latencies)).toBeLessThan(Math.max(500, took / 4));
    console.info(`burst: 80 writes in ${took} ms; ${latencies.length} health checks, max ${Math.max(...latencies)} ms`);
  });
});
