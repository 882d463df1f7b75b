import { createSuperAdmin, type AdminSession } from '../helpers/admin';
import {
  ARTICLE,
  createArticle,
  findArticle,
  settle,
  startReceiving,
  waitFor,
  type Receiving,
} from '../helpers/orders';

jest.setTimeout(90_000);

/**
 * Translation memory (issue 22 item 1), through the routes, the emulator over HTTP and its
 * callbacks: what Gengo approved once is not ordered (nor paid) again for the same language pair.
 * The emulator's own lazy loading is off (duplicateWindowSeconds: 0), so every saving seen here is
 * the plugin's.
 */
describe('translation memory', () => {
  let r: Receiving;
  let admin: AdminSession;
  const api = () => r.app.as(admin.token);

  const SUMMARY = 'Our cooperative bakes sourdough bread every morning. Orders placed before noon ship the same day.';
  const BODY = 'We deliver across the valley.\n\nEvery loaf is **hand shaped** and baked in a wood oven.';
  const article = (title: string, data: Record<string, unknown> = {}) =>
    createArticle(r.app.strapi, { title, summary: SUMMARY, body: BODY, ...data });

  /** The emulator's jobs of one of our orders (its reference is in every job's custom_data). */
  const emulatorJobs = async (reference: string) =>
    (await r.control.jobs()).filter((j: any) => String(j.custom_data ?? '').includes(reference));

  const placeFr = async (documentId: string, extra: Record<string, unknown> = {}) => {
    const res = await api()
      .post('/gengo/orders')
      .send({ contentType: ARTICLE, documentId, targetLocales: ['fr'], tier: 'standard', autoApprove: true, ...extra });
    expect(res.status).toBe(200);
    const order = res.body.data.orders[0];
    await r.app.strapi.plugin('gengo').service('ordering').settled();
    return order as { id: number; reference: string; credits: number };
  };

  /** Every job of the order approved at the emulator (callbacks), then written and remembered. */
  const approveAll = async (reference: string) => {
    await r.control.flush();
    for (const j of await emulatorJobs(reference)) await r.control.advance(j.job_id as any, 'approved');
    await settle(r);
  };

  const orderView = async (id: number) => (await api().get(`/gengo/orders/${id}`)).body.data;
  const quoteFr = async (documentId: string, extra: Record<string, unknown> = {}) => {
    const res = await api()
      .post('/gengo/quote')
      .send({ contentType: ARTICLE, documentId, targetLocales: ['fr'], tier: 'standard', ...extra });
    expect(res.status).toBe(200);
    return res.body.data.locales[0];
  };

  beforeAll(async () => {
    r = await startReceiving();
    admin = await createSuperAdmin(r.app);
  });
  afterAll(async () => {
    await r?.stop();
  });

  let first: { id: number; reference: string; credits: number };
  let firstDoc: string;
  let fullQuote: any;

  it('an approved order is remembered: GET /gengo/memory counts it per language pair', async () => {
    const { documentId } = await article('Fresh bread daily');
    firstDoc = documentId;
    fullQuote = await quoteFr(documentId);
    expect(fullQuote.reused).toBeUndefined();
    first = await placeFr(documentId);
    expect((await emulatorJobs(first.reference)).length).toBe(fullQuote.jobs);
    await approveAll(first.reference);
    await waitFor('order completed', async () => (await orderView(first.id)).status === 'completed');

    const memory = (await api().get('/gengo/memory?sourceLang=en&targetLang=fr')).body.data;
    expect(memory.pairs).toEqual([
      expect.objectContaining({ sourceLang: 'en', targetLang: 'fr', segments: fullQuote.segments.length }),
    ]);
    expect(memory.pairs[0].units).toBe(fullQuote.units);
  });

  it('re-ordered after one field changed: only that field is quoted, posted and paid', async () => {
    await r.app.strapi
      .documents(ARTICLE as any)
      .update({ documentId: firstDoc, locale: 'en', data: { summary: `${SUMMARY} Closed on Sundays.` } as any });
    const quote = await quoteFr(firstDoc);
    const changed = quote.segments.find((s: any) => s.paths.includes('summary'));
    expect(quote.reused).toEqual({ segments: fullQuote.segments.length - 1, units: expect.any(Number), credits: 0 });
    expect(quote.reused.units).toBe(
      fullQuote.units - fullQuote.segments.find((s: any) => s.paths.includes('summary')).units
    );
    expect(quote.units).toBe(changed.units);
    expect(quote.jobs).toBe(changed.chunks);
    expect(quote.credits).toBeLessThan(fullQuote.credits);

    const second = await placeFr(firstDoc);
    expect(second.credits).toBe(quote.credits);
    // Gengo got the changed summary only.
    const posted = await emulatorJobs(second.reference);
    expect(posted.length).toBe(changed.chunks);
    expect(posted.every((j: any) => String(j.body_src).includes('Closed on Sundays'))).toBe(true);

    // The reused rows say where their text came from; the order view shows it.
    const view = await orderView(second.id);
    const reused = view.jobs.filter((j: any) => j.reusedFrom);
    expect(reused.length).toBe(view.jobs.length - changed.chunks);
    for (const j of reused) {
      expect(j.reusedFrom).toMatchObject({ orderId: first.id, contentType: ARTICLE, documentId: firstDoc });
      expect(j.gengoJobId).toBeNull();
      expect(j.gengoStatus).toBe('approved');
      expect(j.appliedStatus).toBe('approved');
    }
    await approveAll(second.reference);
    await waitFor('second order completed', async () => (await orderView(second.id)).status === 'completed');
    const fr = await findArticle(r.app.strapi, firstDoc, 'fr');
    // The reused title and the newly translated summary are both in the French version.
    expect(fr.title).toBeTruthy();
    expect(fr.summary).toBeTruthy();
  });

  it('another entry sharing a paragraph reuses it; a person’s text there is a conflict, not overwritten', async () => {
    const { documentId } = await article('Wood oven stories', {
      summary: 'A different summary about flour and water.',
    });
    // A person wrote the French body already.
    await r.app.strapi
      .documents(ARTICLE as any)
      .update({ documentId, locale: 'fr', data: { title: 'Histoires', body: 'Texte écrit par Marie.' } as any });
    const quote = await quoteFr(documentId);
    expect(quote.reused?.segments).toBeGreaterThanOrEqual(1);
    const order = await placeFr(documentId);
    const posted = await emulatorJobs(order.reference);
    expect(posted.some((j: any) => String(j.body_src).includes('hand shaped'))).toBe(false);
    await settle(r);
    const view = await orderView(order.id);
    const body = view.jobs.find(
      (j: any) => j.reusedFrom && view.segments.find((s: any) => s.key === j.segmentKey)?.paths.includes('body')
    );
    expect(body).toBeDefined();
    expect(body.status).toBe('conflict');
    const fr = await findArticle(r.app.strapi, documentId, 'fr');
    expect(fr.body).toBe('Texte écrit par Marie.');
  });

  it('reuseMemory: false orders every segment again ("order again anyway")', async () => {
    const quote = await quoteFr(firstDoc, { reuseMemory: false });
    expect(quote.reused).toBeUndefined();
    const again = await placeFr(firstDoc, { reuseMemory: false });
    const view = await orderView(again.id);
    expect(view.jobs.some((j: any) => j.reusedFrom)).toBe(false);
    expect((await emulatorJobs(again.reference)).length).toBe(view.jobs.length);
  });

  it('a bulk order reuses too: its quote says what, its POST carries only the new titles', async () => {
    const ids = [(await article('Rye of the north')).documentId, (await article('Spelt in spring')).documentId];
    const body = { contentType: ARTICLE, documentIds: ids, targetLocales: ['fr'], tier: 'standard' };
    const quote = (await api().post('/gengo/bulk/quote').send(body)).body.data;
    // Summary and body of each entry are in the memory: only the titles are priced.
    expect(quote.reused).toEqual({ segments: 4, units: expect.any(Number), credits: 0 });
    expect(quote.reused.units).toBeGreaterThan(quote.units);
    const before = (await r.control.jobs()).length;
    const res = await api()
      .post('/gengo/bulk')
      .send({ ...body, autoApprove: true, idempotencyKey: 'memory-bulk-1' });
    expect(res.status).toBe(202);
    await waitFor('batch done', async () => {
      const b = (await api().get(`/gengo/bulk/${res.body.data.id}`)).body.data;
      return b.status === 'completed' && b;
    });
    await r.app.strapi.plugin('gengo').service('ordering').settled();
    const posted = (await r.control.jobs()).slice(before);
    expect(posted.map((j: any) => j.body_src).sort()).toEqual(['Rye of the north', 'Spelt in spring']);
    for (const documentId of ids) {
      const [order] = (await api().get(`/gengo/orders?documentId=${documentId}`)).body.data;
      const view = await orderView(order.id);
      expect(view.jobs.filter((j: any) => j.reusedFrom).length).toBe(2);
    }
  });

  it('without auto-approval the reused text waits for review; approving it is ours, revising has no Gengo job', async () => {
    const { documentId } = await article('Barley and honey');
    const order = await placeFr(documentId, { autoApprove: false });
    await settle(r);
    const view = await orderView(order.id);
    const reused = view.jobs.filter((j: any) => j.reusedFrom);
    expect(reused.length).toBe(2);
    for (const j of reused) expect([j.gengoStatus, j.appliedStatus]).toEqual(['reviewable', 'reviewable']);

    const revise = await api().post(`/gengo/jobs/${reused[0].id}/revise`).send({ comment: 'Shorter please' });
    expect(revise.status).toBe(400);
    expect(revise.body.error.message).toMatch(/translation memory/);
    const approved = await api().post(`/gengo/jobs/${reused[0].id}/approve`).send({});
    expect(approved.status).toBe(200);
    expect(approved.body.data).toMatchObject({ gengoStatus: 'approved', appliedStatus: 'approved' });
    expect((await api().post(`/gengo/jobs/${reused[0].id}/approve`).send({})).status).toBe(400);
  });

  it('bad input is a 400; clearing the pair stops reuse', async () => {
    expect((await api().delete('/gengo/memory?sourceLang=en')).status).toBe(400);
    expect((await api().delete('/gengo/memory?sourceLang=en&targetLang=fr;drop')).status).toBe(400);
    expect((await api().get('/gengo/memory?colour=red')).status).toBe(400);
    expect(
      (
        await api()
          .post('/gengo/quote')
          .send({ contentType: ARTICLE, documentId: firstDoc, targetLocales: ['fr'], reuseMemory: 'maybe' })
      ).status
    ).toBe(400);

    const before = (await api().get('/gengo/memory')).body.data.pairs.find((p: any) => p.targetLang === 'fr');
    const cleared = await api().delete('/gengo/memory?sourceLang=en&targetLang=fr');
    expect(cleared.status).toBe(200);
    expect(cleared.body.data).toEqual({ sourceLang: 'en', targetLang: 'fr', deleted: before.segments });
    expect((await api().get('/gengo/memory')).body.data.pairs).toEqual([]);
    expect((await quoteFr(firstDoc)).reused).toBeUndefined();
  });
});
