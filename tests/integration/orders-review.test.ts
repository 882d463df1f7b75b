import { ARTICLE, createSourceArticle, jobRows, startOrdersWorld, type OrdersWorld } from '../helpers/ordering-world';

/** Review routes on jobs the emulator moves through Gengo's lifecycle (control `advance`). */
describe('orders: review', () => {
  let w: OrdersWorld;
  beforeAll(async () => {
    w = await startOrdersWorld(500);
  });
  afterAll(async () => {
    // (stop() waits for the work an approval starts without waiting: the receiving side's apply.)
    await w?.stop();
  });

  const api = () => w.app.as(w.admin.token);

  /** Orders title + summary into fr (two jobs); returns our job rows, Gengo ids discovered. */
  const orderTwoJobs = async () => {
    const documentId = await createSourceArticle(w.app);
    const res = await api()
      .post('/gengo/orders')
      .send({ contentType: ARTICLE, documentId, targetLocales: ['fr'], fields: ['title', 'summary'] });
    expect(res.status).toBe(200);
    await w.control.flush();
    const rows = await jobRows(w.app, { orderId: res.body.data.orders[0].id });
    expect(rows).toHaveLength(2);
    const found = [];
    for (const row of rows) {
      const got = await api().get(`/gengo/jobs/${row.id}`);
      expect(got.status).toBe(200);
      expect(got.body.data).toEqual(
        expect.objectContaining({
          id: row.id,
          gengoJobId: expect.stringMatching(/^\d+$/),
          gengoStatus: 'available',
          status: 'available',
        })
      );
      found.push(got.body.data);
    }
    // Units and credits per job, as Gengo gives them (the orders page's jobs window shows them):
    // stored once the receiving side has synced the job the GET read.
    await w.app.strapi.plugin('gengo').service('review').settled();
    for (const job of found) {
      const again = (await api().get(`/gengo/jobs/${job.id}`)).body.data;
      const atGengo = await w.control.job(job.gengoJobId);
      expect([again.unitCount, Number(again.credits)]).toEqual([Number(atGengo.unit_count), Number(atGengo.credits)]);
      expect(again.unitCount).toBeGreaterThan(0);
    }
    return found;
  };

  it('cancel: only while available', async () => {
    const [a, b] = await orderTwoJobs();
    const ok = await api().post(`/gengo/jobs/${a.documentId}/cancel`);
    expect(ok.status).toBe(200);
    expect(ok.body.data).toEqual(expect.objectContaining({ gengoStatus: 'canceled', status: 'canceled' }));
    expect((await w.control.job(a.gengoJobId)).status).toBe('canceled');

    await w.control.advance(b.gengoJobId, 'pending');
    const late = await api().post(`/gengo/jobs/${b.id}/cancel`);
    expect(late.status).toBe(400);
    expect(late.body.error.message).toBe(
      'Only a job still available to translators can be cancelled; this one is pending'
    );
    expect((await w.control.job(b.gengoJobId)).status).toBe('pending');

    // The orders list counts each order's jobs by our status (the page's "Waiting for a translator ·
    // 1 of 2"); Gengo calls back nothing when a translator picks a job up, so b still reads available.
    const listed = await api().get('/gengo/orders?pageSize=100');
    expect(listed.status).toBe(200);
    expect(listed.body.data.find((o: any) => o.id === a.orderId).jobCounts).toEqual({ available: 1, canceled: 1 });
  });

  it('revise needs a comment; reject needs the captcha text; machine preview while pending', async () => {
    const [a] = await orderTwoJobs();
    await w.control.advance(a.gengoJobId, 'pending');
    const mt = await api().get(`/gengo/jobs/${a.id}/machine-preview`);
    expect(mt.status).toBe(200);
    expect(mt.body.data).toEqual({ status: 'pending', machine: true, bodyTgt: expect.stringMatching(/^\[mt:fr\] /) });

    await w.control.advance(a.gengoJobId, 'reviewable');
    const noComment = await api().post(`/gengo/jobs/${a.id}/revise`).send({});
    expect(noComment.status).toBe(400);
    expect(noComment.body.error.name).toBe('ValidationError');
    expect(noComment.body.error.details.errors.map((e: any) => e.path.join('.'))).toContain('comment');

    const revise = await api().post(`/gengo/jobs/${a.id}/revise`).send({ comment: 'Please use the formal "vous".' });
    expect(revise.status).toBe(200);
    expect(revise.body.data.gengoStatus).toBe('revising');
    expect((await w.control.job(a.gengoJobId)).status).toBe('revising');

    await w.control.advance(a.gengoJobId, 'reviewable');
    const shown = await api().get(`/gengo/jobs/${a.id}`);
    expect(shown.body.data.captchaUrl).toMatch(/^https?:\/\//);
    const revisions = await api().get(`/gengo/jobs/${a.id}/revisions`);
    expect(revisions.status).toBe(200);
    expect(revisions.body.data.length).toBeGreaterThanOrEqual(2);
    const one = await api().get(`/gengo/jobs/${a.id}/revisions/${revisions.body.data[0].rev_id}`);
    expect(one.status).toBe(200);
    expect(one.body.data.body_tgt).toMatch(/^\[fr\] /);

    const missing = await api().post(`/gengo/jobs/${a.id}/reject`).send({ reason: 'quality', comment: 'Wrong terms' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.errors.map((e: any) => e.path.join('.'))).toContain('captcha');
    const wrong = await api()
      .post(`/gengo/jobs/${a.id}/reject`)
      .send({ reason: 'quality', comment: 'Wrong terms', captcha: 'nope' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toMatch(/^Gengo refused to reject: /);

    const { captcha } = await w.control.job(a.gengoJobId);
    const reject = await api()
      .post(`/gengo/jobs/${a.id}/reject`)
      .send({ reason: 'quality', comment: 'Wrong terms', captcha, followUp: 'cancel' });
    expect(reject.status).toBe(200);
    const inGengo = await w.control.job(a.gengoJobId);
    expect(reject.body.data.gengoStatus).toBe(String(inGengo.status).replace('cancelled', 'canceled'));
    expect(['rejected', 'canceled']).toContain(reject.body.data.gengoStatus);
  });

  it('approve with rating and feedback; comments listed and posted; feedback read back', async () => {
    const [a] = await orderTwoJobs();
    const post = await api().post(`/gengo/jobs/${a.id}/comments`).send({ body: 'The title is a product name.' });
    expect(post.status).toBe(200);
    expect(post.body.data).toEqual(
      expect.arrayContaining([expect.objectContaining({ body: 'The title is a product name.', author: 'customer' })])
    );
    expect((await api().post(`/gengo/jobs/${a.id}/comments`).send({ body: '  ' })).status).toBe(400);
    await w.control.comment(a.gengoJobId, 'Should I keep the brand in English?');
    const thread = await api().get(`/gengo/jobs/${a.id}/comments`);
    expect(thread.body.data.map((c: any) => c.author)).toEqual(expect.arrayContaining(['customer', 'worker']));

    await w.control.advance(a.gengoJobId, 'reviewable');
    const bad = await api().post(`/gengo/jobs/${a.id}/approve`).send({ rating: 7 });
    expect(bad.status).toBe(400);
    const approve = await api()
      .post(`/gengo/jobs/${a.id}/approve`)
      .send({ rating: 5, forTranslator: 'Great work', forGengo: 'Smooth', public: true });
    expect(approve.status).toBe(200);
    expect(approve.body.data.gengoStatus).toBe('approved');
    expect((await w.control.job(a.gengoJobId)).status).toBe('approved');
    const feedback = await api().get(`/gengo/jobs/${a.id}/feedback`);
    expect(feedback.status).toBe(200);
    expect(String(feedback.body.data.rating)).toBe('5');
    expect(feedback.body.data.for_translator).toBe('Great work');
  });

  it('approve whose answer is lost after Gengo approved: done, one PUT; a reject lost before: 400 asking for a fresh captcha', async () => {
    const [a, b] = await orderTwoJobs();
    await w.control.advance(a.gengoJobId, 'reviewable');
    await w.control.advance(b.gengoJobId, 'reviewable');
    const puts = async () =>
      (await w.control.requests()).filter((r) => r.method === 'PUT' && r.path.startsWith('/v2/translate/job/')).length;
    const before = await puts();
    // Gengo approves, then the answer is lost (a gateway's 502 page).
    await w.control.fault({ path: 'translate/job/*', method: 'PUT', status: 502, afterHandling: true, count: 1 });
    const approve = await api().post(`/gengo/jobs/${a.id}/approve`).send({});
    expect(approve.status).toBe(200);
    expect(approve.body.data.gengoStatus).toBe('approved');
    expect(await puts()).toBe(before + 1);

    // The reject never reaches Gengo's handler: not sent again, the captcha not reused.
    const { captcha } = await w.control.job(b.gengoJobId);
    await w.control.fault({ path: 'translate/job/*', method: 'PUT', status: 502, count: 1 });
    const reject = await api()
      .post(`/gengo/jobs/${b.id}/reject`)
      .send({ reason: 'quality', comment: 'Wrong tone', captcha });
    expect(reject.status).toBe(400);
    expect(reject.body.error.message).toMatch(/fresh captcha/);
    expect(reject.body.error.details).toEqual(expect.objectContaining({ needsFreshCaptcha: true }));
    expect(await puts()).toBe(before + 2);
    expect((await w.control.job(b.gengoJobId)).status).toBe('reviewable');
  });

  it('unknown jobs are 404, malformed ids 400', async () => {
    expect((await api().get('/gengo/jobs/999999')).status).toBe(404);
    expect((await api().post('/gengo/jobs/999999/cancel')).status).toBe(404);
    expect((await api().get('/gengo/jobs/a-b/comments')).status).toBe(400);
  });
});
