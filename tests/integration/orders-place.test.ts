import pkg from '../../package.json';
import { reloadPluginConfig } from '../../server/src/platform/config';
import { decodeCustomData } from '../../server/src/platform/records';
import {
  ARTICLE,
  createSourceArticle as createArticle,
  jobRows,
  orderRows,
  postJobsCount,
  startOrdersWorld,
  type OrdersWorld,
} from '../helpers/ordering-world';

/** Quote and order against the emulator: costs, orders placed, idempotency, budget, failures. */
describe('orders: quote and place', () => {
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
    await w.app.strapi.store({ type: 'plugin', name: 'gengo', key: 'settings' }).delete({});
  });

  const api = () => w.app.as(w.admin.token);
  const order = (body: Record<string, unknown>) =>
    api()
      .post('/gengo/orders')
      .send({ contentType: ARTICLE, ...body });

  it('quotes fr and ja: segments, units, credits, ETA per locale, and the balance', async () => {
    const documentId = await createArticle(w.app);
    const res = await api()
      .post('/gengo/quote')
      .send({ contentType: ARTICLE, documentId, targetLocales: ['fr', 'ja'], tier: 'standard' });
    expect(res.status).toBe(200);
    const q = res.body.data;
    expect(q.sourceLocale).toBe('en');
    expect(q.locales.map((l: any) => [l.locale, l.lcTgt])).toEqual([
      ['fr', 'fr'],
      ['ja', 'ja'],
    ]);
    for (const l of q.locales) {
      expect(l.segments.length).toBeGreaterThanOrEqual(7);
      expect(l.units).toBeGreaterThan(20);
      expect(l.credits).toBeGreaterThan(0);
      expect(l.currency).toBe('USD');
      expect(l.eta).toBeGreaterThan(0);
      expect(l.segments[0]).toEqual(expect.objectContaining({ key: 's0', paths: ['title'], chunks: 1 }));
    }
    expect(q.total.credits).toBeCloseTo(q.locales[0].credits + q.locales[1].credits, 2);
    expect(q.balance).toEqual({ credits: 500, currency: 'USD' });
    expect(q.budget.check).toEqual({ ok: true });
    expect(q.fields).toEqual(expect.arrayContaining(['title', 'summary', 'body', 'seo', 'sections']));
    // A subset of fields quotes only those.
    const subset = await api()
      .post('/gengo/quote')
      .send({ contentType: ARTICLE, documentId, targetLocales: ['fr'], fields: ['title', 'seo.metaTitle'] });
    expect(subset.status).toBe(200);
    expect(subset.body.data.locales[0].segments.map((s: any) => s.paths)).toEqual([['title'], ['seo.metaTitle']]);
    expect(await postJobsCount(w.control)).toBe(0);
  });

  it("Gengo's languages are asked once for many quotes and orders, not once each", async () => {
    const docs = [await createArticle(w.app), await createArticle(w.app), await createArticle(w.app)];
    await api()
      .post('/gengo/quote')
      .send({ contentType: ARTICLE, documentId: docs[0], targetLocales: ['fr'] });
    await w.control.clearRequests();
    for (const documentId of docs) {
      expect(
        (
          await api()
            .post('/gengo/quote')
            .send({ contentType: ARTICLE, documentId, targetLocales: ['fr'] })
        ).status
      ).toBe(200);
      expect((await order({ documentId, targetLocales: ['de'] })).status).toBe(200);
    }
    const calls = (await w.control.requests()).map((r) => `${r.method} ${r.path.replace(/^\/?(v2\/)?/, '')}`);
    expect(calls.filter((c) => c === 'POST translate/jobs')).toHaveLength(3);
    expect(calls.filter((c) => c === 'GET translate/service/languages')).toHaveLength(0);
  });

  it('orders fr and de: two Gengo orders, rows placed, custom_data pointing at our records', async () => {
    const documentId = await createArticle(w.app);
    const before = await postJobsCount(w.control);
    const res = await order({ documentId, targetLocales: ['fr', 'de'], comment: 'Friendly tone, please.' });
    expect(res.status).toBe(200);
    const placed = res.body.data.orders;
    expect(res.body.data.notPlaced).toEqual([]);
    expect(placed.map((o: any) => [o.targetLocale, o.status, o.created])).toEqual([
      ['fr', 'placed', true],
      ['de', 'placed', true],
    ]);
    expect(await postJobsCount(w.control)).toBe(before + 2);
    expect(JSON.stringify(res.body)).not.toContain('orders-private-key');

    const rows = await orderRows(w.app, { targetDocumentId: documentId });
    expect(rows).toHaveLength(2);
    await w.control.flush();
    const gengoJobs = await w.control.jobs();
    const client = await w.app.strapi.plugin('gengo').service('settings').client();
    for (const row of rows) {
      expect(row.status).toBe('placed');
      expect(row.gengoOrderId).toMatch(/^\d+$/);
      expect(Number(row.credits)).toBeGreaterThan(0);
      expect(row.submittedAt).toBeTruthy();
      expect(row.options).toEqual(
        expect.objectContaining({ asGroup: true, comment: expect.stringContaining('Friendly tone') })
      );
      const { thread } = await client.listOrderComments(row.gengoOrderId);
      expect(thread[0].body).toMatch(
        /^Content of a "Article" entry \(api::article\.article\) from a Strapi website\. Fields: title, summary, body, seo, sections\./
      );
      expect(thread[0].body).toMatch(/Friendly tone, please\.$/);
      const jobs = await jobRows(w.app, { orderId: row.id });
      expect(jobs.length).toBeGreaterThanOrEqual(7);
      expect(jobs.every((j: any) => j.status === 'queued' && j.gengoJobId === null)).toBe(true);
      const ours = gengoJobs.filter((j) => String(j.order_id) === row.gengoOrderId);
      expect(ours).toHaveLength(jobs.length);
      for (const gj of ours) {
        const data = decodeCustomData(gj.custom_data);
        expect(data?.ref).toBe(row.reference);
        expect(jobs.some((j: any) => j.segmentKey === data!.s && j.chunkIndex === data!.c)).toBe(true);
        expect(gj.lc_tgt).toBe(row.targetLocale);
        expect(String(gj.slug)).toMatch(/^Article: /);
      }
    }
  });

  it('with a public URL: jobs carry the callback URL; jobs are grouped unless turned off; a glossary and preferred translators pass through', async () => {
    expect((await api().put('/gengo/settings').send({ publicUrl: 'http://127.0.0.1:9' })).status).toBe(200);
    const glossaries = await (await w.app.strapi.plugin('gengo').service('settings').client()).listGlossaries();
    const documentId = await createArticle(w.app);
    const res = await order({
      documentId,
      targetLocales: ['fr'],
      glossaryId: Number(glossaries[0].id),
      usePreferred: true,
    });
    expect(res.status).toBe(200);
    const grouped = await order({ documentId, targetLocales: ['de'], asGroup: false });
    expect(grouped.status).toBe(200);
    await w.control.flush();
    const all = await w.control.jobs();
    const [fr, de] = [res, grouped].map((r) =>
      all.filter((j) => String(j.order_id) === r.body.data.orders[0].gengoOrderId)
    );
    expect(fr.length).toBeGreaterThan(1);
    expect(new Set(fr.map((j) => j.group_id)).size).toBe(1);
    expect(fr[0].group_id).toBeTruthy();
    expect(de.every((j) => j.group_id === undefined)).toBe(true);
    for (const j of fr) expect(String(j.callback_url)).toMatch(/^http:\/\/127\.0\.0\.1:9\/api\/gengo\/callback\//);
    // best_practices.md: the User-Agent names the plugin, its version and the site.
    const agents = new Set((await w.control.requests()).slice(-3).map((r) => r.userAgent));
    expect([...agents]).toEqual([`Gengo strapi-plugin-gengo; Version ${pkg.version}; http://127.0.0.1:9;`]);
    expect(res.body.data.orders[0].options).toEqual(
      expect.objectContaining({ glossaryId: Number(glossaries[0].id), usePreferred: true, asGroup: true })
    );
    await w.control.clearCallbacks();
  });

  it("context for the translator: the entry's images, and a preview link only when enabled, without secrets", async () => {
    expect((await api().put('/gengo/settings').send({ publicUrl: 'http://127.0.0.1:9/' })).status).toBe(200);
    const file = await w.app.strapi.db.query('plugin::upload.file').create({
      data: {
        name: 'cover.png',
        hash: 'cover_ord',
        ext: '.png',
        mime: 'image/png',
        size: 1,
        url: '/uploads/cover_ord.png',
        provider: 'local',
      },
    });
    const documentId = await createArticle(w.app);
    await w.app.strapi.documents(ARTICLE as any).update({ documentId, locale: 'en', data: { cover: file.id } as any });
    const service = w.app.strapi.plugin('gengo').service('settings');
    const original = service.client;
    const sent: any[] = [];
    service.client = async () => {
      const c = await original();
      return { ...c, postJobs: (req: any, o: any) => (sent.push(req), c.postJobs(req, o)) };
    };
    const config = w.app.strapi.config;
    const preview = config.get('admin.preview');
    // Strapi's documented handler puts PREVIEW_SECRET in the URL it returns.
    const SECRET = 'preview-secret-4c2a91';
    process.env.PREVIEW_SECRET = SECRET;
    config.set('admin.preview', {
      enabled: true,
      config: {
        handler: (uid: string, { documentId: id, locale }: any) =>
          `/preview/${uid}/${id}?locale=${locale}&secret=${SECRET}&token=t0k3n`,
      },
    });
    const cover = { url: 'http://127.0.0.1:9/uploads/cover_ord.png', filename: 'cover.png', mime_type: 'image/png' };
    try {
      // Off by default: no preview link leaves the site.
      expect(
        (await order({ documentId, targetLocales: ['fr'], fields: ['title', 'summary'], usePreferred: true })).status
      ).toBe(200);
      expect((await api().put('/gengo/settings').send({ previewLinks: true })).status).toBe(200);
      expect((await order({ documentId, targetLocales: ['de'], fields: ['title'] })).status).toBe(200);
    } finally {
      service.client = original;
      config.set('admin.preview', preview);
      delete process.env.PREVIEW_SECRET;
      await api().put('/gengo/settings').send({ previewLinks: false });
      await w.control.clearCallbacks();
    }
    const job = sent[0].jobs.job_1;
    expect(job.attachments).toEqual([cover]);
    expect(sent[1].jobs.job_1.attachments).toEqual([
      cover,
      {
        url: `http://127.0.0.1:9/preview/${ARTICLE}/${documentId}?locale=en`,
        filename: 'preview.html',
        mime_type: 'text/html',
      },
    ]);
    expect(JSON.stringify(sent)).not.toContain(SECRET);
    expect(JSON.stringify(sent)).not.toContain('t0k3n');
    expect(job.use_preferred).toBe(1);
    expect(sent[0]).toEqual(
      expect.objectContaining({
        as_group: 1,
        allow_fork: 1,
        comment: expect.stringContaining('Fields: title, summary.'),
      })
    );
  });

  it('the same request twice places one order (derived key, and Idempotency-Key)', async () => {
    const documentId = await createArticle(w.app);
    const first = await order({ documentId, targetLocales: ['fr'] });
    expect(first.status).toBe(200);
    const posts = await postJobsCount(w.control);
    const [a, b] = await Promise.all([
      order({ documentId, targetLocales: ['fr'] }),
      order({ documentId, targetLocales: ['fr'] }),
    ]);
    for (const again of [a, b]) {
      expect(again.status).toBe(200);
      expect(again.body.data.orders[0]).toEqual(
        expect.objectContaining({ id: first.body.data.orders[0].id, created: false })
      );
    }
    expect(await postJobsCount(w.control)).toBe(posts);

    // An explicit key: concurrent twins → one order, one POST.
    const other = await createArticle(w.app);
    const send = () =>
      api()
        .post('/gengo/orders')
        .set('Idempotency-Key', `click-${other}`)
        .send({ contentType: ARTICLE, documentId: other, targetLocales: ['de'] });
    const [x, y] = await Promise.all([send(), send()]);
    expect([x.status, y.status]).toEqual([200, 200]);
    expect(x.body.data.orders[0].id).toBe(y.body.data.orders[0].id);
    expect(await postJobsCount(w.control)).toBe(posts + 1);
    expect(await orderRows(w.app, { targetDocumentId: other })).toHaveLength(1);
  });

  it('re-ordering text Gengo translated before: answered at once for free, and written into the entry', async () => {
    const documentId = await createArticle(w.app);
    const fields = ['title', 'summary'];
    const first = await order({ documentId, targetLocales: ['fr'], fields, idempotencyKey: `first-${documentId}` });
    expect(first.status).toBe(200);
    await w.control.flush();
    for (const j of (await w.control.jobs()).filter(
      (j) => String(j.order_id) === first.body.data.orders[0].gengoOrderId
    ))
      await w.control.advance(j.job_id, 'approved');

    const again = await order({ documentId, targetLocales: ['fr'], fields, idempotencyKey: `again-${documentId}` });
    expect(again.status).toBe(200);
    const placed = again.body.data.orders[0];
    expect(placed).toEqual(expect.objectContaining({ status: 'placed', created: true, credits: 0 }));
    await w.app.strapi.plugin('gengo').service('ordering').settled();
    const rows = await jobRows(w.app, { orderId: placed.id });
    expect(rows.map((r: any) => [r.gengoStatus, typeof r.bodyTgt])).toEqual([
      ['approved', 'string'],
      ['approved', 'string'],
    ]);
    // Gengo's old jobs serve the new rows too: bound, as jobs shared with the first order (charged there).
    expect(rows.every((r: any) => r.gengoJobId && r.sharedWithOrderId === first.body.data.orders[0].id)).toBe(true);
    const fr = await w.app.strapi.documents(ARTICLE as any).findOne({ documentId, locale: 'fr' });
    expect(fr?.title).toMatch(/^\[fr\] /);
  });

  it('a balance too low refuses the order with a clear error, nothing recorded, nothing posted', async () => {
    const documentId = await createArticle(w.app);
    await w.control.setBalance(0.05);
    const posts = await postJobsCount(w.control);
    const res = await order({ documentId, targetLocales: ['fr'] });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(
      /Not enough Gengo credits: the order costs [\d.]+ USD and the balance is 0\.05 USD/
    );
    expect(res.body.error.details.reason).toBe('balance');
    expect(await orderRows(w.app, { targetDocumentId: documentId })).toHaveLength(0);
    expect(await postJobsCount(w.control)).toBe(posts);
  });

  it("Gengo's own refusal (2700) fails the order with Gengo's message and frees the request for a retry", async () => {
    const documentId = await createArticle(w.app);
    await w.control.fault({
      path: 'translate/jobs',
      method: 'POST',
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ opstat: 'error', err: { code: 2700, msg: 'Not enough credits - please top up' } }),
      count: 1,
    });
    const res = await order({ documentId, targetLocales: ['fr'] });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('Gengo refused the order for fr: Not enough credits - please top up');
    expect(res.body.error.details.code).toBe(2700);
    const [failed] = await orderRows(w.app, { targetDocumentId: documentId });
    expect(failed).toEqual(
      expect.objectContaining({ status: 'failed', lastError: 'Not enough credits - please top up' })
    );
    expect(failed.requestKey).toMatch(/^failed:/);

    const retry = await order({ documentId, targetLocales: ['fr'] });
    expect(retry.status).toBe(200);
    expect(retry.body.data.orders[0].status).toBe('placed');

    // Refused for the second locale: the error says which orders were placed before it.
    const other = await createArticle(w.app);
    await w.control.fault({
      path: 'translate/jobs',
      method: 'POST',
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ opstat: 'error', err: { code: 2700, msg: 'Not enough credits - please top up' } }),
      percent: 50,
    });
    const half = await order({ documentId: other, targetLocales: ['fr', 'de'] });
    expect(half.status).toBe(400);
    expect(half.body.error.details.locale).toBe('de');
    expect(half.body.error.details.placed).toEqual([expect.objectContaining({ targetLocale: 'fr', status: 'placed' })]);
    expect((await orderRows(w.app, { targetDocumentId: other })).map((o: any) => [o.targetLocale, o.status])).toEqual([
      ['fr', 'placed'],
      ['de', 'failed'],
    ]);
  });

  it('budget caps per order and per month refuse the order', async () => {
    const documentId = await createArticle(w.app);
    const posts = await postJobsCount(w.control);
    expect((await api().put('/gengo/settings').send({ budgetPerOrder: 0.01 })).status).toBe(200);
    const perOrder = await order({ documentId, targetLocales: ['fr'] });
    expect(perOrder.status).toBe(400);
    expect(perOrder.body.error.message).toMatch(/above the budget cap per order of 0\.01 USD \(Gengo credits\)/);

    const spent = (await orderRows(w.app, { status: 'placed' })).reduce(
      (s: number, o: any) => s + Number(o.credits),
      0
    );
    expect(spent).toBeGreaterThan(0);
    await api()
      .put('/gengo/settings')
      .send({ budgetPerOrder: null, budgetPerMonth: Math.round(spent * 100) / 100 + 0.01 });
    const perMonth = await order({ documentId, targetLocales: ['fr'] });
    expect(perMonth.status).toBe(400);
    expect(perMonth.body.error.message).toMatch(/already ordered this month it would pass the monthly budget cap/);
    expect(perMonth.body.error.details.reason).toBe('month-cap');
    expect(await orderRows(w.app, { targetDocumentId: documentId })).toHaveLength(0);
    expect(await postJobsCount(w.control)).toBe(posts);
  });

  it('a 5xx on POST translate/jobs: one POST, the order ambiguous, and a retried request never posts again', async () => {
    const documentId = await createArticle(w.app);
    const posts = await postJobsCount(w.control);
    await w.control.fault({ path: 'translate/jobs', method: 'POST', status: 502, count: 1 });
    const res = await order({ documentId, targetLocales: ['fr', 'de'] });
    expect(res.status).toBe(200);
    expect(res.body.data.orders).toEqual([
      expect.objectContaining({ targetLocale: 'fr', status: 'ambiguous', gengoOrderId: null }),
    ]);
    expect(res.body.data.notPlaced).toEqual(['de']);
    expect(await postJobsCount(w.control)).toBe(posts + 1);

    const again = await order({ documentId, targetLocales: ['fr'] });
    expect(again.body.data.orders[0]).toEqual(
      expect.objectContaining({ id: res.body.data.orders[0].id, status: 'ambiguous', created: false })
    );
    expect(await postJobsCount(w.control)).toBe(posts + 1);
  });

  it('a POST that times out: ambiguous, one POST, never re-posted; at most one order in Gengo', async () => {
    const documentId = await createArticle(w.app);
    const posts = await postJobsCount(w.control);
    const config = w.app.strapi.config;
    config.set('plugin::gengo.timeoutMs', 1000);
    reloadPluginConfig(w.app.strapi);
    try {
      await w.control.fault({ path: 'translate/jobs', method: 'POST', hangMs: 1500, count: 1 });
      const res = await order({ documentId, targetLocales: ['fr'] });
      expect(res.status).toBe(200);
      expect(res.body.data.orders[0]).toEqual(
        expect.objectContaining({ status: 'ambiguous', lastError: expect.stringMatching(/do not re-post/) })
      );
      const again = await order({ documentId, targetLocales: ['fr'] });
      expect(again.body.data.orders[0]).toEqual(
        expect.objectContaining({ id: res.body.data.orders[0].id, created: false })
      );
    } finally {
      config.set('plugin::gengo.timeoutMs', undefined);
      reloadPluginConfig(w.app.strapi);
    }
    expect(await postJobsCount(w.control)).toBe(posts + 1);
    const [row] = await orderRows(w.app, { targetDocumentId: documentId });
    const inGengo = (await w.control.jobs()).filter((j) => decodeCustomData(j.custom_data)?.ref === row.reference);
    expect(new Set(inGengo.map((j) => String(j.order_id))).size).toBeLessThanOrEqual(1);
  });
});
