import { reloadPluginConfig } from '../../server/src/platform/config';
import {
  advanceAll,
  createArticle,
  gengoJobs,
  jobRows,
  placeOrder,
  settle,
  startReceiving,
  waitFor,
  type PlacedOrder,
  type Receiving,
} from '../helpers/orders';

jest.setTimeout(120_000);

/**
 * The callback intake under a flood (issue 19, edges of trust): the ids it holds are capped, its
 * GETs per minute too, a batch Gengo refuses is re-checked in halves (a bounded number of calls),
 * and comment callbacks are batched. Every GET is counted at the emulator.
 */
describe('callbacks: a flood of ids', () => {
  let r: Receiving;
  const orders: PlacedOrder[] = [];
  let real: string[] = [];

  const receiving = () => r.app.strapi.plugin('gengo').service('receiving');
  const receive = (kind: 'job' | 'comment', id: string | number) =>
    receiving().receive({ [kind]: JSON.stringify({ job_id: String(id) }) });
  const setConfig = (values: Record<string, number>) => {
    for (const [key, value] of Object.entries(values)) r.app.strapi.config.set(`plugin::gengo.${key}`, value);
    reloadPluginConfig(r.app.strapi);
  };
  /** The signed GETs of jobs and threads the emulator answered since the last clear. */
  const gets = async () =>
    (await r.control.requests()).filter((q) => q.method === 'GET' && q.path.includes('/translate/job'));
  const bogus = (n: number, from = 990_000_001) => Array.from({ length: n }, (_, i) => String(from + i));

  beforeAll(async () => {
    r = await startReceiving();
    for (let i = 0; i < 8; i++) {
      const { documentId } = await createArticle(r.app.strapi, {
        title: `Flood entry ${i}`,
        slug: `flood-${i}`,
        summary: `Summary ${i}.`,
      });
      // No callback URL: only the callbacks this test sends arrive.
      const order = await placeOrder(r, documentId, { callbackUrl: null });
      await advanceAll(r, order, 'reviewable');
      orders.push(order);
    }
    real = (await Promise.all(orders.map((o) => gengoJobs(r, o)))).flat().map((j) => String(j.job_id));
  });
  afterAll(async () => {
    await r?.stop();
  });

  it('one refused id in a batch: re-checked in halves, every real job still synced, far fewer GETs than one per id', async () => {
    expect(real.length).toBeGreaterThanOrEqual(16);
    await r.control.clearRequests();
    const ids = [...real.slice(0, 10), bogus(1)[0], ...real.slice(10)];
    for (const id of ids) receive('job', id);
    await settle(r);
    const calls = await gets();
    // One GET for the batch, then at most 2 × ⌈log2 n⌉ + 1 for the halves; never one per id.
    expect(calls.length).toBeLessThanOrEqual(1 + 2 * Math.ceil(Math.log2(ids.length)) + 1);
    expect(calls.filter((c) => /\/translate\/job\/\d+$/.test(c.path)).length).toBeLessThanOrEqual(2);
    for (const order of orders)
      for (const row of await jobRows(r, order))
        expect([row.gengoJobId, row.status]).toEqual([row.gengoJobId, 'reviewable']);
  });

  it('a batch of refused ids: the re-check stops at its bound and leaves the rest to the poller', async () => {
    await r.control.clearRequests();
    const ids = bogus(50, 991_000_001);
    for (const id of ids) receive('job', id);
    await settle(r);
    expect((await gets()).length).toBeLessThanOrEqual(1 + 2 * Math.ceil(Math.log2(50)) + 1);
  });

  it('a flood: the ids held are capped (a warning, not one per id) and so are the GETs per minute', async () => {
    const warn = jest.spyOn(r.app.strapi.log, 'warn');
    setConfig({ callbackMaxQueuedIds: 300, callbackRequestsPerMinute: 4 });
    try {
      await r.control.clearRequests();
      for (const id of bogus(3000, 992_000_001)) receive('job', id);
      // Over HTTP too, as Gengo sends them.
      const url = await receiving().callbackUrl();
      for (const id of real.slice(0, 5)) {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ job: JSON.stringify({ job_id: id }) }).toString(),
        });
        expect(res.status).toBe(200);
      }
      expect(receiving().parts.callbacks.queued().jobs).toBeLessThanOrEqual(300);
      await new Promise((resolve) => setTimeout(resolve, 3000));
      expect((await gets()).length).toBeLessThanOrEqual(4);
      const capWarnings = warn.mock.calls.filter(([m]) => String(m).includes('callbackMaxQueuedIds'));
      expect(capWarnings.length).toBeGreaterThanOrEqual(1);
      expect(capWarnings.length).toBeLessThanOrEqual(3);
    } finally {
      // Lifted: the ids held drain (the paced wait looks at the config again within a second).
      setConfig({ callbackMaxQueuedIds: 5000, callbackRequestsPerMinute: 0 });
      warn.mockRestore();
    }
    await waitFor('the flood drained', async () => receiving().parts.callbacks.queued().jobs === 0, 60_000);
    await receiving().idle();
  });

  it('comment callbacks are batched: their jobs in one GET, one thread read per job, repeats collapsed', async () => {
    const jobs = real.slice(0, 6);
    for (const id of jobs) await r.control.comment(id, `A question about job ${id}`);
    await r.control.clearRequests();
    for (const id of [...jobs, ...jobs, ...jobs]) receive('comment', id);
    await settle(r);
    const calls = await gets();
    expect(calls.filter((c) => c.path.includes('/translate/jobs/')).length).toBe(1);
    expect(calls.filter((c) => c.path.endsWith('/comments')).length).toBe(jobs.length);
    expect(calls.length).toBe(1 + jobs.length);
    const stored = await r.app.strapi.db.query('plugin::gengo.comment').findMany({ where: { gengoJobId: jobs } });
    expect(stored.map((c: any) => c.body).sort()).toEqual(jobs.map((id) => `A question about job ${id}`).sort());
  });
});
