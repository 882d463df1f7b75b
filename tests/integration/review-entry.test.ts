import { createRestrictedAdmin, type Grant } from '../helpers/admin';
import { ARTICLE, createSourceArticle, jobRows, startOrdersWorld, type OrdersWorld } from '../helpers/ordering-world';

/**
 * `GET /gengo/review`: an entry's translation into one locale, field by field, as a reviewer reads
 * it; `POST /gengo/orders/:id/approve|revise`: a field acted on as a whole.
 */
describe('review: an entry, not segments', () => {
  let w: OrdersWorld;
  beforeAll(async () => {
    w = await startOrdersWorld(500);
  });
  afterAll(async () => {
    await w?.stop();
  });

  const api = () => w.app.as(w.admin.token);
  const review = (documentId: string, locale = 'fr', token = w.admin.token) =>
    w.app.as(token).get(`/gengo/review?contentType=${ARTICLE}&documentId=${documentId}&locale=${locale}`);
  /** What callbacks or the poller do in the demo: Gengo's view recorded and written. */
  const receive = async () => {
    const receiving = w.app.strapi.plugin('gengo').service('receiving');
    await receiving.reconcile();
    await receiving.idle();
  };
  const FIELDS = ['title', 'body', 'seo', 'sections'];

  const order = async () => {
    const documentId = await createSourceArticle(w.app);
    const res = await api()
      .post('/gengo/orders')
      .send({ contentType: ARTICLE, documentId, targetLocales: ['fr'], fields: FIELDS });
    expect(res.status).toBe(200);
    await w.control.flush();
    const orderId: number = res.body.data.orders[0].id;
    // Gengo's job ids, known to the rows once read back.
    for (const row of await jobRows(w.app, { orderId })) await api().get(`/gengo/jobs/${row.id}`);
    return { documentId, orderId };
  };
  const toReview = async (orderId: number) => {
    for (const row of await jobRows(w.app, { orderId })) await w.control.advance(row.gengoJobId, 'reviewable');
    await receive();
  };
  const field = (body: any, key: string) => body.data.fields.find((f: any) => f.key === key);
  const text = (t: any) => t.runs.map((r: any) => r.text).join('');

  it('groups the segments by field with the label path, the source beside the translation', async () => {
    const cm = w.app.strapi.plugin('content-manager').service('content-types');
    const config = await cm.findConfiguration({ uid: ARTICLE });
    config.metadatas.title.edit.label = 'Headline';
    await cm.updateConfiguration({ uid: ARTICLE }, config);

    const { documentId, orderId } = await order();
    const before = await review(documentId);
    expect(before.status).toBe(200);
    expect(before.body.data).toEqual(
      expect.objectContaining({ locale: 'fr', sourceLocale: 'en', order: expect.objectContaining({ id: orderId }) })
    );
    const labels = before.body.data.fields.map((f: any) => [f.key, f.label.join(' › ')]);
    expect(labels).toEqual(
      expect.arrayContaining([
        ['title', 'Headline'],
        ['body', 'Body'],
        ['seo.metaTitle', 'Seo › Meta title'],
        ['sections[0].heading', 'Sections › Hero › Heading'],
      ])
    );
    const title = field(before.body, 'title');
    expect(text(title.segments[0].source)).toMatch(/^Ordering guide \w+$/);
    expect(title.segments[0].translation).toBeNull();
    expect(title.status).toBe('available');
    expect(title.jobs).toHaveLength(1);

    await toReview(orderId);
    // Reading the view asks Gengo nothing while nothing was revised (the request budget is shared).
    const calls = (await w.control.requests()).length;
    const after = await review(documentId);
    expect((await w.control.requests()).length).toBe(calls);
    const body = field(after.body, 'body');
    expect(body.status).toBe('reviewable');
    const [segment] = body.segments;
    // Markup shown readably: the markdown's syntax is a kept run, on both sides, unchanged.
    expect(segment.source.runs).toEqual(expect.arrayContaining([{ text: '**', kept: true }]));
    expect(segment.translation.runs).toEqual(expect.arrayContaining([{ text: '**', kept: true }]));
    expect(text(segment.translation)).toMatch(/^\[fr\] ## Héàdîng \S+\n\nSômé \*\*bôld\*\*/);
    expect(segment.previous).toBeNull();
    expect(field(after.body, 'title').units).toBeGreaterThan(0);
  });

  it('approves one field and revises another, each as a whole; the revision shows the previous text', async () => {
    const { documentId, orderId } = await order();
    await toReview(orderId);
    const rows = await jobRows(w.app, { orderId });
    const first = await review(documentId);
    const titleJobs = field(first.body, 'title').jobs.map((j: any) => j.id);
    const bodyJobs = field(first.body, 'body').jobs.map((j: any) => j.id);
    const gengoOf = (id: number) => rows.find((r: any) => r.id === id).gengoJobId;

    const approved = await api()
      .post(`/gengo/orders/${orderId}/approve`)
      .send({ fields: ['title'], rating: 5 });
    expect(approved.status).toBe(200);
    expect(approved.body.data).toEqual({ done: titleJobs, failed: [] });
    for (const id of titleJobs) expect((await w.control.job(gengoOf(id))).status).toBe('approved');
    for (const id of bodyJobs) expect((await w.control.job(gengoOf(id))).status).toBe('reviewable');

    const revised = await api()
      .post(`/gengo/orders/${orderId}/revise`)
      .send({ fields: ['body'], comment: 'Keep "guide" as in our glossary.' });
    expect(revised.status).toBe(200);
    expect(revised.body.data.done).toEqual(bodyJobs);
    for (const id of bodyJobs) expect((await w.control.job(gengoOf(id))).status).toBe('revising');

    // Approving a field twice: nothing waits for review there any more.
    const again = await api()
      .post(`/gengo/orders/${orderId}/approve`)
      .send({ fields: ['title'] });
    expect(again.status).toBe(400);

    for (const id of bodyJobs) await w.control.advance(gengoOf(id), 'reviewable');
    await receive();
    const second = await review(documentId);
    const body = field(second.body, 'body');
    expect(body.status).toBe('reviewable');
    expect(body.segments[0].previous).not.toBeNull();
    expect(field(second.body, 'title').status).toBe('approved');
  });

  it('400 on bad input, 404 without an order for the locale', async () => {
    const { documentId, orderId } = await order();
    const bad = [
      `/gengo/review?documentId=${documentId}&locale=fr`,
      `/gengo/review?contentType=${ARTICLE}&locale=fr`,
      `/gengo/review?contentType=${ARTICLE}&documentId=${documentId}`,
      `/gengo/review?contentType=nope&documentId=${documentId}&locale=fr`,
      `/gengo/review?contentType=api::nothing.nothing&documentId=${documentId}&locale=fr`,
      `/gengo/review?contentType=${ARTICLE}&documentId=${documentId}&locale=xx-nowhere`,
      `/gengo/review?contentType=${ARTICLE}&documentId=${documentId}&locale=fr&extra=1`,
    ];
    for (const url of bad) {
      const res = await api().get(url);
      expect([url, res.status, res.body.error?.name]).toEqual([url, 400, 'ValidationError']);
    }
    expect((await review(documentId, 'de')).status).toBe(404);

    const posts: Array<[string, unknown]> = [
      [`/gengo/orders/${orderId}/revise`, { comment: 'x' }],
      [`/gengo/orders/${orderId}/revise`, { fields: [], comment: 'x' }],
      [`/gengo/orders/${orderId}/revise`, { fields: ['title'] }],
      [`/gengo/orders/${orderId}/revise`, { fields: ['nowhere'], comment: 'x' }],
      [`/gengo/orders/${orderId}/approve`, { fields: ['title'], rating: 9 }],
      [`/gengo/orders/${orderId}/approve`, { fields: 'title' }],
      [`/gengo/orders/abc/approve`, {}],
      // Nothing is reviewable yet.
      [`/gengo/orders/${orderId}/approve`, {}],
    ];
    for (const [url, body] of posts) {
      const res = await api()
        .post(url)
        .send(body as object);
      expect([url, body, res.status]).toEqual([url, body, 400]);
    }
    expect((await api().post('/gengo/orders/999999/approve').send({})).status).toBe(404);
  });

  it('403 for a user who may not read the locale, or may not write it when acting, before any Gengo call', async () => {
    const { documentId, orderId } = await order();
    await toReview(orderId);
    const cm = (actions: string[], locales: string[]): Grant[] =>
      actions.map((a) => ({
        action: `plugin::content-manager.explorer.${a}`,
        subject: ARTICLE,
        properties: {
          fields: ['title', 'slug', 'summary', 'body', 'content', 'seo.metaTitle', 'seo.metaDescription', 'sections'],
          locales,
        },
      }));
    const enOnly = await createRestrictedAdmin(w.app, [
      'plugin::gengo.read',
      'plugin::gengo.review',
      ...cm(['read', 'update'], ['en']),
    ]);
    const readsBoth = await createRestrictedAdmin(w.app, [
      'plugin::gengo.read',
      'plugin::gengo.review',
      ...cm(['read'], ['en', 'fr']),
    ]);
    const calls = async () => (await w.control.requests()).length;
    const before = await calls();

    const refused = await review(documentId, 'fr', enOnly.token);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('"fr"');

    expect((await review(documentId, 'fr', readsBoth.token)).status).toBe(200);
    const callsAfterRead = await calls();
    const approve = await w.app
      .as(readsBoth.token)
      .post(`/gengo/orders/${orderId}/approve`)
      .send({ fields: ['title'] });
    expect(approve.status).toBe(403);
    expect(await calls()).toBe(callsAfterRead);
    expect(callsAfterRead).toBeGreaterThanOrEqual(before);
    const rows = await jobRows(w.app, { orderId });
    for (const r of rows) expect((await w.control.job(r.gengoJobId)).status).toBe('reviewable');
  });
});
