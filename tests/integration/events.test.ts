import http from 'http';
import type { AddressInfo } from 'net';
import { GENGO_EVENTS } from '../../shared/contracts/events';
import { createSuperAdmin, type AdminSession } from '../helpers/admin';
import { findArticle, settle, startReceiving, waitFor, type Receiving } from '../helpers/orders';
import { ARTICLE, jobRows } from '../helpers/ordering-world';
import { form, postCallback } from '../reliability/world';
import { createLeakWatch } from '../helpers/leak-watch';

type Delivery = { event: string; createdAt: string; [key: string]: any };

/**
 * The plugin's events for the site's own code, as a site receives them: a webhook registered
 * through Strapi's admin API (what Settings → Webhooks calls) pointing at a real HTTP receiver.
 * Each transition arrives once, with ids, locales and field paths, never a field's text.
 */
describe('events: gengo.* webhooks, once per transition', () => {
  let r: Receiving;
  let admin: AdminSession;
  let receiver: http.Server;
  const received: Delivery[] = [];
  /** The entry of the full flow, all of it approved by the end of that test. */
  let approvedEntry: string;

  beforeAll(async () => {
    receiver = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push(JSON.parse(body));
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', () => resolve()));
    r = await startReceiving();
    admin = await createSuperAdmin(r.app);
  });
  afterAll(async () => {
    await r?.stop();
    await new Promise((resolve) => receiver?.close(resolve));
  });

  const api = () => r.app.as(admin.token);
  const receiverUrl = () => `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  const of = (event: string, orderId?: number) =>
    received.filter((d) => d.event === event && (orderId === undefined || d.orderId === orderId));
  /** Webhooks go out through Strapi's queue: let every delivery in flight arrive before counting. */
  const quiet = async () => {
    let n = -1;
    while (n !== received.length) {
      n = received.length;
      await new Promise((res) => setTimeout(res, 400));
    }
  };

  const createArticle = async (label: string) =>
    (
      await r.app.strapi.documents(ARTICLE as any).create({
        locale: 'en',
        data: { title: `Events title ${label}`, summary: `Events summary ${label}`, slug: `events-${label}` } as any,
      })
    ).documentId as string;

  const placeOrder = async (documentId: string) => {
    const res = await api()
      .post('/gengo/orders')
      .send({ contentType: ARTICLE, documentId, targetLocales: ['fr'] });
    expect(res.status).toBe(200);
    return res.body.data.orders[0] as { id: number; reference: string; status: string };
  };

  const gengoJobsOf = async (reference: string) =>
    (await r.control.jobs()).filter((j: any) => String(j.custom_data ?? '').includes(reference));

  it('the events are webhook events: a webhook may name them, an unknown gengo event is refused', async () => {
    const bad = await api()
      .post('/admin/webhooks')
      .send({ name: 'nope', url: receiverUrl(), headers: {}, events: ['gengo.order.nope'] });
    expect(bad.status).toBe(400);
    const res = await api()
      .post('/admin/webhooks')
      .send({ name: 'site rebuild', url: receiverUrl(), headers: {}, events: Object.values(GENGO_EVENTS) });
    expect(res.status).toBe(201);
    expect(res.body.data.events).toEqual(Object.values(GENGO_EVENTS));
  });

  it('placed → reviewable → approved → applied: each once, with ids and field paths, no text', async () => {
    const documentId = await createArticle('flow');
    approvedEntry = documentId;
    const order = await placeOrder(documentId);
    await waitFor('order.placed', async () => of('gengo.order.placed', order.id).length > 0);
    const [placed] = of('gengo.order.placed', order.id);
    expect(placed).toMatchObject({
      event: 'gengo.order.placed',
      reference: order.reference,
      contentType: ARTICLE,
      documentId,
      sourceLocale: 'en',
      targetLocale: 'fr',
      orderedById: admin.user.id,
    });
    expect(placed.fields).toEqual(expect.arrayContaining(['title', 'summary']));
    expect(placed.credits).toBeGreaterThan(0);
    const rows = await jobRows(r.app, { orderId: order.id });
    expect(placed.jobCount).toBe(rows.length);

    // Gengo's callbacks (the emulator sends them to the callback URL).
    const jobs = await gengoJobsOf(order.reference);
    for (const j of jobs) await r.control.advance(j.job_id, 'reviewable');
    await settle(r);
    await waitFor('applied (reviewable)', async () => of('gengo.translation.applied', order.id).length >= 1);
    await quiet();
    const reviewable = of('gengo.job.reviewable', order.id);
    expect(reviewable.map((d) => d.jobId).sort()).toEqual(rows.map((row: any) => row.id).sort());
    for (const d of reviewable) {
      const row = rows.find((x: any) => x.id === d.jobId);
      expect(d).toMatchObject({ documentId, targetLocale: 'fr', segmentKey: row.segmentKey, chunkIndex: 0 });
      expect(d.gengoJobId).toMatch(/^\d+$/);
      expect(d.fields.length).toBeGreaterThan(0);
    }
    const appliedReviewable = of('gengo.translation.applied', order.id);
    expect(appliedReviewable.every((d) => d.status === 'reviewable')).toBe(true);
    expect(appliedReviewable.flatMap((d) => d.fields).sort()).toEqual([...placed.fields].sort());

    // The same callbacks again (Gengo retries, proxies duplicate), and the poller: nothing new.
    const watch = createLeakWatch('unused-secret');
    const callbackUrl = await r.app.strapi.plugin('gengo').service('receiving').callbackUrl();
    for (const j of jobs) {
      const { captcha: _c, comments: _m, revisions: _r, ...asSent } = (await r.control.job(j.job_id)) as any;
      for (let i = 0; i < 3; i++)
        expect((await postCallback(watch, callbackUrl, form('job', asSent))).status).toBe(200);
    }
    await settle(r);
    await r.app.strapi.plugin('gengo').service('receiving').reconcile();
    await quiet();
    expect(of('gengo.job.reviewable', order.id)).toHaveLength(rows.length);
    expect(of('gengo.translation.applied', order.id)).toHaveLength(appliedReviewable.length);

    // A reviewer approves one job through the plugin; Gengo approves the rest.
    const approve = await api().post(`/gengo/jobs/${rows[0].id}/approve`).send({});
    expect(approve.status).toBe(200);
    for (const j of jobs.slice(1)) await r.control.advance(j.job_id, 'approved');
    await settle(r);
    await waitFor('all approved', async () => of('gengo.job.approved', order.id).length >= rows.length);
    await quiet();
    expect(
      of('gengo.job.approved', order.id)
        .map((d) => d.jobId)
        .sort()
    ).toEqual(rows.map((row: any) => row.id).sort());
    const appliedApproved = of('gengo.translation.applied', order.id).filter((d) => d.status === 'approved');
    expect(appliedApproved.flatMap((d) => d.fields).sort()).toEqual([...placed.fields].sort());

    // No field text, in either language, in anything a webhook received.
    const fr = await findArticle(r.app.strapi, documentId, 'fr');
    const all = JSON.stringify(received);
    for (const text of ['Events title flow', 'Events summary flow', fr.title, fr.summary])
      expect(all).not.toContain(text);
    expect(all).not.toContain(r.emu.privateKey);
  });

  it('ordered again, Gengo answers with its approved jobs at once: each new row announced approved once', async () => {
    // The translation memory would reuse the approved text without asking Gengo: cleared, so that
    // Gengo's own answer (its approved jobs, at once) is what this test sees.
    const cleared = await api().delete('/gengo/memory').query({ sourceLang: 'en', targetLang: 'fr' });
    expect(cleared.status).toBe(200);
    const res = await api()
      .post('/gengo/orders')
      .send({
        contentType: ARTICLE,
        documentId: approvedEntry,
        targetLocales: ['fr'],
        idempotencyKey: 'order-again-1',
      });
    expect([res.status, res.body.error?.message]).toEqual([200, undefined]);
    const order = res.body.data.orders[0];
    expect(order).toMatchObject({ status: 'placed', credits: 0 });
    await r.app.strapi.plugin('gengo').service('ordering').settled();
    await settle(r);
    const rows = await jobRows(r.app, { orderId: order.id });
    expect(rows.every((row: any) => row.gengoStatus === 'approved')).toBe(true);
    await waitFor('approved at once', async () => of('gengo.job.approved', order.id).length >= rows.length);
    await quiet();
    expect(of('gengo.order.placed', order.id)).toHaveLength(1);
    expect(
      of('gengo.job.approved', order.id)
        .map((d) => d.jobId)
        .sort()
    ).toEqual(rows.map((row: any) => row.id).sort());
    expect(of('gengo.job.reviewable', order.id)).toEqual([]);
  });

  it("a callback overtakes the POST's answer: gengo.order.placed once, the answer's figures kept", async () => {
    const documentId = await createArticle('overtaken');
    // Gengo creates the jobs, then its answer takes 2 s: the callback comes first.
    await r.control.fault({ path: 'translate/jobs', method: 'POST', afterHandling: true, latencyMs: 2000, count: 1 });
    const placing = api()
      .post('/gengo/orders')
      .send({ contentType: ARTICLE, documentId, targetLocales: ['fr'] });
    const pending = placing.then((res) => res); // supertest sends on then()
    const [row] = await waitFor('the order recorded', async () => {
      const found = await r.app.strapi.db
        .query('plugin::gengo.order' as any)
        .findMany({ where: { targetDocumentId: documentId } });
      return found.length ? found : undefined;
    });
    const jobs = await waitFor('jobs at Gengo', async () => {
      const list = await gengoJobsOf(row.reference);
      return list.length ? list : undefined;
    });
    const watch = createLeakWatch('unused-secret');
    const callbackUrl = await r.app.strapi.plugin('gengo').service('receiving').callbackUrl();
    const { captcha: _c, comments: _m, revisions: _r, ...asSent } = (await r.control.job(jobs[0].job_id)) as any;
    expect((await postCallback(watch, callbackUrl, form('job', asSent))).status).toBe(200);
    await settle(r);
    await waitFor('placed by the callback', async () => of('gengo.order.placed', row.id).length > 0);
    const res = await pending;
    expect(res.status).toBe(200);
    await quiet();
    expect(of('gengo.order.placed', row.id)).toHaveLength(1);
    const order = await r.app.strapi.db.query('plugin::gengo.order' as any).findOne({ where: { id: row.id } });
    expect(order).toMatchObject({ status: 'placed', gengoOrderId: String(jobs[0].order_id) });
    expect(Number(order.credits)).toBeGreaterThan(0);
    expect(order.history.filter((h: any) => h.status === 'placed')).toHaveLength(1);
  });

  it('a refused order: gengo.order.failed with the reason, once', async () => {
    const documentId = await createArticle('failed');
    await r.control.fault({
      path: 'translate/jobs',
      method: 'POST',
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ opstat: 'error', err: { code: 2700, msg: 'Not enough credits - please top up' } }),
      count: 1,
    });
    const res = await api()
      .post('/gengo/orders')
      .send({ contentType: ARTICLE, documentId, targetLocales: ['fr'] });
    expect(res.status).toBe(400);
    await waitFor('order.failed', async () => received.some((d) => d.event === 'gengo.order.failed'));
    await quiet();
    const failed = received.filter((d) => d.event === 'gengo.order.failed' && d.documentId === documentId);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ targetLocale: 'fr', reason: 'Not enough credits - please top up' });
    expect(received.filter((d) => d.event === 'gengo.order.placed' && d.documentId === documentId)).toEqual([]);
  });

  /** Gengo's listing of recent jobs answers empty: the POST's own look-up by reference finds nothing. */
  const listingFindsNothing = () =>
    r.control.fault({
      path: 'translate/jobs',
      method: 'GET',
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ opstat: 'ok', response: [] }),
    });
  const orderRow = (id: number) =>
    r.app.strapi.db.query('plugin::gengo.order' as any).findOne({ where: { id } }) as Promise<any>;
  const reconcile = () => r.app.strapi.plugin('gengo').service('receiving').reconcile();

  it("an order whose answer was lost, found by Gengo's callback while the POST still looks: placed once, never set back", async () => {
    const documentId = await createArticle('found-later');
    // Gengo creates the order, the answer is lost, and the look-ups after it find nothing; the
    // emulator's callback for a job of it (sent as each job becomes available) comes meanwhile.
    await r.control.fault({ path: 'translate/jobs', method: 'POST', status: 502, afterHandling: true, count: 1 });
    await listingFindsNothing();
    let order: { id: number; reference: string; status: string };
    try {
      order = await placeOrder(documentId);
    } finally {
      await r.control.clearFaults();
    }
    // Not set back to `ambiguous` by the POST's outcome: the callback's `placed` stands.
    expect(order.status).toBe('placed');
    await waitFor('placed when found', async () => of('gengo.order.placed', order.id).length > 0);
    const row = await orderRow(order.id);
    expect(row.status).toBe('placed');
    expect(row.history.filter((h: any) => h.status === 'placed')).toEqual([
      expect.objectContaining({ note: expect.stringMatching(/found at Gengo/) }),
    ]);
    expect(row.history.map((h: any) => h.status)).not.toContain('ambiguous');
    // Found again (another run), and Gengo's callbacks for its jobs: still announced once.
    await reconcile();
    const watch = createLeakWatch('unused-secret');
    const callbackUrl = await r.app.strapi.plugin('gengo').service('receiving').callbackUrl();
    for (const j of await gengoJobsOf(order.reference)) {
      const { captcha: _c, comments: _m, revisions: _r, ...asSent } = (await r.control.job(j.job_id)) as any;
      expect((await postCallback(watch, callbackUrl, form('job', asSent))).status).toBe(200);
    }
    await settle(r);
    await quiet();
    const placed = of('gengo.order.placed', order.id);
    expect(placed).toHaveLength(1);
    expect(placed[0]).toMatchObject({ reference: order.reference, documentId, gengoOrderId: row.gengoOrderId });
    expect(row.gengoOrderId).toMatch(/^\d+$/);
    expect(of('gengo.order.failed', order.id)).toEqual([]);
  });

  it('an order Gengo never received: gengo.order.failed once, 30 minutes after it was sent', async () => {
    const documentId = await createArticle('never-received');
    // A 502 before Gengo handled the POST: nothing created, and the look-up finds nothing.
    await r.control.fault({ path: 'translate/jobs', method: 'POST', status: 502, count: 1 });
    const order = await placeOrder(documentId);
    expect(order.status).toBe('ambiguous');
    // Too early to decide: Gengo may still be creating the jobs.
    await reconcile();
    await quiet();
    expect(of('gengo.order.failed', order.id)).toEqual([]);
    expect((await orderRow(order.id)).status).toBe('ambiguous');

    await r.app.strapi.db
      .connection('gengo_orders')
      .where({ id: order.id })
      .update({ submitted_at: new Date(Date.now() - 31 * 60 * 1000) });
    await reconcile();
    await waitFor('order.failed', async () => of('gengo.order.failed', order.id).length > 0);
    await reconcile();
    await quiet();
    const failed = of('gengo.order.failed', order.id);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ reference: order.reference, documentId, targetLocale: 'fr' });
    expect(failed[0].reason).toMatch(/Gengo has no job of this order 3\d minutes after it was sent/);
    expect((await orderRow(order.id)).status).toBe('failed');
    expect(of('gengo.order.placed', order.id)).toEqual([]);
  });

  it('an order above the budget cap: gengo.budget.exceeded with cost and reason, nothing placed', async () => {
    const documentId = await createArticle('budget');
    expect((await api().put('/gengo/settings').send({ budgetPerOrder: 0.01 })).status).toBe(200);
    try {
      const res = await api()
        .post('/gengo/orders')
        .send({ contentType: ARTICLE, documentId, targetLocales: ['fr'] });
      expect(res.status).toBe(400);
      await waitFor('budget.exceeded', async () => received.some((d) => d.event === 'gengo.budget.exceeded'));
      await quiet();
      const exceeded = received.filter((d) => d.event === 'gengo.budget.exceeded');
      expect(exceeded).toHaveLength(1);
      expect(exceeded[0]).toMatchObject({
        contentType: ARTICLE,
        documentId,
        sourceLocale: 'en',
        targetLocales: ['fr'],
        reason: 'order-cap',
        userId: admin.user.id,
      });
      expect(exceeded[0].cost).toBeGreaterThan(0.01);
      expect(received.filter((d) => d.documentId === documentId && d.event.startsWith('gengo.order'))).toEqual([]);
    } finally {
      await api().put('/gengo/settings').send({ budgetPerOrder: null });
    }
  });

  it('a bulk order above the monthly cap: gengo.budget.exceeded for the selection, no documentId', async () => {
    const ids = [await createArticle('bulk-a'), await createArticle('bulk-b')];
    expect((await api().put('/gengo/settings').send({ budgetPerMonth: 0.01 })).status).toBe(200);
    try {
      const res = await api()
        .post('/gengo/bulk')
        .send({ contentType: ARTICLE, documentIds: ids, targetLocales: ['fr'] });
      expect(res.status).toBe(400);
      await waitFor('bulk budget.exceeded', async () => of('gengo.budget.exceeded').length >= 2);
      await quiet();
      const exceeded = of('gengo.budget.exceeded');
      expect(exceeded).toHaveLength(2);
      expect(exceeded[1]).toMatchObject({
        contentType: ARTICLE,
        documentId: null,
        documents: 2,
        targetLocales: ['fr'],
        reason: 'month-cap',
        userId: admin.user.id,
      });
      expect(exceeded[1].cost).toBeGreaterThan(0);
    } finally {
      await api().put('/gengo/settings').send({ budgetPerMonth: null });
    }
  });

  it("a person's text in the target: gengo.job.conflict once, not repeated by a duplicated callback", async () => {
    const documentId = await createArticle('conflict');
    const order = await placeOrder(documentId);
    // A person writes the French title while the translation is at Gengo.
    await r.app.strapi.documents(ARTICLE as any).update({
      documentId,
      locale: 'fr',
      data: { title: 'Mon titre à moi', slug: 'events-conflict-fr' } as any,
    });
    const jobs = await gengoJobsOf(order.reference);
    for (const j of jobs) await r.control.advance(j.job_id, 'reviewable');
    await settle(r);
    await waitFor('conflict', async () => of('gengo.job.conflict', order.id).length > 0);
    const rows = await jobRows(r.app, { orderId: order.id });
    const conflicted = rows.filter((row: any) => row.status === 'conflict');
    expect(conflicted.length).toBeGreaterThan(0);

    const watch = createLeakWatch('unused-secret');
    const callbackUrl = await r.app.strapi.plugin('gengo').service('receiving').callbackUrl();
    for (const j of jobs) {
      const { captcha: _c, comments: _m, revisions: _r, ...asSent } = (await r.control.job(j.job_id)) as any;
      expect((await postCallback(watch, callbackUrl, form('job', asSent))).status).toBe(200);
    }
    await settle(r);
    await quiet();
    const conflicts = of('gengo.job.conflict', order.id);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ documentId, targetLocale: 'fr', jobIds: conflicted.map((x: any) => x.id) });
    expect(conflicts[0].fields).toContain('title');
    // The other segment was written; the person's title was not, and is in no event.
    expect(of('gengo.translation.applied', order.id).flatMap((d) => d.fields)).not.toContain('title');
    expect(JSON.stringify(received)).not.toContain('Mon titre à moi');
    expect((await findArticle(r.app.strapi, documentId, 'fr')).title).toBe('Mon titre à moi');
  });
});
