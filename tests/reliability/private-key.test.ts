import { reloadPluginConfig } from '../../server/src/platform/config';
import { createSuperAdmin, type AdminSession } from '../helpers/admin';
import { ARTICLE, createSourceArticle } from '../helpers/ordering-world';
import { gengoJobs, placeOrder, settle } from '../helpers/orders';
import {
  expectNoLeak,
  form,
  KEYS,
  OTHER_PRIVATE_KEY,
  postCallback,
  startWatchedReceiving,
  type Watched,
} from './world';

/**
 * The Gengo private key, from the environment and then saved by an admin, through every route that
 * touches Gengo, in success and in failure (5xx, hangs, refusals, a wrong key, invalid input), with
 * the logger at debug level: it never shows in a response, a log line, or the database in clear.
 */
describe('reliability: the private key never leaves', () => {
  let r: Watched;
  let admin: AdminSession;

  beforeAll(async () => {
    r = await startWatchedReceiving();
    admin = await createSuperAdmin(r.app);
    // Short client timeouts and one retry, so that the hangs below cost little.
    r.app.strapi.config.set('plugin::gengo', {
      ...(r.app.strapi.config.get('plugin::gengo') as object),
      timeoutMs: 800,
      retries: 1,
    });
    reloadPluginConfig(r.app.strapi);
  });
  afterAll(async () => {
    await r?.stop();
  });

  const api = () => r.app.as(admin.token);

  /** Every admin route that reads settings or calls Gengo, with the keys as they are now. */
  const exercise = async () => {
    const documentId = await createSourceArticle(r.app);
    const statuses: Record<string, number> = {};
    let connected: boolean | undefined;
    const call = async (name: string, req: PromiseLike<{ status: number; body: any }>) => {
      const res = await req;
      statuses[name] = res.status;
      if (name === 'test-connection') connected = res.body?.data?.ok;
    };
    await call('settings', api().get('/gengo/settings'));
    await call('health', api().get('/gengo/health'));
    await call('callback-url', api().get('/gengo/settings/callback-url'));
    await call('test-connection', api().post('/gengo/settings/test-connection').send({}));
    await call('order-options', api().get('/gengo/order-options'));
    await call(
      'quote',
      api()
        .post('/gengo/quote')
        .send({ contentType: ARTICLE, documentId, targetLocales: ['fr', 'de'] })
    );
    await call(
      'order',
      api()
        .post('/gengo/orders')
        .send({ contentType: ARTICLE, documentId, targetLocales: ['fr'] })
    );
    await call('orders', api().get('/gengo/orders'));
    await call('document-status', api().get(`/gengo/document-status?contentType=${ARTICLE}&documentId=${documentId}`));
    await call('reconcile', api().post('/gengo/reconcile'));
    return { ...statuses, connected };
  };

  it('keys from the environment: every route, answering and failing', async () => {
    const ok = await exercise();
    expect(ok).toMatchObject({
      settings: 200,
      'test-connection': 200,
      connected: true,
      quote: 200,
      order: 200,
      orders: 200,
      reconcile: 200,
    });
    const settings = (await api().get('/gengo/settings')).body.data;
    expect(settings).toMatchObject({ privateKeySet: true });
    expect(settings).not.toHaveProperty('privateKey');

    // Gengo failing every way: 5xx, a proxy's page, hangs past the timeout, a refusal.
    try {
      for (const fault of [
        { status: 503 },
        { status: 502, body: '<html>Bad gateway</html>' },
        { hangMs: 1500 },
        {
          status: 200,
          contentType: 'application/json',
          body: JSON.stringify({ opstat: 'error', err: { code: 1100, msg: 'ts does not match' } }),
        },
      ]) {
        await r.control.clearFaults();
        await r.control.fault({ path: '**', ...fault });
        const failed = await exercise();
        // The connection test reports the failure as data (the order may end ambiguous, or refused).
        expect(failed).toMatchObject({ 'test-connection': 200, connected: false });
      }
    } finally {
      await r.control.clearFaults();
    }
  });

  it('a key saved by an admin, a wrong key tested, invalid input', async () => {
    for (const k of ['GENGO_PUBLIC_KEY', 'GENGO_PRIVATE_KEY']) delete process.env[k];
    const saved = await api().put('/gengo/settings').send({ publicKey: KEYS.publicKey, privateKey: KEYS.privateKey });
    expect(saved.status).toBe(200);
    expect(saved.body.data).toMatchObject({ privateKeySet: true, privateKeyEncrypted: true });
    const stored = await r.app.strapi.db
      .connection('strapi_core_store_settings')
      .where({ key: 'plugin_gengo_settings' })
      .first();
    expect(stored.value).not.toContain(KEYS.privateKey);
    expect(await exercise()).toMatchObject({ 'test-connection': 200, quote: 200, order: 200 });

    const wrong = await api().post('/gengo/settings/test-connection').send({ privateKey: OTHER_PRIVATE_KEY });
    expect(wrong.status).toBe(200);
    expect(wrong.body.data).toMatchObject({ ok: false, error: { kind: 'gengo' } });
    // Invalid settings: refused, and the refusal does not echo the key sent.
    const long = await api()
      .put('/gengo/settings')
      .send({ privateKey: `${OTHER_PRIVATE_KEY}${'x'.repeat(500)}` });
    expect(long.status).toBe(400);
    const both = await api().put('/gengo/settings').send({ privateKey: OTHER_PRIVATE_KEY, clearPrivateKey: true });
    expect(both.status).toBe(400);
    expect(
      (await api().post('/gengo/settings/test-connection').send({ privateKey: OTHER_PRIVATE_KEY, apiUrl: 'not a url' }))
        .status
    ).toBe(400);
  });

  it('callbacks, applying, and the poller with the saved key', async () => {
    const { documentId } = await r.app.strapi
      .documents(ARTICLE as any)
      .create({ locale: 'en', data: { title: 'Secret keeping', slug: 'secret-keeping' } as any });
    const order = await placeOrder(r, documentId);
    for (const j of await gengoJobs(r, order)) await r.control.advance(j.job_id, 'reviewable');
    await settle(r);
    const [job] = await gengoJobs(r, order);
    await r.control.fault({ path: 'translate/job/*', status: 500, count: 2 });
    expect((await postCallback(r.watch, r.callbackUrl, form('job', { job_id: job.job_id }))).status).toBe(200);
    await settle(r);
    expect((await api().post('/gengo/reconcile')).status).toBe(200);
  });

  it('the private key appears in no response and no log line', () => {
    expect(r.watch.count()).toBeGreaterThan(100);
    expectNoLeak(r.watch);
  });
});
