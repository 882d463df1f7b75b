import { createRestrictedAdmin, type AdminSession } from '../helpers/admin';
import {
  ARTICLE,
  createSourceArticle,
  jobRows,
  orderRows,
  startOrdersWorld,
  type OrdersWorld,
} from '../helpers/ordering-world';

/** What the review modal reads: the restored text of a job's segment, and its captcha image. */
describe('orders: review text and captcha', () => {
  let w: OrdersWorld;
  let reader: AdminSession;
  beforeAll(async () => {
    w = await startOrdersWorld(500);
    reader = await createRestrictedAdmin(w.app, ['plugin::gengo.read']);
  });
  afterAll(async () => {
    await w?.stop();
  });

  const api = () => w.app.as(w.admin.token);

  /** Orders the markdown body into fr; returns the job as GET /gengo/jobs/:id answers it. */
  const orderBody = async () => {
    const documentId = await createSourceArticle(w.app);
    const res = await api()
      .post('/gengo/orders')
      .send({ contentType: ARTICLE, documentId, targetLocales: ['fr'], fields: ['body'] });
    expect(res.status).toBe(200);
    await w.control.flush();
    const [row] = await jobRows(w.app, { orderId: res.body.data.orders[0].id });
    const got = await api().get(`/gengo/jobs/${row.id}`);
    expect(got.status).toBe(200);
    return got.body.data;
  };

  it('restored: the markup put back where Gengo has markers, null before a translation', async () => {
    const job = await orderBody();
    expect(job.restored).toBeNull();

    await w.control.advance(job.gengoJobId, 'reviewable');
    const { body } = await api().get(`/gengo/jobs/${job.id}`);
    const raw = String((await w.control.job(job.gengoJobId)).body_tgt);
    expect(raw).toMatch(/\[\[\[<\/?\d+\/?>\]\]\]/);
    expect(body.data.restored).toEqual({ ok: true, kind: 'richtext', value: expect.any(String), chunks: 1 });
    const text: string = body.data.restored.value;
    expect(text).not.toMatch(/\[\[\[/);
    expect(text).toMatch(/^\[fr\] ## Héàdîng \S+\n\nSômé \*\*bôld\*\* wôrds/);
  });

  it('restored: a refusal gives the reason (the stored copy no longer matches the markers)', async () => {
    const job = await orderBody();
    await w.control.advance(job.gengoJobId, 'reviewable');
    const [order] = await orderRows(w.app, { id: job.orderId });
    const segments = order.segments.map((s: any) =>
      s.key === job.segmentKey ? { ...s, protected: { ...s.protected, parts: s.protected.parts.slice(1) } } : s
    );
    await w.app.strapi.db.query('plugin::gengo.order' as any).update({ where: { id: order.id }, data: { segments } });

    const { body } = await api().get(`/gengo/jobs/${job.id}`);
    expect(body.data.restored).toEqual({ ok: false, reason: expect.stringMatching(/marker/i) });
  });

  it('captcha: the emulator image through our origin; 404 without a captcha; review permission needed', async () => {
    const job = await orderBody();
    const none = await api().get(`/gengo/jobs/${job.id}/captcha`);
    expect(none.status).toBe(404);
    expect(none.body.error.message).toMatch(/no captcha/);

    await w.control.advance(job.gengoJobId, 'reviewable');
    const shown = await api().get(`/gengo/jobs/${job.id}`);
    const direct = await fetch(shown.body.data.captchaUrl);
    const expected = Buffer.from(await direct.arrayBuffer());
    expect(expected.length).toBeGreaterThan(0);

    const image = await api()
      .get(`/gengo/jobs/${job.id}/captcha`)
      .buffer(true)
      .parse((res, cb) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () => cb(null, Buffer.concat(parts)));
      });
    expect(image.status).toBe(200);
    expect(image.headers['content-type']).toBe(direct.headers.get('content-type'));
    expect(Buffer.compare(image.body as Buffer, expected)).toBe(0);

    const forbidden = await w.app.as(reader.token).get(`/gengo/jobs/${job.id}/captcha`);
    expect(forbidden.status).toBe(403);
    expect((await api().get('/gengo/jobs/999999/captcha')).status).toBe(404);
    expect((await api().get('/gengo/jobs/a-b/captcha')).status).toBe(400);
  });
});
