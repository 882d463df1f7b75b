import { createRestrictedAdmin, type Grant } from '../helpers/admin';
import { ARTICLE, createSourceArticle, startOrdersWorld, type OrdersWorld } from '../helpers/ordering-world';

/**
 * Strapi's permissions are ours (issue 18, item 5): what the content manager refuses a user, the
 * plugin refuses too, checked with the content manager's own permission checker, before any Gengo call.
 */
describe("permissions: the content manager's rules, before any Gengo call", () => {
  let w: OrdersWorld;
  let documentId: string;

  beforeAll(async () => {
    w = await startOrdersWorld(500);
    documentId = await createSourceArticle(w.app);
  });
  afterAll(async () => {
    await w?.stop();
  });

  const ALL_FIELDS = [
    'title',
    'slug',
    'summary',
    'body',
    'content',
    'seo.metaTitle',
    'seo.metaDescription',
    'sections',
  ];

  /** The content manager's actions on articles, limited to `locales` and `fields`. */
  const cm = (actions: string[], locales: string[], fields = ALL_FIELDS): Grant[] =>
    actions.map((a) => ({
      action: `plugin::content-manager.explorer.${a}`,
      subject: ARTICLE,
      properties: a === 'publish' ? { locales } : { fields, locales },
    }));
  const gengo = (...actions: string[]) => actions.map((a) => `plugin::gengo.${a}`);
  const gengoCalls = async () => (await w.control.requests()).length;

  it('a role limited to "en" by the i18n locale condition is refused "fr": 403 naming the locale, no Gengo call', async () => {
    const enOnly = await createRestrictedAdmin(w.app, [
      ...gengo('read', 'order'),
      ...cm(['read', 'create', 'update'], ['en']),
    ]);
    const before = await gengoCalls();
    for (const url of ['/gengo/quote', '/gengo/orders']) {
      const res = await w.app
        .as(enOnly.token)
        .post(url)
        .send({ contentType: ARTICLE, documentId, targetLocales: ['fr'] });
      expect([url, res.status]).toEqual([url, 403]);
      expect(res.body.error.name).toBe('PolicyError'); // Strapi's ForbiddenError that keeps its message
      expect(res.body.error.message).toContain('"fr"');
      expect(res.body.error.details).toEqual(expect.objectContaining({ locale: 'fr', action: 'create' }));
    }
    expect(await gengoCalls()).toBe(before);
    expect(
      await w.app.strapi.db.query('plugin::gengo.order' as any).count({ where: { targetDocumentId: documentId } })
    ).toBe(0);

    // The same role with "fr" added may quote it.
    const enFr = await createRestrictedAdmin(w.app, [
      ...gengo('read', 'order'),
      ...cm(['read', 'create', 'update'], ['en', 'fr']),
    ]);
    const ok = await w.app
      .as(enFr.token)
      .post('/gengo/quote')
      .send({ contentType: ARTICLE, documentId, targetLocales: ['fr'] });
    expect(ok.status).toBe(200);
  });

  it('bulk: a locale the role may not write refuses the whole selection (403, no Gengo call)', async () => {
    const enOnly = await createRestrictedAdmin(w.app, [
      ...gengo('read', 'order'),
      ...cm(['read', 'create', 'update'], ['en']),
    ]);
    const other = await createSourceArticle(w.app);
    const before = await gengoCalls();
    for (const url of ['/gengo/bulk/quote', '/gengo/bulk']) {
      const res = await w.app
        .as(enOnly.token)
        .post(url)
        .send({ contentType: ARTICLE, documentIds: [documentId, other], targetLocales: ['fr'] });
      expect([url, res.status]).toEqual([url, 403]);
      expect(res.body.error.details).toEqual(expect.objectContaining({ locale: 'fr' }));
    }
    expect(await gengoCalls()).toBe(before);
  });

  it('reading the source locale is needed: a role that may write "fr" but not read "en" is refused', async () => {
    const frOnly = await createRestrictedAdmin(w.app, [...gengo('order'), ...cm(['read', 'create', 'update'], ['fr'])]);
    const before = await gengoCalls();
    const res = await w.app
      .as(frOnly.token)
      .post('/gengo/quote')
      .send({ contentType: ARTICLE, documentId, targetLocales: ['fr'] });
    expect(res.status).toBe(403);
    expect(res.body.error.details).toEqual(expect.objectContaining({ locale: 'en', action: 'read' }));
    expect(await gengoCalls()).toBe(before);
  });

  it('a role without field permission on "body" cannot order "body": 403 naming the field; other fields may be ordered', async () => {
    const noBody = await createRestrictedAdmin(w.app, [
      ...gengo('read', 'order'),
      ...cm(['read'], ['en', 'fr', 'de']),
      ...cm(
        ['create', 'update'],
        ['en', 'fr', 'de'],
        ALL_FIELDS.filter((f) => f !== 'body')
      ),
    ]);
    const before = await gengoCalls();
    for (const body of [
      { contentType: ARTICLE, documentId, targetLocales: ['de'], fields: ['body'] },
      { contentType: ARTICLE, documentId, targetLocales: ['de'] },
    ]) {
      const res = await w.app.as(noBody.token).post('/gengo/orders').send(body);
      expect(res.status).toBe(403);
      expect(res.body.error.message).toContain('"body"');
      expect(res.body.error.details).toEqual(expect.objectContaining({ locale: 'de', fields: ['body'] }));
    }
    expect(await gengoCalls()).toBe(before);
    const titleOnly = await w.app
      .as(noBody.token)
      .post('/gengo/quote')
      .send({ contentType: ARTICLE, documentId, targetLocales: ['de'], fields: ['title', 'seo'] });
    expect(titleOnly.status).toBe(200);
  });

  describe("routes that return an entry's text or title", () => {
    let orderId: number;
    let jobId: number;
    let deOrderId: number;
    beforeAll(async () => {
      const res = await w.app
        .as(w.admin.token)
        .post('/gengo/orders')
        .send({ contentType: ARTICLE, documentId, targetLocales: ['fr', 'de'], fields: ['title'] });
      expect(res.status).toBe(200);
      const byLocale = Object.fromEntries(res.body.data.orders.map((o: any) => [o.targetLocale, o.id]));
      orderId = byLocale.fr;
      deOrderId = byLocale.de;
      jobId = (await w.app.strapi.db.query('plugin::gengo.job' as any).findOne({ where: { orderId } })).id;
    });

    const textRoutes = () => [
      '/gengo/orders',
      `/gengo/orders/${orderId}`,
      `/gengo/document-status?contentType=${ARTICLE}&documentId=${documentId}`,
      `/gengo/jobs/${jobId}`,
      `/gengo/jobs/${jobId}/comments`,
      `/gengo/jobs/${jobId}/revisions`,
      `/gengo/jobs/${jobId}/revisions/1`,
      `/gengo/jobs/${jobId}/feedback`,
      `/gengo/jobs/${jobId}/machine-preview`,
    ];

    it('a role with only the plugin\'s "read" gets 403 on every one, and Gengo is not asked', async () => {
      const readOnly = await createRestrictedAdmin(w.app, gengo('read'));
      const before = await gengoCalls();
      for (const url of textRoutes()) {
        const res = await w.app.as(readOnly.token).get(url);
        expect([url, res.status]).toEqual([url, 403]);
        expect(JSON.stringify(res.body)).not.toContain('Ordering guide');
      }
      expect(await gengoCalls()).toBe(before);
    });

    it('a reader of "en" and "de" only: lists and statuses leave "fr" out, its order and jobs are 403', async () => {
      const enDe = await createRestrictedAdmin(w.app, [...gengo('read'), ...cm(['read'], ['en', 'de'])]);
      const api = () => w.app.as(enDe.token);
      const list = await api().get(`/gengo/orders?documentId=${documentId}`);
      expect(list.status).toBe(200);
      expect(list.body.data.map((o: any) => o.targetLocale)).toEqual(['de']);
      expect(list.body.meta.pagination.total).toBe(1);
      const status = await api().get(`/gengo/document-status?contentType=${ARTICLE}&documentId=${documentId}`);
      expect(status.status).toBe(200);
      expect(status.body.data.locales.map((l: any) => l.locale)).toEqual(['de']);
      expect((await api().get(`/gengo/orders/${orderId}`)).status).toBe(403);
      expect((await api().get(`/gengo/orders/${deOrderId}`)).status).toBe(200);
      const job = await api().get(`/gengo/jobs/${jobId}`);
      expect(job.status).toBe(403);
      expect(job.body.error.details).toEqual(expect.objectContaining({ locale: 'fr', action: 'read' }));
    });

    it('review actions need write on the target locale: a reviewer who may edit only "de" cannot approve "fr"', async () => {
      const deEditor = await createRestrictedAdmin(w.app, [
        ...gengo('read', 'review'),
        ...cm(['read'], ['en', 'fr', 'de']),
        ...cm(['create', 'update'], ['de']),
      ]);
      const before = await gengoCalls();
      for (const [action, body] of [
        ['approve', { rating: 5 }],
        ['revise', { comment: 'x' }],
        ['reject', { reason: 'other', comment: 'x', captcha: 'x' }],
        ['cancel', {}],
        ['comments', { body: 'x' }],
      ] as const) {
        const res = await w.app.as(deEditor.token).post(`/gengo/jobs/${jobId}/${action}`).send(body);
        expect([action, res.status]).toEqual([action, 403]);
        expect(res.body.error.details).toEqual(expect.objectContaining({ locale: 'fr' }));
      }
      // Reading is still allowed.
      expect((await w.app.as(deEditor.token).get(`/gengo/jobs/${jobId}/comments`)).status).toBe(200);
      expect(
        (await w.control.requests()).slice(before).filter((r) => r.method === 'POST' || r.method === 'PUT')
      ).toEqual([]);
    });
  });

  it('a delivery carries the orderer\'s authority: rights revoked → the job waits as "needs review", nothing written; rights back → written', async () => {
    const doc = await createSourceArticle(w.app);
    const full = [...gengo('read', 'order'), ...cm(['read', 'create', 'update'], ['en', 'fr'])];
    const orderer = await createRestrictedAdmin(w.app, full);
    const placed = await w.app
      .as(orderer.token)
      .post('/gengo/orders')
      .send({ contentType: ARTICLE, documentId: doc, targetLocales: ['fr'], fields: ['title'] });
    expect(placed.status).toBe(200);
    const orderId = placed.body.data.orders[0].id;
    await w.control.flush();
    const row = await w.app.strapi.db.query('plugin::gengo.job' as any).findOne({ where: { orderId } });
    const job = await w.app.as(w.admin.token).get(`/gengo/jobs/${row.id}`);
    expect(job.status).toBe(200);

    // The orderer's role loses "fr"; Gengo approves the translation; the poller delivers it.
    const roleId = orderer.user.roles[0].id ?? orderer.user.roles[0];
    const roles = w.app.strapi.service('admin::role');
    const grants = (g: ReturnType<typeof cm | typeof gengo>) =>
      (g as any[]).map((x) =>
        typeof x === 'string' ? { action: x, subject: null, properties: {}, conditions: [] } : { ...x, conditions: [] }
      );
    await roles.assignPermissions(
      roleId,
      grants([...gengo('read', 'order'), ...cm(['read', 'create', 'update'], ['en'])])
    );
    await w.control.advance(job.body.data.gengoJobId, 'approved');
    const check = async () => {
      expect((await w.app.as(w.admin.token).post('/gengo/reconcile').send({})).status).toBe(200);
      await w.app.strapi.plugin('gengo').service('receiving').idle();
    };
    await check();
    const held = await w.app.strapi.db.query('plugin::gengo.job' as any).findOne({ where: { id: row.id } });
    expect(held.status).toBe('needs_review');
    expect(held.lastError).toMatch(/may no longer write it/);
    expect(held.lastError).toContain('"fr"');
    expect(await w.app.strapi.documents(ARTICLE as any).findOne({ documentId: doc, locale: 'fr' })).toBeNull();
    const status = await w.app.as(w.admin.token).get(`/gengo/document-status?contentType=${ARTICLE}&documentId=${doc}`);
    expect(status.body.data.locales[0].jobs).toEqual({ needs_review: 1 });

    // Rights restored: the next check writes it.
    await roles.assignPermissions(roleId, grants(full));
    await check();
    const written = await w.app.strapi.db.query('plugin::gengo.job' as any).findOne({ where: { id: row.id } });
    expect(written.status).toBe('approved');
    expect(
      (await w.app.strapi.documents(ARTICLE as any).findOne({ documentId: doc, locale: 'fr' }))?.title
    ).toBeTruthy();
  });

  it('a delivery for an orderer since blocked waits as "needs review"', async () => {
    const doc = await createSourceArticle(w.app);
    const orderer = await createRestrictedAdmin(w.app, [
      ...gengo('read', 'order'),
      ...cm(['read', 'create', 'update'], ['en', 'fr']),
    ]);
    const placed = await w.app
      .as(orderer.token)
      .post('/gengo/orders')
      .send({ contentType: ARTICLE, documentId: doc, targetLocales: ['fr'], fields: ['title'] });
    expect(placed.status).toBe(200);
    await w.control.flush();
    const row = await w.app.strapi.db
      .query('plugin::gengo.job' as any)
      .findOne({ where: { orderId: placed.body.data.orders[0].id } });
    const job = await w.app.as(w.admin.token).get(`/gengo/jobs/${row.id}`);
    await w.app.strapi.db.query('admin::user').update({ where: { id: orderer.user.id }, data: { blocked: true } });
    await w.control.advance(job.body.data.gengoJobId, 'approved');
    expect((await w.app.as(w.admin.token).post('/gengo/reconcile').send({})).status).toBe(200);
    await w.app.strapi.plugin('gengo').service('receiving').idle();
    const held = await w.app.strapi.db.query('plugin::gengo.job' as any).findOne({ where: { id: row.id } });
    expect(held.status).toBe('needs_review');
    expect(held.lastError).toMatch(/no longer an active admin/);
    expect(await w.app.strapi.documents(ARTICLE as any).findOne({ documentId: doc, locale: 'fr' })).toBeNull();
  });
});
