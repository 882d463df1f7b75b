import { createRestrictedAdmin } from '../helpers/admin';
import { createArticles, setPageSize, ordersPerTarget, useBulkWorld, watchBatch } from '../helpers/bulk';
import crypto from 'crypto';
import { ARTICLE, jobRows, orderRows, postJobsCount } from '../helpers/ordering-world';

/** Bulk orders (issue #6): a list-view selection quoted, then ordered by a server-side batch. */
describe('bulk orders', () => {
  const world = useBulkWorld();
  const { api, worker } = world;

  it('quotes a selection: totals are the sum of per-document quotes; skipped documents say why', async () => {
    const ids = await createArticles(world.w.app, 3);
    const empty = await world.w.app.strapi
      .documents(ARTICLE as any)
      .create({ locale: 'en', data: { views: 3 } as any });
    const selection = [...ids, empty.documentId, 'nosuchdocument0000000000'];
    const res = await api()
      .post('/gengo/bulk/quote')
      .send({ contentType: ARTICLE, documentIds: selection, targetLocales: ['fr', 'ja'] });
    expect(res.status).toBe(200);
    const q = res.body.data;

    let units = 0;
    let credits = 0;
    const perLocale: Record<string, number> = { fr: 0, ja: 0 };
    for (const documentId of ids) {
      const one = await api()
        .post('/gengo/quote')
        .send({ contentType: ARTICLE, documentId, targetLocales: ['fr', 'ja'] });
      expect(one.status).toBe(200);
      for (const l of one.body.data.locales) {
        units += l.units;
        credits += l.credits;
        perLocale[l.locale] += l.credits;
      }
    }
    expect(q).toMatchObject({
      contentType: ARTICLE,
      sourceLocale: 'en',
      targetLocales: ['fr', 'ja'],
      tier: 'standard',
      documents: 3,
      units,
      currency: 'USD',
    });
    expect(q.units).toBeGreaterThan(0);
    expect(q.credits).toBeCloseTo(credits, 2);
    expect(q.locales.map((l: any) => [l.locale, l.lcTgt, l.offered])).toEqual([
      ['fr', 'fr', true],
      ['ja', 'ja', true],
    ]);
    for (const l of q.locales) expect(l.credits).toBeCloseTo(perLocale[l.locale], 2);
    expect(q.skipped).toEqual([
      { documentId: empty.documentId, reason: expect.stringMatching(/Nothing to translate/) },
      {
        documentId: 'nosuchdocument0000000000',
        reason: expect.stringMatching(/No Article "nosuchdocument0000000000" in locale "en"/),
      },
    ]);
    expect(q.balance).toEqual({ credits: expect.any(Number), currency: 'USD' });
    expect(q.budget.check).toEqual({ ok: true });
    expect(q.eta).toBeGreaterThan(0);
  });

  it('orders 50 articles × 2 locales: progress goes up page by page, one Gengo order per page and locale', async () => {
    const ids = await createArticles(world.w.app, 50);
    setPageSize(world.w.app, 10);
    // Gengo a little slow (10 POSTs, 2 pages at a time: 0.75 s or more), so that progress can be watched.
    await world.w.control.fault({ path: 'translate/jobs', method: 'POST', latencyMs: 150 });
    const posts = await postJobsCount(world.w.control);
    const calls = (await world.w.control.requests()).length;
    const res = await api()
      .post('/gengo/bulk')
      .send({
        contentType: ARTICLE,
        documentIds: ids,
        targetLocales: ['fr', 'de'],
        comment: 'Bulk note',
        idempotencyKey: 'bulk-fifty-1',
      });
    expect(res.status).toBe(202);
    expect(res.body.data).toMatchObject({
      status: expect.stringMatching(/queued|running/),
      total: 50,
      targetLocales: ['fr', 'de'],
      createdByName: 'super Test',
    });

    const { view, progress } = await watchBatch(api().get, res.body.data.id);
    expect(view).toMatchObject({
      status: 'completed',
      total: 50,
      done: 50,
      failed: 0,
      pending: 0,
      ordered: 100,
      failures: [],
    });
    expect(view.credits).toBeGreaterThan(0);
    expect(view.finishedAt).toBeTruthy();
    // Watched while it ran: more than the start and the end.
    expect(progress.length).toBeGreaterThan(2);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);

    await world.w.control.flush();
    const { gengo, gengoOrders, ours, rows } = await ordersPerTarget(world.w.app, world.w.control, ids);
    // Every document and locale in exactly one Gengo order, each order row its own.
    expect(gengo.size).toBe(100);
    expect([...gengo.values()].every((n) => n === 1)).toBe(true);
    expect([...ours.values()].every((n) => n === 1)).toBe(true);
    expect(rows.every((r: any) => r.status === 'placed' && r.orderedByName === 'super Test')).toBe(true);
    expect(rows[0].options.comment).toMatch(/Bulk note$/);
    // 5 pages of 10 × 2 locales: 10 POSTs, each one Gengo order of 10 documents.
    expect(await postJobsCount(world.w.control)).toBe(posts + 10);
    expect(gengoOrders.size).toBe(10);
    const perGengoOrder = new Map<string, number>();
    for (const r of rows as any[]) perGengoOrder.set(r.gengoOrderId, (perGengoOrder.get(r.gengoOrderId) ?? 0) + 1);
    expect([...perGengoOrder.keys()].sort()).toEqual([...gengoOrders].sort());
    expect([...perGengoOrder.values()].every((n) => n === 10)).toBe(true);
    // Besides the 10 orders, Gengo is asked once per batch, not per document: quotes of 100 jobs
    // a call, the balance; the languages at most once (kept for 10 minutes, asked by this world's
    // earlier tests already).
    const others = (await world.w.control.requests())
      .slice(calls)
      .filter((r) => !(r.method === 'POST' && /translate\/jobs$/.test(r.path)));
    const named = others.map((r) => `${r.method} ${r.path.replace(/^\/?(v2\/)?/, '')}`);
    expect(named.filter((c) => c === 'GET translate/service/languages').length).toBeLessThanOrEqual(1);
    expect(named.filter((c) => c !== 'GET translate/service/languages').sort()).toEqual([
      'GET account/balance',
      'POST translate/service/quote',
      'POST translate/service/quote',
    ]);

    // The same key again: the same batch, nothing ordered twice.
    const again = await api()
      .post('/gengo/bulk')
      .set('Idempotency-Key', 'bulk-fifty-1')
      .send({ contentType: ARTICLE, documentIds: ids, targetLocales: ['fr', 'de'] });
    expect(again.status).toBe(200);
    expect(again.body.data.id).toBe(res.body.data.id);
    await worker().idle();
    expect(await postJobsCount(world.w.control)).toBe(posts + 10);

    const list = await api().get('/gengo/bulk');
    expect(list.status).toBe(200);
    expect(list.body.data[0]).toMatchObject({ id: res.body.data.id, done: 50 });
    expect(list.body.data[0].failures).toBeUndefined();
  });

  it('a page Gengo refuses is ordered document by document: the one Gengo refuses and one deleted mid-batch are listed with their reason; the rest completes', async () => {
    const ids = await createArticles(world.w.app, 30);
    setPageSize(world.w.app, 10);
    const posts = await postJobsCount(world.w.control);
    const refusal = JSON.stringify({ opstat: 'error', err: { code: 2700, msg: 'Not enough credits - please top up' } });
    // Gengo refuses every POST carrying the first document: its page's, then its own.
    const first = (
      (await world.w.app.strapi.documents(ARTICLE as any).findOne({ documentId: ids[0], locale: 'en' })) as any
    ).title;
    await world.w.control.fault({
      path: 'translate/jobs',
      method: 'POST',
      status: 200,
      contentType: 'application/json',
      body: refusal,
      bodyContains: first,
    });
    // The third page is read once the first is done (11 POSTs, 1.1 s or more): after the delete.
    await world.w.control.fault({ path: 'translate/jobs', method: 'POST', latencyMs: 100 });
    const res = await api()
      .post('/gengo/bulk')
      .send({ contentType: ARTICLE, documentIds: ids, targetLocales: ['fr'] });
    expect(res.status).toBe(202);
    await world.w.app.strapi.documents(ARTICLE as any).delete({ documentId: ids[29], locale: '*' } as any);
    const { view } = await watchBatch(api().get, res.body.data.id);
    expect(view).toMatchObject({ status: 'completed', total: 30, done: 28, failed: 2, pending: 0, ordered: 28 });
    const refused = view.failures.find((f: any) => /Not enough credits - please top up/.test(f.reason));
    expect(refused).toMatchObject({ documentId: ids[0], title: first });
    expect(view.failures).toContainEqual({
      documentId: ids[29],
      title: expect.stringMatching(/^Bulk title/),
      reason: expect.stringMatching(/No Article .* in locale "en"/),
    });
    expect(view.failures).toHaveLength(2);
    // The first page refused, then its 10 documents alone (the first refused); the others, one POST a page.
    expect(await postJobsCount(world.w.control)).toBe(posts + 13);
    await world.w.control.flush();
    const { gengo, gengoOrders, rows } = await ordersPerTarget(world.w.app, world.w.control, ids);
    expect(gengo.size).toBe(28);
    expect([...gengo.values()].every((n) => n === 1)).toBe(true);
    expect(gengoOrders.size).toBe(11);
    // The refused POSTs' rows are failed with their request keys released; the rest placed.
    const failed = rows.filter((r: any) => r.status === 'failed');
    expect(failed).toHaveLength(11);
    expect(
      failed.every((r: any) => r.requestKey === `failed:${r.reference}` && /Not enough credits/.test(r.lastError))
    ).toBe(true);
    expect(rows.filter((r: any) => r.status === 'placed')).toHaveLength(28);
  });

  it('a document refused for its second locale keeps the order its page placed for the first, and counts it', async () => {
    const ids = await createArticles(world.w.app, 3);
    const refusal = JSON.stringify({ opstat: 'error', err: { code: 2700, msg: 'Not enough credits - please top up' } });
    const first = (
      (await world.w.app.strapi.documents(ARTICLE as any).findOne({ documentId: ids[0], locale: 'en' })) as any
    ).title;
    // Only the German job of the first document (the payload's keys in the plugin's order).
    await world.w.control.fault({
      path: 'translate/jobs',
      method: 'POST',
      status: 200,
      contentType: 'application/json',
      body: refusal,
      bodyContains: `${first}","lc_src":"en","lc_tgt":"de"`,
    });
    const res = await api()
      .post('/gengo/bulk')
      .send({ contentType: ARTICLE, documentIds: ids, targetLocales: ['fr', 'de'] });
    const { view } = await watchBatch(api().get, res.body.data.id);
    expect(view).toMatchObject({ status: 'completed', done: 2, failed: 1, ordered: 5 });
    expect(view.failures).toEqual([
      { documentId: ids[0], title: first, reason: expect.stringMatching(/de: Not enough credits/) },
    ]);
    const rows = (await orderRows(world.w.app, { targetDocumentId: ids[0] })) as any[];
    expect(rows.filter((r) => r.status === 'placed').map((r) => r.targetLocale)).toEqual(['fr']);
  });

  it("a page's Gengo order: each document's translation lands in its own entry", async () => {
    const ids = await createArticles(world.w.app, 4);
    const res = await api()
      .post('/gengo/bulk')
      .send({ contentType: ARTICLE, documentIds: ids, targetLocales: ['fr', 'de'] });
    await watchBatch(api().get, res.body.data.id);
    await world.w.control.flush();
    const rows = (await orderRows(world.w.app, { targetDocumentId: { $in: ids } })) as any[];
    expect(new Set(rows.map((r) => r.gengoOrderId)).size).toBe(2);
    const gengoJobs = (await world.w.control.jobs()) as any[];
    const ours = gengoJobs.filter((j) => rows.some((r) => String(j.custom_data).includes(r.reference)));
    expect(ours).toHaveLength(16);
    for (const j of ours) await world.w.control.advance(j.job_id, 'approved');
    // No callback URL in this world: the poller brings the translations in.
    await world.w.app.strapi.plugin('gengo').service('receiving').reconcile();
    await world.w.app.strapi.plugin('gengo').service('receiving').idle();
    for (const r of rows) {
      const entry: any = await world.w.app.strapi
        .documents(ARTICLE as any)
        .findOne({ documentId: r.targetDocumentId, locale: r.targetLocale });
      const title = ours.find(
        (j) => JSON.parse(j.custom_data).ref === r.reference && j.body_src.startsWith('Bulk title')
      );
      const summary = ours.find(
        (j) => JSON.parse(j.custom_data).ref === r.reference && j.body_src.startsWith('A short summary')
      );
      expect(entry).toMatchObject({
        title: (await world.w.control.job(title.job_id)).body_tgt,
        summary: (await world.w.control.job(summary.job_id)).body_tgt,
      });
    }
  });

  it('two entries sharing a sentence, one shared Gengo job: both written, both orders complete, charged once', async () => {
    const label = crypto.randomBytes(4).toString('hex');
    const shared = `Read more ${label}`;
    const paragraph = `A paragraph both articles share ${label}, word for word.`;
    const ids: string[] = [];
    for (const i of [1, 2]) {
      const doc = await world.w.app.strapi.documents(ARTICLE as any).create({
        locale: 'en',
        data: { title: `Own title ${label} ${i}`, summary: shared, body: paragraph } as any,
      });
      ids.push(doc.documentId as string);
    }
    const balance = (await world.w.control.balance()).credits;
    const res = await api()
      .post('/gengo/bulk')
      .send({ contentType: ARTICLE, documentIds: ids, targetLocales: ['fr'] });
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 202 });
    const { view } = await watchBatch(api().get, res.body.data.id);
    expect(view).toMatchObject({ status: 'completed', done: 2, ordered: 2, translated: 0 });
    await world.w.control.flush();
    const rows = (await orderRows(world.w.app, { targetDocumentId: { $in: ids } })) as any[];
    expect(rows).toHaveLength(2);
    const gengoJobs = ((await world.w.control.jobs()) as any[]).filter((j) =>
      rows.some((r) => String(j.custom_data).includes(r.reference))
    );
    // Two own titles, one shared summary, one shared body: 4 Gengo jobs for 6 rows.
    expect(gengoJobs).toHaveLength(4);
    const jobs = (await jobRows(world.w.app, { orderId: { $in: rows.map((r) => r.id) } })) as any[];
    expect(jobs).toHaveLength(6);
    // Every row knows its Gengo job, the shared ones included.
    expect(jobs.every((j) => j.gengoJobId)).toBe(true);
    expect(new Set(jobs.map((j) => j.gengoJobId)).size).toBe(4);
    const sharers = jobs.filter((j) => j.sharedWithOrderId);
    expect(sharers).toHaveLength(2);
    expect(sharers.every((j) => rows.some((r) => r.id === j.sharedWithOrderId && r.id !== j.orderId))).toBe(true);

    // Charged once: what Gengo took is what the batch and its orders say.
    const spent = balance - (await world.w.control.balance()).credits;
    const charged = gengoJobs.reduce((sum, j) => sum + Number(j.credits), 0);
    expect(spent).toBeCloseTo(charged, 2);
    const batch = (await api().get(`/gengo/bulk/${res.body.data.id}`)).body.data;
    expect(batch.credits).toBeCloseTo(charged, 2);
    const after = (await orderRows(world.w.app, { id: { $in: rows.map((r) => r.id) } })) as any[];
    expect(after.reduce((sum, r) => sum + Number(r.credits), 0)).toBeCloseTo(charged, 2);

    // Reviewable: both entries get the shared texts to review.
    for (const j of gengoJobs) await world.w.control.advance(j.job_id, 'reviewable');
    const receiving = world.w.app.strapi.plugin('gengo').service('receiving');
    await receiving.reconcile();
    await receiving.idle();
    for (const r of rows) {
      const entry: any = await world.w.app.strapi
        .documents(ARTICLE as any)
        .findOne({ documentId: r.targetDocumentId, locale: 'fr' });
      expect(entry.summary).toBe(
        (await world.w.control.job(gengoJobs.find((j) => j.body_src === shared).job_id)).body_tgt
      );
    }
    // A reviewer approves each Gengo job once, a shared one from the row that shares it: one PUT
    // each at Gengo, and every row it serves approved.
    await world.w.control.clearRequests();
    for (const j of gengoJobs) {
      const row =
        jobs.find((r) => r.gengoJobId === String(j.job_id) && r.sharedWithOrderId) ??
        jobs.find((r) => r.gengoJobId === String(j.job_id));
      const approved = await api().post(`/gengo/jobs/${row.id}/approve`).send({});
      expect({ status: approved.status, body: approved.body }).toMatchObject({ status: 200 });
    }
    await world.w.app.strapi.plugin('gengo').service('review').settled();
    await receiving.idle();
    const puts = (await world.w.control.requests()).filter((q) => q.method === 'PUT');
    expect(puts).toHaveLength(4);
    const summaryJob = gengoJobs.find((j) => j.body_src === shared);
    const bodyJob = gengoJobs.find((j) => j.body_src === paragraph);
    for (const r of rows) {
      const entry: any = await world.w.app.strapi
        .documents(ARTICLE as any)
        .findOne({ documentId: r.targetDocumentId, locale: 'fr' });
      expect(entry).toMatchObject({
        summary: (await world.w.control.job(summaryJob.job_id)).body_tgt,
        body: (await world.w.control.job(bodyJob.job_id)).body_tgt,
      });
      expect(entry.title).toMatch(/^\[fr\] /);
    }
    const done = (await orderRows(world.w.app, { id: { $in: rows.map((r) => r.id) } })) as any[];
    expect(done.map((o) => o.status)).toEqual(['completed', 'completed']);
    // The dialog's "Translated 2 of 2".
    expect((await api().get(`/gengo/bulk/${res.body.data.id}`)).body.data).toMatchObject({ total: 2, translated: 2 });
    const finalRows = (await jobRows(world.w.app, { orderId: { $in: rows.map((r) => r.id) } })) as any[];
    expect(finalRows.every((j) => j.status === 'approved' && j.appliedStatus === 'approved')).toBe(true);
  });

  it('one entry whose title, summary and a heading are the same text: one shared job fills every field', async () => {
    const label = crypto.randomBytes(4).toString('hex');
    const same = `Read more ${label}`;
    const doc = await world.w.app.strapi.documents(ARTICLE as any).create({
      locale: 'en',
      data: {
        title: same,
        summary: same,
        body: same,
        sections: [{ __component: 'sections.hero', heading: same, subheading: `Below ${label}` }],
      } as any,
    });
    const documentId = doc.documentId as string;
    const balance = (await world.w.control.balance()).credits;
    const res = await api()
      .post('/gengo/orders')
      .send({ contentType: ARTICLE, documentId, targetLocales: ['fr'] });
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 200 });
    await world.w.control.flush();
    const [order] = (await orderRows(world.w.app, { targetDocumentId: documentId })) as any[];
    const rows = (await jobRows(world.w.app, { orderId: order.id })) as any[];
    const gengoJobs = ((await world.w.control.jobs()) as any[]).filter((j) =>
      String(j.custom_data).includes(order.reference)
    );
    // The repeated text is one Gengo job, whatever the number of our rows carrying it.
    expect(gengoJobs.filter((j) => j.body_src === same)).toHaveLength(1);
    expect(rows.every((r) => r.gengoJobId)).toBe(true);
    const spent = balance - (await world.w.control.balance()).credits;
    expect(Number(order.credits)).toBeCloseTo(spent, 2);

    for (const j of gengoJobs) await world.w.control.advance(j.job_id, 'approved');
    await world.w.app.strapi.plugin('gengo').service('receiving').reconcile();
    await world.w.app.strapi.plugin('gengo').service('receiving').idle();
    const translated = (await world.w.control.job(gengoJobs.find((j) => j.body_src === same).job_id)).body_tgt;
    const entry: any = await world.w.app.strapi
      .documents(ARTICLE as any)
      .findOne({ documentId, locale: 'fr', populate: ['sections'] } as any);
    expect(entry).toMatchObject({ title: translated, summary: translated, body: translated });
    expect(entry.sections[0].heading).toBe(translated);
    expect((await orderRows(world.w.app, { id: order.id }))[0].status).toBe('completed');
  });

  it('cancel: documents not yet started are cancelled', async () => {
    const ids = await createArticles(world.w.app, 12);
    setPageSize(world.w.app, 4);
    // Gengo slow (3 pages of 4 documents take 3 s or more), so that the batch still runs when cancelled.
    await world.w.control.fault({ path: 'translate/jobs', method: 'POST', latencyMs: 1000 });
    const res = await api()
      .post('/gengo/bulk')
      .send({ contentType: ARTICLE, documentIds: ids, targetLocales: ['fr'] });
    expect(res.status).toBe(202);
    const cancelled = await api().post(`/gengo/bulk/${res.body.data.id}/cancel`).send({});
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.data.status).toBe('cancelled');
    await worker().idle();
    const { view } = await watchBatch(api().get, res.body.data.id);
    expect(view.status).toBe('cancelled');
    expect(view.pending).toBe(0);
    expect(view.done + view.failed).toBeLessThan(12);
    expect(view.ordered).toBe(view.done);
  });

  it('over the balance or a cap: refused for the whole selection, nothing recorded', async () => {
    const ids = await createArticles(world.w.app, 3);
    await world.w.control.setBalance(0.01);
    try {
      const res = await api()
        .post('/gengo/bulk')
        .send({ contentType: ARTICLE, documentIds: ids, targetLocales: ['fr'] });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/Not enough Gengo credits/);
      expect(res.body.error.details.reason).toBe('balance');
    } finally {
      await world.w.control.setBalance(100_000);
    }
    const before = (await api().get('/gengo/bulk')).body.data.length;
    // The per-order cap applies per document: its refusal names the costliest one.
    await world.w.app.strapi.plugin('gengo').service('settings').update({ budgetPerOrder: 0.01 });
    try {
      const quote = await api()
        .post('/gengo/bulk/quote')
        .send({ contentType: ARTICLE, documentIds: ids, targetLocales: ['fr'] });
      expect(quote.status).toBe(200);
      const titles = await Promise.all(
        ids.map(async (documentId) => {
          const doc: any = await world.w.app.strapi.documents(ARTICLE as any).findOne({ documentId, locale: 'en' });
          return doc.title as string;
        })
      );
      expect(quote.body.data.budget.check).toMatchObject({ ok: false, reason: 'order-cap' });
      const message: string = quote.body.data.budget.check.message;
      expect(titles.some((t) => message.startsWith(`"${t}" costs `))).toBe(true);
      expect(message).toContain('(and 2 other documents of the selection)');
    } finally {
      await world.w.app.strapi.store({ type: 'plugin', name: 'gengo', key: 'settings' }).delete({});
    }
    await world.w.app.strapi.plugin('gengo').service('settings').update({ budgetPerMonth: 0.01 });
    try {
      const res = await api()
        .post('/gengo/bulk')
        .send({ contentType: ARTICLE, documentIds: ids, targetLocales: ['fr'] });
      expect(res.status).toBe(400);
      expect(res.body.error.details.reason).toBe('month-cap');
    } finally {
      await world.w.app.strapi.store({ type: 'plugin', name: 'gengo', key: 'settings' }).delete({});
    }
    expect((await api().get('/gengo/bulk')).body.data.length).toBe(before);
  });

  it('bad input is a 400; unknown batch a 404', async () => {
    const [id] = await createArticles(world.w.app, 1);
    const bad = async (body: Record<string, unknown>, message: RegExp, path = '/gengo/bulk/quote') => {
      const res = await api()
        .post(path)
        .send({ contentType: ARTICLE, documentIds: [id], targetLocales: ['fr'], ...body });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
    };
    await bad({ contentType: 'api::nope.nope' }, /Unknown content type/);
    await bad({ documentIds: [] }, /documentIds/);
    await bad({ documentIds: [id, id] }, /repeat/);
    await bad({ targetLocales: ['xx'] }, /Locale "xx" does not exist/);
    await bad({ targetLocales: ['en'] }, /source locale/);
    await bad({ targetLocales: [] }, /targetLocales/);
    await bad({ tier: 'ultra' }, /tier/);
    await bad({ extra: 1 }, /unknown field/);
    await bad({ comment: 'x' }, /unknown field/);
    await bad({ extra: 1 }, /unknown field/, '/gengo/bulk');
    await bad({ documentIds: ['nosuchdocument0000000000'] }, /Nothing to translate/, '/gengo/bulk');
    expect((await api().post('/gengo/bulk').send([])).status).toBe(400);
    expect((await api().get('/gengo/bulk/999999')).status).toBe(404);
    expect((await api().get('/gengo/bulk/abc')).status).toBe(400);
    expect((await api().post('/gengo/bulk/999999/cancel').send({})).status).toBe(404);
  });

  it('RBAC: ordering needs the order action and read access to the type; reading progress needs read', async () => {
    const [id] = await createArticles(world.w.app, 1);
    const reader = await createRestrictedAdmin(world.w.app, ['plugin::gengo.read']);
    const orderer = await createRestrictedAdmin(world.w.app, ['plugin::gengo.order', 'plugin::gengo.read']);
    const body = { contentType: ARTICLE, documentIds: [id], targetLocales: ['fr'] };
    const made = await api().post('/gengo/bulk').send(body);
    expect(made.status).toBe(202);
    await worker().idle();
    const as = (t: string) => world.w.app.as(t);
    expect((await as(reader.token).post('/gengo/bulk/quote').send(body)).status).toBe(403);
    expect((await as(reader.token).post('/gengo/bulk').send(body)).status).toBe(403);
    expect((await as(reader.token).post(`/gengo/bulk/${made.body.data.id}/cancel`).send({})).status).toBe(403);
    expect((await as(reader.token).get(`/gengo/bulk/${made.body.data.id}`)).status).toBe(200);
    expect((await as(reader.token).get('/gengo/bulk')).status).toBe(200);
    // The order action without content-manager read on articles.
    const quote = await as(orderer.token).post('/gengo/bulk/quote').send(body);
    expect(quote.status).toBe(403);
    expect((await as(orderer.token).post('/gengo/bulk').send(body)).status).toBe(403);
    const allowed = await createRestrictedAdmin(world.w.app, [
      'plugin::gengo.order',
      {
        action: 'plugin::content-manager.explorer.read',
        subject: ARTICLE,
        properties: { fields: ['title', 'summary'], locales: ['en', 'fr'] },
      },
    ]);
    // Reading is not enough: the target locale must be writable too (permissions.test.ts).
    expect((await as(allowed.token).post('/gengo/bulk/quote').send(body)).status).toBe(403);
    const writer = await createRestrictedAdmin(world.w.app, [
      'plugin::gengo.order',
      ...['read', 'create'].map((a) => ({
        action: `plugin::content-manager.explorer.${a}`,
        subject: ARTICLE,
        properties: { fields: ['title', 'summary'], locales: ['en', 'fr'] },
      })),
    ]);
    expect((await as(writer.token).post('/gengo/bulk/quote').send(body)).status).toBe(200);
    expect((await world.w.app.http.get(`/gengo/bulk/${made.body.data.id}`)).status).toBe(401);
  });
});
