import { startEmulator } from '../../emulator/src';
import { EmulatorControl } from '../../emulator/src/control-client';
import {
  ARTICLE,
  createSourceArticle,
  jobRows,
  orderRows,
  startOrdersWorld,
  type OrdersWorld,
} from '../helpers/ordering-world';

/**
 * Gengo's ids in their own space (issue 19, item 9): `npm run demo` twice on one database, the
 * emulator started the second time without its state (its ids start again at 1000001, as happened):
 * the second run's orders complete, the first run's written entries are left alone, and a row
 * of the first run still waiting for its job, whose id now names another job, is an error shown
 * in its order — never a silent no-op, never another job's text.
 */
describe('Gengo ids in their own space', () => {
  let w: OrdersWorld;
  let emu: Awaited<ReturnType<typeof startEmulator>>;
  let control: EmulatorControl;
  const keys = { publicKey: 'orders-public-key', privateKey: 'orders-private-key-5be1' };

  beforeAll(async () => {
    w = await startOrdersWorld(1000, keys);
    emu = w.emu;
    control = w.control;
  });

  afterAll(async () => {
    await w?.app.stop();
    await emu?.close();
    for (const k of Object.keys(process.env)) if (k.startsWith('GENGO_')) delete process.env[k];
  });

  const api = () => w.app.as(w.admin.token);
  const order = async (documentId: string) => {
    const res = await api()
      .post('/gengo/orders')
      .send({ contentType: ARTICLE, documentId, targetLocales: ['fr'] });
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 200 });
    return (await orderRows(w.app, { targetDocumentId: documentId }))[0] as any;
  };
  const jobsOf = async (o: any) =>
    ((await control.jobs()) as any[]).filter((j) => String(j.custom_data).includes(o.reference));
  const reconcile = async () => {
    await w.app.strapi.plugin('gengo').service('receiving').reconcile();
    await w.app.strapi.plugin('gengo').service('receiving').idle();
  };
  const fr = (documentId: string) =>
    w.app.strapi.documents(ARTICLE as any).findOne({ documentId, locale: 'fr' }) as Promise<any>;

  it('two demo runs on one database, the emulator started afresh: the second run completes; a first-run row whose id now names another job is an error', async () => {
    // Run 1: A translated and written; B placed, its jobs still at the translators when the demo stops.
    const [a, b] = [await createSourceArticle(w.app), await createSourceArticle(w.app)];
    const orderA = await order(a);
    const orderB = await order(b);
    await control.flush();
    const firstRun = [...(await jobsOf(orderA)), ...(await jobsOf(orderB))];
    for (const j of await jobsOf(orderA)) await control.advance(j.job_id, 'approved');
    await reconcile();
    expect((await orderRows(w.app, { id: orderA.id }))[0].status).toBe('completed');
    expect((await jobRows(w.app, { orderId: orderB.id })).every((r: any) => r.gengoJobId)).toBe(true);
    const writtenA = await fr(a);
    expect(writtenA.title).toMatch(/^\[fr\] /);

    // The emulator starts again without its state file: same URL and keys, ids from 1000001 again.
    const port = Number(new URL(emu.url).port);
    await emu.close();
    emu = await startEmulator({
      port,
      credits: 1000,
      jobCreationDelayMs: 50,
      callbackRetryMs: 50,
      rateLimitPerMinute: 0,
      ...keys,
    });
    control = new EmulatorControl(emu.url);

    // Run 2: C and D ordered; Gengo hands out the ids A and B hold.
    const [c, d] = [await createSourceArticle(w.app), await createSourceArticle(w.app)];
    const orderC = await order(c);
    const orderD = await order(d);
    await control.flush();
    const secondRun = [...(await jobsOf(orderC)), ...(await jobsOf(orderD))];
    const reused = secondRun.filter((j) => firstRun.some((f) => String(f.job_id) === String(j.job_id)));
    expect(reused.length).toBe(secondRun.length);
    for (const j of secondRun) await control.advance(j.job_id, 'approved');
    await reconcile();

    // The second run's orders complete, each entry with its own jobs' texts.
    for (const [documentId, o] of [
      [c, orderC],
      [d, orderD],
    ] as const) {
      expect((await orderRows(w.app, { id: o.id }))[0].status).toBe('completed');
      const title = (await jobsOf(o)).find((j) => j.body_src.startsWith('Ordering guide'));
      expect((await fr(documentId)).title).toBe((await control.job(title.job_id)).body_tgt);
      const rows = (await jobRows(w.app, { orderId: o.id })) as any[];
      expect(rows.every((r) => r.status === 'approved' && r.appliedStatus === 'approved')).toBe(true);
    }
    // A, finished in run 1, is left as it was: neither rewritten nor marked.
    expect(await fr(a)).toMatchObject({ title: writtenA.title, summary: writtenA.summary, body: writtenA.body });
    expect((await jobRows(w.app, { orderId: orderA.id })).every((r: any) => r.status === 'approved')).toBe(true);

    // B's jobs are not at this Gengo any more: every row an error saying so, shown in the order view.
    const view = await api().get(`/gengo/orders/${orderB.id}`);
    expect(view.status).toBe(200);
    expect(view.body.data.jobs.length).toBeGreaterThan(0);
    for (const job of view.body.data.jobs) {
      expect(job).toMatchObject({ status: 'error', gengoJobId: null });
      expect(job.lastError).toMatch(/^Gengo job \d+ is now another job .*order it again$/);
    }
    expect(await fr(b)).toBeNull();
    // Nothing at Gengo to act on or to poll for them any more: review says why, the poller leaves them.
    const review = await api().get(`/gengo/jobs/${view.body.data.jobs[0].id}`);
    expect(review.status).toBe(400);
    expect(review.body.error.message).toBe(view.body.data.jobs[0].lastError);
    await control.clearRequests();
    const again = await w.app.strapi.plugin('gengo').service('receiving').reconcile();
    expect(again).toMatchObject({ orders: 0, polled: 0, failed: 0 });
    expect(await control.requests()).toEqual([]);
  });
});
