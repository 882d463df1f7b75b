import { pseudoTranslate } from '../../emulator/src';
import {
  advanceAll,
  createArticle,
  findArticle,
  gengoJobs,
  jobRows,
  placeOrder,
  settle,
  startReceiving,
  waitFor,
  type PlacedOrder,
  type Receiving,
} from '../helpers/orders';

jest.setTimeout(90_000);

/** Order → the emulator moves jobs → callbacks → the fr draft gets the translation, once. */
describe('callbacks: applying translations', () => {
  let r: Receiving;
  let documentId: string;
  let order: PlacedOrder;
  let updates = 0;

  beforeAll(async () => {
    r = await startReceiving();
    const strapi: any = r.app.strapi;
    strapi.documents.use(async (ctx: any, next: any) => {
      if (ctx.uid === 'api::article.article' && ctx.action === 'update' && ctx.params?.locale === 'fr') updates++;
      return next();
    });
    const en = await createArticle(strapi, {
      title: 'Callbacks bring translations home',
      slug: 'callbacks-bring-translations-home',
      summary: 'A short summary about {count} callbacks.',
      seo: { metaTitle: 'Meta title for callbacks', metaDescription: 'Meta description for the search engines.' },
      content: [
        {
          type: 'paragraph',
          children: [
            { type: 'text', text: 'Plain ' },
            { type: 'text', text: 'bold', bold: true },
            { type: 'text', text: ' words.' },
          ],
        },
      ],
      views: 7,
    });
    documentId = en.documentId;
    order = await placeOrder(r, documentId);
  });
  afterAll(async () => {
    await r?.stop();
  });

  it('sends Gengo a callback URL built from the public URL, with the secret token', async () => {
    const url = await r.app.strapi.plugin('gengo').service('receiving').callbackUrl();
    expect(url).toMatch(new RegExp(`^${r.baseUrl}/api/gengo/callback/[A-Za-z0-9_-]{43}$`));
    const jobs = await gengoJobs(r, order);
    expect(jobs.length).toBe(order.segments.length);
    expect(jobs.every((j: any) => j.callback_url === url)).toBe(true);
  });

  it('reviewable → the fr draft has every translated field, marked awaiting review', async () => {
    await advanceAll(r, order, 'reviewable');
    await settle(r);
    const rows = await jobRows(r, order);
    expect(rows.map((j: any) => [j.status, j.appliedStatus])).toEqual(rows.map(() => ['reviewable', 'reviewable']));
    expect(rows.every((j: any) => j.gengoJobId)).toBe(true);
    const fr = await findArticle(r.app.strapi, documentId, 'fr');
    expect(fr.title).toBe(pseudoTranslate('Callbacks bring translations home', 'fr'));
    // The placeholder went to Gengo protected and came back as it was.
    expect(fr.summary).toBe('[fr] À shôrt sùmmàry àbôùt {count} càllbàcks.');
    expect(fr.seo.metaTitle).toBe(pseudoTranslate('Meta title for callbacks', 'fr'));
    expect(fr.content[0].children.find((c: any) => c.bold)).toBeDefined();
    expect(fr.publishedAt).toBeNull();
    expect(fr.views).toBe(7);
    const en = await findArticle(r.app.strapi, documentId, 'en');
    expect(en.title).toBe('Callbacks bring translations home');
  });

  it('approved → final; the same callback delivered ten times writes once', async () => {
    await advanceAll(r, order, 'approved');
    await settle(r);
    const rows = await jobRows(r, order);
    expect(rows.every((j: any) => j.status === 'approved' && j.appliedStatus === 'approved')).toBe(true);
    const order2 = await r.app.strapi.db.query('plugin::gengo.order').findOne({ where: { id: order.orderId } });
    expect(order2.status).toBe('completed');

    const before = updates;
    const frBefore = await findArticle(r.app.strapi, documentId, 'fr');
    const approved = (await r.control.callbacks()).filter((c) => c.event === 'approved');
    expect(approved.length).toBe(order.segments.length);
    const one = approved[0];
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        fetch(one.url, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: one.body,
        })
      )
    );
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    await settle(r);
    expect(updates).toBe(before);
    const frAfter = await findArticle(r.app.strapi, documentId, 'fr');
    expect(frAfter.updatedAt).toBe(frBefore.updatedAt);
  });

  it('a callback and a poll for the same revision write once', async () => {
    const before = updates;
    const result = await r.app.strapi.plugin('gengo').service('receiving').reconcile();
    expect(result.skipped).toBeUndefined();
    await settle(r);
    expect(updates).toBe(before);
  });

  it('a burst of callbacks leaves the server answering other requests', async () => {
    const approved = (await r.control.callbacks()).filter((c) => c.event === 'approved');
    const burst = Array.from({ length: 200 }, (_, i) => approved[i % approved.length]);
    const posts = Promise.all(
      burst.map((c) =>
        fetch(c.url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: c.body })
      )
    );
    const t0 = Date.now();
    const health = await fetch(`${r.baseUrl}/_health`);
    expect(health.status).toBe(204);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect((await posts).every((a) => a.status === 200)).toBe(true);
    await waitFor('queue idle', async () => (await r.app.strapi.plugin('gengo').service('receiving').idle(), true));
  });
});
