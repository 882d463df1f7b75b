import { asPluginWrite } from '../../server/src/platform/plugin-writes';
import { createApiToken, createRestrictedAdmin } from '../helpers/admin';
import {
  ARTICLE,
  createSourceArticle,
  orderRows,
  postJobsCount,
  startOrdersWorld,
  type OrdersWorld,
} from '../helpers/ordering-world';

/** Translate on publish (issue #6): rules, orders out of band, only what changed, no loops, failures recorded. */
describe('translate on publish', () => {
  let w: OrdersWorld;
  beforeAll(async () => {
    w = await startOrdersWorld(500);
  });
  afterAll(async () => {
    await w?.stop();
  });
  beforeEach(async () => {
    await w.control.clearFaults();
    await w.control.setBalance(500);
    const res = await api()
      .put('/gengo/publish-rules')
      .send({ rules: [{ contentType: ARTICLE, locales: ['fr', 'de'], tier: 'standard', comment: 'Rule note' }] });
    expect(res.status).toBe(200);
  });

  const api = () => w.app.as(w.admin.token);
  const docs = () => w.app.strapi.documents(ARTICLE as any);
  const trigger = () => w.app.strapi.plugin('gengo').service('publishing');
  const settled = () => trigger().settled();
  const publish = (documentId: string, locale = 'en') => docs().publish({ documentId, locale } as any);
  const ordersOf = (documentId: string) => orderRows(w.app, { targetDocumentId: documentId });

  it('rules: validated, stored, read back', async () => {
    const read = await api().get('/gengo/publish-rules');
    expect(read.status).toBe(200);
    expect(read.body.data.rules).toEqual([
      {
        contentType: ARTICLE,
        enabled: true,
        locales: ['fr', 'de'],
        tier: 'standard',
        autoApprove: null,
        comment: 'Rule note',
        sourceLocale: null,
        triggers: ['admin'],
        fixed: false,
      },
    ]);
    const bad = async (rule: Record<string, unknown>, message: RegExp) => {
      const res = await api()
        .put('/gengo/publish-rules')
        .send({ rules: [{ contentType: ARTICLE, locales: ['fr'], ...rule }] });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
    };
    await bad({ contentType: 'api::nope.nope' }, /Unknown content type/);
    await bad({ contentType: 'plugin::gengo.order' }, /Unknown content type/);
    await bad({ locales: ['xx'] }, /Locale "xx" does not exist/);
    await bad({ tier: 'ultra' }, /tier/);
    await bad({ extra: 1 }, /unknown field/);
    await bad({ sourceLocale: 'fr' }, /source locale/);
    await bad({ triggers: ['cron'] }, /triggers/);
    await bad({ triggers: [] }, /triggers/);
    expect((await api().put('/gengo/publish-rules').send([])).status).toBe(400);
    // Nothing of the refused updates was stored.
    expect((await api().get('/gengo/publish-rules')).body.data.rules[0].locales).toEqual(['fr', 'de']);
  });

  it('content-API writes order only where the rule opts in (triggers: ["admin", "api"]); admin publishes do by default', async () => {
    const token = await createApiToken(w.app);
    const createViaApi = async (label: string) => {
      const res = await w.app.http
        .post('/api/articles?locale=en')
        .set('Authorization', `Bearer ${token}`)
        .send({ data: { title: `API article ${label}`, summary: `Written by an API client ${label}.` } });
      expect(res.status).toBe(201);
      await settled();
      return res.body.data.documentId as string;
    };
    const before = await postJobsCount(w.control);
    const quiet = await createViaApi('default-rule');
    expect(await ordersOf(quiet)).toEqual([]);
    expect(await postJobsCount(w.control)).toBe(before);

    // The same document published from the content manager orders.
    const cm = await api()
      .post(`/content-manager/collection-types/${ARTICLE}/${quiet}/actions/publish?locale=en`)
      .send({});
    expect(cm.status).toBe(200);
    await settled();
    expect((await ordersOf(quiet)).map((o: any) => o.targetLocale).sort()).toEqual(['de', 'fr']);

    const optIn = await api()
      .put('/gengo/publish-rules')
      .send({ rules: [{ contentType: ARTICLE, locales: ['fr'], triggers: ['admin', 'api'] }] });
    expect(optIn.status).toBe(200);
    expect(optIn.body.data.rules[0].triggers).toEqual(['admin', 'api']);
    const ordered = await createViaApi('opted-in');
    expect((await ordersOf(ordered)).map((o: any) => [o.targetLocale, o.status])).toEqual([['fr', 'placed']]);
  });

  it('rules need settings.read to read and settings.update to change', async () => {
    const reader = await createRestrictedAdmin(w.app, ['plugin::gengo.settings.read']);
    const nobody = await createRestrictedAdmin(w.app, ['plugin::gengo.read']);
    const body = { rules: [{ contentType: ARTICLE, locales: ['ja'] }] };
    expect((await w.app.as(nobody.token).get('/gengo/publish-rules')).status).toBe(403);
    expect((await w.app.as(reader.token).get('/gengo/publish-rules')).status).toBe(200);
    expect((await w.app.as(reader.token).put('/gengo/publish-rules').send(body)).status).toBe(403);
    expect((await w.app.as(nobody.token).put('/gengo/publish-rules').send(body)).status).toBe(403);
    expect((await api().get('/gengo/publish-rules')).body.data.rules[0].locales).toEqual(['fr', 'de']);
  });

  it("publishing a ruled article orders exactly the rule's locales; again unchanged orders nothing", async () => {
    const documentId = await createSourceArticle(w.app);
    await settled();
    expect(await ordersOf(documentId)).toHaveLength(0); // a draft is not a publish
    const before = await postJobsCount(w.control);

    await publish(documentId);
    await settled();
    const rows = await ordersOf(documentId);
    expect(rows.map((r: any) => [r.targetLocale, r.status, r.orderedByName, r.orderedById])).toEqual([
      ['fr', 'placed', 'translate on publish', null],
      ['de', 'placed', 'translate on publish', null],
    ]);
    expect(rows[0].options.comment).toMatch(/Rule note$/);
    expect(rows[0].segments.length).toBeGreaterThanOrEqual(7);
    expect(await postJobsCount(w.control)).toBe(before + 2);

    await publish(documentId);
    await settled();
    expect(await ordersOf(documentId)).toHaveLength(2);
    expect(await postJobsCount(w.control)).toBe(before + 2);
  });

  it('changing one field orders that one segment per locale', async () => {
    const documentId = await createSourceArticle(w.app);
    await publish(documentId);
    await settled();
    await docs().update({ documentId, locale: 'en', data: { title: 'A brand new title' } } as any);
    await settled();
    expect(await ordersOf(documentId)).toHaveLength(2); // a draft edit is not a publish
    await publish(documentId);
    await settled();
    const rows = await ordersOf(documentId);
    expect(rows).toHaveLength(4);
    for (const row of rows.slice(2)) {
      expect(row.segments.map((s: any) => s.paths)).toEqual([['title']]);
      expect(row.status).toBe('placed');
    }
    expect(rows.slice(2).map((r: any) => r.targetLocale)).toEqual(['fr', 'de']);
  });

  it('create and update with status published order too; a rule turned off orders nothing', async () => {
    const created = await docs().create({
      locale: 'en',
      status: 'published',
      data: { title: 'Published at once xq1' },
    } as any);
    await settled();
    expect((await ordersOf(created.documentId)).map((r: any) => r.targetLocale)).toEqual(['fr', 'de']);
    await docs().update({
      documentId: created.documentId,
      locale: 'en',
      status: 'published',
      data: { title: 'Published again xq2' },
    } as any);
    await settled();
    expect(await ordersOf(created.documentId)).toHaveLength(4);

    await api()
      .put('/gengo/publish-rules')
      .send({ rules: [{ contentType: ARTICLE, enabled: false, locales: ['fr'] }] });
    const off = await createSourceArticle(w.app);
    await publish(off);
    await settled();
    expect(await ordersOf(off)).toHaveLength(0);
  });

  it('publishing twice in quick succession orders once', async () => {
    const documentId = await createSourceArticle(w.app);
    const before = await postJobsCount(w.control);
    await Promise.all([publish(documentId), publish(documentId)]);
    await publish(documentId);
    await settled();
    expect((await ordersOf(documentId)).map((r: any) => r.targetLocale)).toEqual(['fr', 'de']);
    expect(await postJobsCount(w.control)).toBe(before + 2);
  });

  it("the plugin's own writes into target locales order nothing", async () => {
    const documentId = await createSourceArticle(w.app);
    await publish(documentId);
    await settled();
    const before = await postJobsCount(w.control);
    // The translations come back and are written into fr and de by the plugin (reconcile → apply).
    await w.control.flush();
    const rows = await ordersOf(documentId);
    for (const job of await w.control.jobs()) {
      if (rows.some((r: any) => r.gengoOrderId === String(job.order_id)))
        await w.control.advance(job.job_id, 'approved');
    }
    await w.app.strapi.plugin('gengo').service('receiving').reconcile();
    await w.app.strapi.plugin('gengo').service('receiving').idle();
    await settled();
    const fr = await docs().findOne({ documentId, locale: 'fr' } as any);
    expect(fr?.title).toBeTruthy();
    // A person publishing a target locale is not a source publish either.
    await publish(documentId, 'fr');
    // Flagged plugin writes never order, even one publishing every locale.
    await asPluginWrite(() => docs().publish({ documentId, locale: '*' } as any));
    await docs().update({ documentId, locale: 'en', data: { title: 'Changed source xq3' } } as any);
    await asPluginWrite(() => docs().publish({ documentId, locale: 'en' } as any));
    await settled();
    expect(await ordersOf(documentId)).toHaveLength(2);
    expect(await postJobsCount(w.control)).toBe(before);
  });

  it('publish succeeds while Gengo is down; the failure is recorded and the next publish orders', async () => {
    const documentId = await createSourceArticle(w.app);
    await w.control.fault({ status: 503 });
    const started = Date.now();
    const published = await publish(documentId);
    // Gengo answers 503 to everything: the client retries for seconds, the publish does not wait for it.
    expect(Date.now() - started).toBeLessThan(3000);
    expect(published.entries.length).toBeGreaterThan(0);
    expect(await docs().findOne({ documentId, locale: 'en', status: 'published' } as any)).toBeTruthy();
    await settled();
    const failed = await ordersOf(documentId);
    expect(failed.map((r: any) => [r.targetLocale, r.status, r.orderedByName])).toEqual([
      ['fr', 'failed', 'translate on publish'],
      ['de', 'failed', 'translate on publish'],
    ]);
    for (const row of failed) expect(row.lastError).toBeTruthy();
    // Shown by the orders API.
    const listed = await api().get('/gengo/orders').query({ documentId });
    expect(listed.status).toBe(200);
    expect(JSON.stringify(listed.body)).toContain('failed');

    await w.control.clearFaults();
    await publish(documentId);
    await settled();
    expect(
      (await ordersOf(documentId)).filter((r: any) => r.status === 'placed').map((r: any) => r.targetLocale)
    ).toEqual(['fr', 'de']);
  });

  it('republishing unchanged content while Gengo is down orders nothing and records nothing', async () => {
    const documentId = await createSourceArticle(w.app);
    await publish(documentId);
    await settled();
    expect((await ordersOf(documentId)).map((r: any) => r.status)).toEqual(['placed', 'placed']);
    // The ordering side's calls (the receiving side may still be reading the jobs it was told of).
    const orderingCalls = async () =>
      (await w.control.requests()).filter((q) => !(q.method === 'GET' && q.path.includes('/translate/job'))).length;
    const calls = await orderingCalls();
    await w.control.fault({ status: 503 });
    await publish(documentId);
    await settled();
    expect((await ordersOf(documentId)).map((r: any) => r.status)).toEqual(['placed', 'placed']);
    // What changed is known from our own rows: Gengo was not asked anything.
    expect(await orderingCalls()).toBe(calls);
  });

  it("Gengo's refusal or an ambiguous POST: recorded per locale, the rest marked not attempted, the next publish orders only those", async () => {
    const refusal = JSON.stringify({ opstat: 'error', err: { code: 2700, msg: 'Not enough credits - please top up' } });
    const refused = await createSourceArticle(w.app);
    await w.control.fault({
      path: 'translate/jobs',
      method: 'POST',
      status: 200,
      contentType: 'application/json',
      body: refusal,
      count: 1,
    });
    await publish(refused);
    await settled();
    expect((await ordersOf(refused)).map((r: any) => [r.targetLocale, r.status, r.lastError])).toEqual([
      ['fr', 'failed', 'Not enough credits - please top up'],
      ['de', 'failed', 'Not attempted: Gengo refused the order for fr'],
    ]);

    const ambiguous = await createSourceArticle(w.app);
    const posts = await postJobsCount(w.control);
    await w.control.fault({ path: 'translate/jobs', method: 'POST', status: 502, count: 1 });
    await publish(ambiguous);
    await settled();
    expect((await ordersOf(ambiguous)).map((r: any) => [r.targetLocale, r.status])).toEqual([
      ['fr', 'ambiguous'],
      ['de', 'failed'],
    ]);
    expect(await postJobsCount(w.control)).toBe(posts + 1);
    // Publishing again never re-posts the ambiguous fr order; de, which failed, is ordered now.
    await publish(ambiguous);
    await settled();
    expect((await ordersOf(ambiguous)).map((r: any) => [r.targetLocale, r.status])).toEqual([
      ['fr', 'ambiguous'],
      ['de', 'failed'],
      ['de', 'placed'],
    ]);
    expect(await postJobsCount(w.control)).toBe(posts + 2);
  });

  it('a publish over the budget cap is refused and recorded', async () => {
    await w.app.strapi.plugin('gengo').service('settings').update({ budgetPerOrder: 0.01 });
    try {
      const documentId = await createSourceArticle(w.app);
      const before = await postJobsCount(w.control);
      await publish(documentId);
      await settled();
      const rows = await ordersOf(documentId);
      expect(rows.map((r: any) => r.status)).toEqual(['failed', 'failed']);
      expect(rows[0].lastError).toMatch(/budget|cap|limit/i);
      expect(await postJobsCount(w.control)).toBe(before);
    } finally {
      await w.app.strapi.store({ type: 'plugin', name: 'gengo', key: 'settings' }).delete({});
    }
  });
});
