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
});
