import { createRestrictedAdmin, createSuperAdmin, type AdminSession } from '../helpers/admin';
import { advanceAll, ARTICLE, createArticle, settle, startReceiving, type Receiving } from '../helpers/orders';

jest.setTimeout(120_000);

const FAQ = 'api::faq.faq';
const TARGETS = ['fr', 'de', 'ja', 'zh-Hans', 'pt-BR'];

/**
 * `GET /gengo/document-statuses` (the list view's "Translations" column): a page of entries in one
 * request, one word per target locale, from the orders placed through the plugin and the states the
 * emulator's callbacks bring; only what the admin may read; bad input a 400.
 */
describe('document statuses for the list view', () => {
  let r: Receiving;
  let admin: AdminSession;
  const ids: Record<'reviewed' | 'approved' | 'untouched', string> = { reviewed: '', approved: '', untouched: '' };
  const api = (token = admin.token) => r.app.as(token);
  const statuses = (query: string, token?: string) => api(token).get(`/gengo/document-statuses?${query}`);

  const order = async (documentId: string, targetLocales: string[]) => {
    const res = await api()
      .post('/gengo/orders')
      .send({ contentType: ARTICLE, documentId, targetLocales, fields: ['title'] });
    expect(res.status).toBe(200);
    return res.body.data.orders as Array<{ id: number; reference: string; targetLocale: string }>;
  };

  beforeAll(async () => {
    r = await startReceiving();
    admin = await createSuperAdmin(r.app);
    for (const key of Object.keys(ids) as Array<keyof typeof ids>)
      ids[key] = (await createArticle(r.app.strapi, { title: `Statuses ${key}`, slug: `statuses-${key}` })).documentId;
    const reviewed = await order(ids.reviewed, ['fr', 'de']);
    const [approved] = await order(ids.approved, ['fr']);
    await r.control.flush();
    await advanceAll(r, { reference: reviewed.find((o) => o.targetLocale === 'fr')!.reference } as any, 'reviewable');
    await advanceAll(r, { reference: approved.reference } as any, 'approved');
    await settle(r);
  });
  afterAll(async () => {
    await r?.stop();
  });

  it('answers a page of entries in one request: a word per target locale, the listed locale left out', async () => {
    const res = await statuses(`contentType=${ARTICLE}&documentIds=${Object.values(ids).join(',')}&locale=en`);
    expect(res.status).toBe(200);
    expect(res.body.data.locales).toEqual(TARGETS);
    const missing = Object.fromEntries(TARGETS.map((l) => [l, 'missing']));
    expect(res.body.data.documents).toEqual({
      [ids.reviewed]: { ...missing, fr: 'awaiting-review', de: 'in-progress' },
      [ids.approved]: { ...missing, fr: 'up-to-date' },
      [ids.untouched]: missing,
    });
  });

  it('"needs review": every entry of the type with a translation awaiting review, and only those', async () => {
    const res = await statuses(`contentType=${ARTICLE}&state=awaiting-review&locale=en`);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.data.documents)).toEqual([ids.reviewed]);
    // The same filter on a page: the entries of the page in that state.
    const page = await statuses(
      `contentType=${ARTICLE}&state=up-to-date&documentIds[0]=${ids.approved}&documentIds[1]=${ids.reviewed}`
    );
    expect(Object.keys(page.body.data.documents)).toEqual([ids.approved]);
  });

  it('answers only the locales and types the admin may read', async () => {
    const readEn = await createRestrictedAdmin(r.app, [
      'plugin::gengo.read',
      { action: 'plugin::content-manager.explorer.read', subject: ARTICLE, properties: { locales: ['en'] } },
    ]);
    const onlyEn = await statuses(`contentType=${ARTICLE}&documentIds=${ids.reviewed}&locale=en`, readEn.token);
    expect(onlyEn.status).toBe(200);
    expect(onlyEn.body.data).toEqual({ contentType: ARTICLE, locales: [], documents: { [ids.reviewed]: {} } });
    expect(JSON.stringify(onlyEn.body)).not.toContain('awaiting-review');
    const needsReview = await statuses(`contentType=${ARTICLE}&state=awaiting-review`, readEn.token);
    expect(needsReview.body.data.documents).toEqual({});

    const readEnDe = await createRestrictedAdmin(r.app, [
      'plugin::gengo.read',
      { action: 'plugin::content-manager.explorer.read', subject: ARTICLE, properties: { locales: ['en', 'de'] } },
    ]);
    const de = await statuses(`contentType=${ARTICLE}&documentIds=${ids.reviewed}&locale=en`, readEnDe.token);
    expect(de.body.data).toEqual({
      contentType: ARTICLE,
      locales: ['de'],
      documents: { [ids.reviewed]: { de: 'in-progress' } },
    });

    // Another type: 403; without the plugin's read action: 403; without a session: 401.
    expect((await statuses(`contentType=${FAQ}&documentIds=${ids.reviewed}`, readEn.token)).status).toBe(403);
    const noGengo = await createRestrictedAdmin(r.app, [
      { action: 'plugin::content-manager.explorer.read', subject: ARTICLE, properties: { locales: ['en', 'fr'] } },
    ]);
    expect((await statuses(`contentType=${ARTICLE}&documentIds=${ids.reviewed}`, noGengo.token)).status).toBe(403);
    expect((await r.app.http.get(`/gengo/document-statuses?contentType=${ARTICLE}&state=missing`)).status).toBe(401);
  });

  it.each([
    ['no content type', `documentIds=abc`, 'contentType'],
    ['neither ids nor state', `contentType=${ARTICLE}`, ''],
    ['a malformed id', `contentType=${ARTICLE}&documentIds=abc,x%20y`, 'documentIds.1'],
    [
      'more than 100 ids',
      `contentType=${ARTICLE}&documentIds=${Array.from({ length: 101 }, (_, i) => `d${i}`)}`,
      'documentIds',
    ],
    ['an unknown state', `contentType=${ARTICLE}&state=done`, 'state'],
    ['a content type uid of another shape', `contentType=plugin::gengo.order&state=missing`, 'contentType'],
  ])('400 for %s', async (_what, query, path) => {
    const res = await statuses(query);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    if (path) expect(res.body.error.details.errors.map((e: any) => e.path.join('.'))).toContain(path);
  });

  it('400 for a type that does not exist', async () => {
    const res = await statuses(`contentType=api::nothing.nothing&state=missing`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('api::nothing.nothing is not a localized content type');
  });
});
