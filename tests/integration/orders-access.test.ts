import crypto from 'crypto';
import { loginAdmin } from '../helpers/admin';
import { ARTICLE, createSourceArticle, startOrdersWorld, type OrdersWorld } from '../helpers/ordering-world';

/** Who may call the ordering side's routes; input validation; the read routes. */
describe('orders: permissions, validation and read routes', () => {
  let w: OrdersWorld;
  let documentId: string;
  let jobId: number;
  let orderId: number;

  beforeAll(async () => {
    w = await startOrdersWorld(500);
    documentId = await createSourceArticle(w.app);
    const res = await w.app
      .as(w.admin.token)
      .post('/gengo/orders')
      .send({ contentType: ARTICLE, documentId, targetLocales: ['fr', 'de'], fields: ['title', 'summary'] });
    expect(res.status).toBe(200);
    orderId = res.body.data.orders[0].id;
    jobId = (await w.app.strapi.db.query('plugin::gengo.job' as any).findOne({ where: { orderId } })).id;
  });
  afterAll(async () => {
    await w?.stop();
  });

  /** An admin whose role holds `actions`; `plugin::content-manager.*` ones on the article type. */
  const restrictedAdmin = async (actions: string[]) => {
    const roles = w.app.strapi.service('admin::role');
    const role = await roles.create({ name: `r-${crypto.randomBytes(4).toString('hex')}`, description: 'test' });
    if (actions.length)
      await roles.assignPermissions(
        role.id,
        actions.map((action) =>
          action.startsWith('plugin::content-manager.')
            ? {
                action,
                subject: ARTICLE,
                properties: { fields: ['title', 'summary'], locales: ['en', 'fr', 'de', 'ja'] },
                conditions: [],
              }
            : { action, subject: null, properties: {}, conditions: [] }
        )
      );
    const email = `r-${crypto.randomBytes(4).toString('hex')}@test.local`;
    const password = `Pw-${crypto.randomBytes(8).toString('hex')}`;
    await w.app.strapi.service('admin::user').create({
      email,
      password,
      firstname: 'r',
      lastname: 'T',
      isActive: true,
      registrationToken: null,
      roles: [role.id],
    });
    return { token: await loginAdmin(w.app, email, password) };
  };

  const routes = (): Array<[string, 'get' | 'post', string, Record<string, unknown>?]> => [
    ['order', 'post', '/gengo/quote', { contentType: ARTICLE, documentId, targetLocales: ['fr'] }],
    ['order', 'get', '/gengo/order-options'],
    ['order', 'get', '/gengo/account'],
    ['order', 'post', '/gengo/orders', { contentType: ARTICLE, documentId, targetLocales: ['ja'] }],
    ['read', 'get', '/gengo/orders'],
    ['read', 'get', `/gengo/orders/${orderId}`],
    ['read', 'get', `/gengo/document-status?contentType=${ARTICLE}&documentId=${documentId}`],
    ['read', 'get', `/gengo/jobs/${jobId}`],
    ['read', 'get', `/gengo/jobs/${jobId}/comments`],
    ['read', 'get', `/gengo/jobs/${jobId}/revisions`],
    ['read', 'get', `/gengo/jobs/${jobId}/revisions/1`],
    ['read', 'get', `/gengo/jobs/${jobId}/feedback`],
    ['read', 'get', `/gengo/jobs/${jobId}/machine-preview`],
    ['review', 'post', `/gengo/jobs/${jobId}/approve`, { rating: 5 }],
    ['review', 'post', `/gengo/jobs/${jobId}/revise`, { comment: 'x' }],
    ['review', 'post', `/gengo/jobs/${jobId}/reject`, { reason: 'other', comment: 'x', captcha: 'x' }],
    ['review', 'post', `/gengo/jobs/${jobId}/cancel`],
    ['review', 'post', `/gengo/jobs/${jobId}/comments`, { body: 'x' }],
  ];

  it('403 on every route without its action; 401 without a token; nothing reaches Gengo', async () => {
    const all = [
      'plugin::gengo.read',
      'plugin::gengo.order',
      'plugin::gengo.review',
      'plugin::content-manager.explorer.read',
    ];
    const before = (await w.control.requests()).length;
    for (const [action] of [['read'], ['order'], ['review']]) {
      const others = await restrictedAdmin(all.filter((a) => a !== `plugin::gengo.${action}`));
      for (const [needs, method, url, body] of routes()) {
        if (needs !== action) continue;
        const res = await w.app
          .as(others.token)
          [method](url)
          .send(body ?? {});
        expect([url, res.status]).toEqual([url, 403]);
      }
    }
    const none = await restrictedAdmin([]);
    for (const [, method, url, body] of routes()) {
      expect([
        url,
        (
          await w.app
            .as(none.token)
            [method](url)
            .send(body ?? {})
        ).status,
      ]).toEqual([url, 403]);
      expect([url, (await w.app.http[method](url).send(body ?? {})).status]).toEqual([url, 401]);
    }
    expect((await w.control.requests()).length).toBe(before);
  });

  it('quoting an entry needs the right to read its content type', async () => {
    const orderOnly = await restrictedAdmin(['plugin::gengo.order']);
    const res = await w.app
      .as(orderOnly.token)
      .post('/gengo/quote')
      .send({ contentType: ARTICLE, documentId, targetLocales: ['fr'] });
    expect(res.status).toBe(403);
    // Reading the source is not enough: the target locale must be writable too (permissions.test.ts).
    const reader = await restrictedAdmin(['plugin::gengo.order', 'plugin::content-manager.explorer.read']);
    expect(
      (
        await w.app
          .as(reader.token)
          .post('/gengo/quote')
          .send({ contentType: ARTICLE, documentId, targetLocales: ['fr'] })
      ).status
    ).toBe(403);
    const writer = await restrictedAdmin([
      'plugin::gengo.order',
      'plugin::content-manager.explorer.read',
      'plugin::content-manager.explorer.create',
    ]);
    expect(
      (
        await w.app
          .as(writer.token)
          .post('/gengo/quote')
          .send({ contentType: ARTICLE, documentId, targetLocales: ['fr'], fields: ['title', 'summary'] })
      ).status
    ).toBe(200);
  });

  it.each([
    [{ documentId: 'x', targetLocales: ['fr'] }, 'contentType'],
    [{ contentType: 'nope', documentId: 'x', targetLocales: ['fr'] }, 'contentType'],
    [{ contentType: 'api::nothing.nothing', documentId: 'x', targetLocales: ['fr'] }, 'contentType'],
    [{ contentType: ARTICLE, documentId: 'x', targetLocales: [] }, 'targetLocales'],
    [{ contentType: ARTICLE, documentId: 'x', targetLocales: ['xx'] }, 'targetLocales'],
    [{ contentType: ARTICLE, documentId: 'x', targetLocales: ['en'] }, 'targetLocales'],
    [{ contentType: ARTICLE, documentId: 'x', targetLocales: ['fr'], tier: 'ultra' }, 'tier'],
    [{ contentType: ARTICLE, documentId: 'x', targetLocales: ['fr'], fields: ['nofield'] }, 'fields'],
    [{ contentType: ARTICLE, documentId: 'x', targetLocales: ['fr'], extra: 1 }, ''],
  ])('quote %j → 400 on %s', async (body, field) => {
    const res = await w.app.as(w.admin.token).post('/gengo/quote').send(body);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    if (field) expect(res.body.error.details.errors.map((e: any) => e.path.join('.'))).toContain(field);
  });

  it('order-only options are validated; an unknown glossary is refused; a missing entry is 404', async () => {
    const api = () => w.app.as(w.admin.token).post('/gengo/orders');
    const base = { contentType: ARTICLE, documentId, targetLocales: ['ja'] };
    expect((await api().send({ ...base, glossaryId: 'x' })).status).toBe(400);
    expect((await api().send({ ...base, autoApprove: 'yes' })).status).toBe(400);
    const glossary = await api().send({ ...base, glossaryId: 987654 });
    expect(glossary.status).toBe(400);
    expect(glossary.body.error.message).toBe("Glossary 987654 is not one of the Gengo account's glossaries");
    const missing = await w.app
      .as(w.admin.token)
      .post('/gengo/quote')
      .send({ ...base, documentId: 'no-such-document' });
    expect(missing.status).toBe(404);
  });

  it('order options: tiers, defaults, the account glossaries and preferred translators, the balance', async () => {
    const res = await w.app.as(w.admin.token).get('/gengo/order-options');
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual(
      expect.objectContaining({
        tiers: ['standard', 'pro'],
        defaults: { tier: 'standard', autoApprove: false, asGroup: true, allowFork: true, usePreferred: false },
        glossaries: [expect.objectContaining({ id: expect.any(Number), title: expect.any(String) })],
        balance: { credits: expect.any(Number), currency: 'USD' },
        publicUrl: false,
      })
    );
    expect(res.body.data.budget.spentThisMonth).toBeGreaterThan(0);
    expect(Array.isArray(res.body.data.preferredTranslators)).toBe(true);
  });

  it('lists orders with filters and pagination, and one document status per locale', async () => {
    const api = () => w.app.as(w.admin.token);
    const list = await api().get(`/gengo/orders?contentType=${ARTICLE}&documentId=${documentId}&pageSize=1&page=2`);
    expect(list.status).toBe(200);
    expect(list.body.meta.pagination).toEqual({ page: 2, pageSize: 1, total: 2, pageCount: 2 });
    expect(list.body.data).toHaveLength(1);
    expect(list.body.data[0].segments[0]).toEqual({ key: 's0', kind: 'string', paths: ['title'] });
    expect(JSON.stringify(list.body)).not.toContain('"protected"');
    expect((await api().get('/gengo/orders?status=failed&documentId=' + documentId)).body.data).toEqual([]);
    expect((await api().get('/gengo/orders?status=nope')).status).toBe(400);

    const one = await api().get(`/gengo/orders/${orderId}`);
    expect(one.status).toBe(200);
    expect(one.body.data.jobs).toHaveLength(2);
    expect((await api().get('/gengo/orders/99999')).status).toBe(404);

    const status = await api().get(`/gengo/document-status?contentType=${ARTICLE}&documentId=${documentId}`);
    expect(status.status).toBe(200);
    expect(status.body.data.locales.map((l: any) => [l.locale, l.status])).toEqual([
      ['de', 'placed'],
      ['fr', 'placed'],
    ]);
    expect(status.body.data.locales[0].latest.jobs).toHaveLength(2);
    expect(Object.values(status.body.data.locales[0].jobs).reduce((a: number, b: any) => a + b, 0)).toBe(2);
    expect((await api().get('/gengo/document-status?contentType=' + ARTICLE)).status).toBe(400);
  });

  it("lists each order with its entry's title, only to admins who may read that type", async () => {
    const title = (await w.app.strapi.documents(ARTICLE as any).findOne({ documentId, locale: 'en' }))!.title;
    const list = await w.app.as(w.admin.token).get(`/gengo/orders?documentId=${documentId}`);
    expect(list.body.data.map((o: any) => o.entryTitle)).toEqual([title, title]);
    // Without the right to read the type, the list (titles included) is refused (permissions.test.ts).
    const blind = await restrictedAdmin(['plugin::gengo.read']);
    expect((await w.app.as(blind.token).get(`/gengo/orders?documentId=${documentId}`)).status).toBe(403);
    const reader = await restrictedAdmin(['plugin::gengo.read', 'plugin::content-manager.explorer.read']);
    const shown = await w.app.as(reader.token).get(`/gengo/orders?documentId=${documentId}`);
    expect(shown.body.data.map((o: any) => o.entryTitle)).toEqual([title, title]);
  });

  it("the account: Gengo's balance and the credits spent (account/stats)", async () => {
    const res = await w.app.as(w.admin.token).get('/gengo/account');
    expect(res.status).toBe(200);
    const spent = (
      await w.app.strapi.db.query('plugin::gengo.order' as any).findMany({ where: { status: { $ne: 'failed' } } })
    ).reduce((sum: number, o: any) => sum + Number(o.credits ?? 0), 0);
    expect(spent).toBeGreaterThan(0);
    expect(res.body.data.spent.credits).toBeCloseTo(spent, 2);
    expect(res.body.data.balance.credits).toBeCloseTo(500 - spent, 2);
    expect(res.body.data.balance.currency).toBe('USD');
  });
});
