import {
  createApiToken,
  createRestrictedAdmin,
  createSuperAdmin,
  type AdminSession,
  type Grant,
} from '../helpers/admin';
import {
  ARTICLE,
  advanceAll,
  createArticle,
  findArticle,
  jobRows,
  placeOrder,
  settle,
  startReceiving,
  type PlacedOrder,
  type Receiving,
} from '../helpers/orders';

jest.setTimeout(120_000);

const FAQ = 'api::faq.faq';
const segmentOf = (order: PlacedOrder, path: string) => order.segments.find((s) => s.paths.includes(path))!;
const rowOf = async (r: Receiving, order: PlacedOrder, path: string) =>
  (await jobRows(r, order)).find((j: any) => j.segmentKey === segmentOf(order, path).key);
const orderRow = (r: Receiving, order: PlacedOrder) =>
  r.app.strapi.db.query('plugin::gengo.order').findOne({ where: { id: order.orderId } });

/** Issue 18: a person's words are final; leaves never written at a guessed place; refused writes. */
describe('safe writes: a person’s words, conflicts, refused writes, types without drafts', () => {
  let r: Receiving;
  let admin: AdminSession;
  const strapi = () => r.app.strapi as any;
  const api = () => r.app.as(admin.token);

  beforeAll(async () => {
    r = await startReceiving();
    admin = await createSuperAdmin(r.app);
  });
  afterAll(async () => {
    await r?.stop();
  });

  it('a person’s fr text there before the order: conflict, nothing written there, the other fields written, the order not completed', async () => {
    const { documentId } = await createArticle(strapi(), {
      title: 'Person before',
      slug: 'person-before',
      summary: 'Summary to translate.',
    });
    await strapi()
      .documents(ARTICLE)
      .update({ documentId, locale: 'fr', data: { title: 'Mon titre à moi' } });
    // The quote says so before ordering.
    const quote = await api()
      .post('/gengo/quote')
      .send({ contentType: ARTICLE, documentId, targetLocales: ['fr'] });
    expect(quote.status).toBe(200);
    expect(quote.body.data.locales[0].personText).toEqual(['title']);

    const order = await placeOrder(r, documentId);
    await advanceAll(r, order, 'approved');
    await settle(r);
    const fr = await findArticle(strapi(), documentId, 'fr');
    expect(fr.title).toBe('Mon titre à moi');
    expect(fr.summary).toMatch(/^\[fr\] /);
    const title = await rowOf(r, order, 'title');
    expect(title).toMatchObject({ status: 'conflict', appliedHash: null });
    expect(title.lastError).toMatch(/title: a person's text was there before the order/);
    expect(await rowOf(r, order, 'summary')).toMatchObject({ status: 'approved', appliedStatus: 'approved' });
    expect((await orderRow(r, order)).status).not.toBe('completed');

    // The order's view gives both texts; the reviewer keeps the person's: the order completes.
    const view = await api().get(`/gengo/orders/${order.orderId}`);
    expect(view.status).toBe(200);
    expect(view.body.data.conflicts).toEqual([
      expect.objectContaining({
        path: 'title',
        // The field as the content manager names it, as the review view names its fields.
        label: 'Title',
        current: 'Mon titre à moi',
        translation: expect.stringMatching(/^\[fr\] /),
      }),
    ]);
    expect(view.body.data.baseline).toBeUndefined();
    // The side panel's answer and the review view's name it the same way ("Conflict on Title").
    const status = await api().get('/gengo/document-status').query({ contentType: ARTICLE, documentId });
    expect(status.status).toBe(200);
    const frStatus = status.body.data.locales.find((l: any) => l.locale === 'fr');
    expect(frStatus.latest.conflicts.map((c: any) => [c.path, c.label])).toEqual([['title', 'Title']]);
    const review = await api().get('/gengo/review').query({ contentType: ARTICLE, documentId, locale: 'fr' });
    expect(review.status).toBe(200);
    expect(review.body.data.conflicts.map((c: any) => [c.path, c.label])).toEqual([['title', 'Title']]);
    expect(review.body.data.fields.find((f: any) => f.key === 'title').label).toEqual(['Title']);
    const kept = await api().post(`/gengo/orders/${order.orderId}/resolve`).send({ path: 'title', choice: 'keep' });
    expect(kept.status).toBe(200);
    expect(kept.body.data.outcome.state).toBe('applied');
    expect((await findArticle(strapi(), documentId, 'fr')).title).toBe('Mon titre à moi');
    expect(await rowOf(r, order, 'title')).toMatchObject({ status: 'approved', appliedStatus: 'approved' });
    expect((await orderRow(r, order)).status).toBe('completed');
    expect((await api().get(`/gengo/orders/${order.orderId}`)).body.data.conflicts).toEqual([]);
  });

  it('resolve: take writes the translation over the person’s text; bad input is a 400, an unknown order a 404', async () => {
    const { documentId } = await createArticle(strapi(), { title: 'Take it', slug: 'take-it', summary: 'Short.' });
    await strapi()
      .documents(ARTICLE)
      .update({ documentId, locale: 'fr', data: { title: 'Titre humain', summary: 'Résumé humain' } });
    const order = await placeOrder(r, documentId);
    await advanceAll(r, order, 'approved');
    await settle(r);
    expect(
      (await api().post(`/gengo/orders/${order.orderId}/resolve`).send({ path: 'title', choice: 'maybe' })).status
    ).toBe(400);
    expect(
      (await api().post(`/gengo/orders/${order.orderId}/resolve`).send({ path: 'nope', choice: 'take' })).status
    ).toBe(400);
    expect((await api().post(`/gengo/orders/999999/resolve`).send({ path: 'title', choice: 'take' })).status).toBe(404);
    const took = await api().post(`/gengo/orders/${order.orderId}/resolve`).send({ path: 'title', choice: 'take' });
    expect(took.status).toBe(200);
    const fr = await findArticle(strapi(), documentId, 'fr');
    expect(fr.title).toMatch(/^\[fr\] /);
    expect(fr.summary).toBe('Résumé humain');
    expect((await orderRow(r, order)).status).not.toBe('completed');
    await api().post(`/gengo/orders/${order.orderId}/resolve`).send({ path: 'summary', choice: 'keep' });
    expect((await orderRow(r, order)).status).toBe('completed');
  });

  it('resolve needs the content manager’s update on the target locale: refused → 403, nothing written', async () => {
    const { documentId } = await createArticle(strapi(), { title: 'Not yours', slug: 'not-yours', summary: 'S.' });
    await strapi()
      .documents(ARTICLE)
      .update({ documentId, locale: 'fr', data: { title: 'Titre d’une personne' } });
    const order = await placeOrder(r, documentId, { only: (p) => p.includes('title') });
    await advanceAll(r, order, 'approved');
    await settle(r);
    expect(await rowOf(r, order, 'title')).toMatchObject({ status: 'conflict' });
    const cm = (actions: string[], locales: string[]): Grant[] =>
      actions.map((a) => ({
        action: `plugin::content-manager.explorer.${a}`,
        subject: ARTICLE,
        properties: { locales },
      }));
    const gengo = ['plugin::gengo.read', 'plugin::gengo.review'];
    // Reads both locales, reviews in the plugin, but may edit "en" only.
    const enEditor = await createRestrictedAdmin(r.app, [
      ...gengo,
      ...cm(['read'], ['en', 'fr']),
      ...cm(['create', 'update'], ['en']),
    ]);
    const before = await orderRow(r, order);
    for (const choice of ['take', 'keep']) {
      const res = await r.app
        .as(enEditor.token)
        .post(`/gengo/orders/${order.orderId}/resolve`)
        .send({ path: 'title', choice });
      expect([choice, res.status]).toEqual([choice, 403]);
      expect(res.body.error.details).toEqual(expect.objectContaining({ locale: 'fr', action: 'update' }));
    }
    const after = await orderRow(r, order);
    expect(after.resolutions ?? null).toEqual(before.resolutions ?? null);
    expect(after.history).toEqual(before.history);
    expect((await findArticle(strapi(), documentId, 'fr')).title).toBe('Titre d’une personne');
    expect(await rowOf(r, order, 'title')).toMatchObject({ status: 'conflict', appliedHash: null });

    // With update on "fr" the same choice goes through: the 403 was the permission, nothing else.
    const frEditor = await createRestrictedAdmin(r.app, [...gengo, ...cm(['read', 'create', 'update'], ['en', 'fr'])]);
    const ok = await r.app
      .as(frEditor.token)
      .post(`/gengo/orders/${order.orderId}/resolve`)
      .send({ path: 'title', choice: 'take' });
    expect(ok.status).toBe(200);
    expect((await findArticle(strapi(), documentId, 'fr')).title).toMatch(/^\[fr\] /);
  });

  it('fr written by a person while the job is at Gengo: conflict', async () => {
    const { documentId } = await createArticle(strapi(), {
      title: 'While at Gengo',
      slug: 'while-at-gengo',
      summary: 'S.',
    });
    const order = await placeOrder(r, documentId);
    await strapi()
      .documents(ARTICLE)
      .update({ documentId, locale: 'fr', data: { title: 'Écrit pendant la traduction' } });
    await advanceAll(r, order, 'reviewable');
    await settle(r);
    const fr = await findArticle(strapi(), documentId, 'fr');
    expect(fr.title).toBe('Écrit pendant la traduction');
    expect(fr.summary).toMatch(/^\[fr\] /);
    const title = await rowOf(r, order, 'title');
    expect(title.status).toBe('conflict');
    expect(title.lastError).toMatch(/while the translation was at Gengo/);
  });

  it('"replace the existing text" chosen on the order: written, no conflict', async () => {
    const { documentId } = await createArticle(strapi(), { title: 'Replace it', slug: 'replace-it', summary: 'S.' });
    await strapi()
      .documents(ARTICLE)
      .update({ documentId, locale: 'fr', data: { title: 'À remplacer' } });
    const order = await placeOrder(r, documentId, { replaceExisting: true });
    await advanceAll(r, order, 'approved');
    await settle(r);
    expect((await findArticle(strapi(), documentId, 'fr')).title).toMatch(/^\[fr\] /);
    expect((await jobRows(r, order)).every((j: any) => j.status === 'approved')).toBe(true);
    expect((await orderRow(r, order)).status).toBe('completed');
  });

  it('a fr zone a person reordered since the order: conflict for its leaves, never written at a guessed index', async () => {
    const { documentId } = await createArticle(strapi(), {
      title: 'Zones',
      slug: 'zones',
      sections: [
        { __component: 'sections.hero', heading: 'Hero heading' },
        { __component: 'sections.quote', text: 'A quote', author: 'Someone' },
      ],
    });
    await strapi()
      .documents(ARTICLE)
      .update({
        documentId,
        locale: 'fr',
        data: {
          title: 'Zones',
          sections: [
            { __component: 'sections.hero', heading: '' },
            { __component: 'sections.quote', text: '', author: '' },
          ],
        },
      });
    const order = await placeOrder(r, documentId, { only: (p) => p.some((x) => x.startsWith('sections')) });
    const before = await findArticle(strapi(), documentId, 'fr');
    await strapi()
      .documents(ARTICLE)
      .update({
        documentId,
        locale: 'fr',
        data: {
          sections: [...before.sections].reverse().map((s: any) => ({ id: s.id, __component: s.__component })),
        },
      });
    await advanceAll(r, order, 'approved');
    await settle(r);
    const rows = await jobRows(r, order);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((j: any) => j.status === 'conflict')).toBe(true);
    expect(rows[0].lastError).toMatch(/moved/);
    const fr = await findArticle(strapi(), documentId, 'fr');
    expect(fr.sections.map((s: any) => s.__component)).toEqual(['sections.quote', 'sections.hero']);
    expect(JSON.stringify(fr.sections)).not.toMatch(/\[fr\]/);
  });

  it('a type without draft & publish never shows unreviewed text on its public API; approved text is written', async () => {
    const { documentId } = await strapi()
      .documents(FAQ)
      .create({ locale: 'en', data: { question: 'Why no drafts?', answer: 'Because it is live.' } });
    const order = await placeOrder(r, documentId, { uid: FAQ });
    await advanceAll(r, order, 'reviewable');
    await settle(r);
    const token = await createApiToken(r.app);
    const live = await r.app.as(token).get('/api/faqs?locale=fr');
    expect(live.status).toBe(200);
    expect(JSON.stringify(live.body.data)).not.toMatch(/\[fr\]/);
    expect(await strapi().documents(FAQ).findOne({ documentId, locale: 'fr' })).toBeNull();
    const rows = await jobRows(r, order);
    expect(
      rows.every((j: any) => j.status === 'reviewable' && j.appliedHash === null && /^\[fr\] /.test(j.bodyTgt))
    ).toBe(true);
    await advanceAll(r, order, 'approved');
    await settle(r);
    const after = await r.app.as(token).get('/api/faqs?locale=fr');
    expect(after.body.data).toEqual([expect.objectContaining({ question: expect.stringMatching(/^\[fr\] /) })]);
  });

  it('a translation Strapi refuses (maxLength): that job error with the message, the other field written, no retry loop', async () => {
    const long = 'How long can a question be before it is refused by the CMS?'; // 59 characters: "[fr] " makes 64
    expect(long.length).toBeLessThanOrEqual(60);
    const { documentId } = await strapi()
      .documents(FAQ)
      .create({ locale: 'en', data: { question: long, answer: 'An answer that fits.' } });
    const order = await placeOrder(r, documentId, { uid: FAQ });
    await advanceAll(r, order, 'approved');
    await settle(r);
    const question = await rowOf(r, order, 'question');
    expect(question.status).toBe('error');
    expect(question.lastError).toMatch(/question/);
    expect(question.lastError).toMatch(/at most 60/);
    const answer = await rowOf(r, order, 'answer');
    expect(answer).toMatchObject({ status: 'approved', appliedStatus: 'approved' });
    // fr created with the answer (the question refused: a new version gets the source's for now).
    const fr = await strapi().documents(FAQ).findOne({ documentId, locale: 'fr' });
    expect(fr.answer).toMatch(/^\[fr\] /);
    const updatedAt = fr.updatedAt;
    // Two reconcile runs: no write, no GET of the refused job.
    await r.control.clearRequests();
    const receiving = strapi().plugin('gengo').service('receiving');
    await receiving.reconcile();
    await receiving.reconcile();
    await receiving.syncJob({ ...(await gengoJob(r, order, 'question')), status: 'approved' });
    const again = await strapi().documents(FAQ).findOne({ documentId, locale: 'fr' });
    expect(again.updatedAt).toEqual(updatedAt);
    // (Other tests' jobs still at Gengo are polled: not this one.)
    const gets = (await r.control.requests()).filter(
      (q: any) => q.method === 'GET' && /translate\/job/.test(q.path) && q.path.includes(question.gengoJobId)
    );
    expect(question.gengoJobId).toMatch(/^\d+$/);
    expect(gets).toHaveLength(0);
    expect(await rowOf(r, order, 'question')).toMatchObject({ status: 'error', lastError: question.lastError });
  });
});

const gengoJob = async (r: Receiving, order: PlacedOrder, path: string) => {
  const all = await r.control.jobs();
  const key = segmentOf(order, path).key;
  return all.find(
    (j: any) => String(j.custom_data ?? '').includes(order.reference) && JSON.parse(j.custom_data).s === key
  );
};
