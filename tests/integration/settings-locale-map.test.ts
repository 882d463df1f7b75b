import { ARTICLE, createSourceArticle, orderRows, startOrdersWorld, type OrdersWorld } from '../helpers/ordering-world';
import { createRestrictedAdmin } from '../helpers/admin';

jest.setTimeout(60_000);

/** The locale mapping setting: validated on save, listed with what Gengo offers, used when ordering. */
describe('settings: locale map', () => {
  let world: OrdersWorld;

  beforeAll(async () => {
    world = await startOrdersWorld();
  });
  afterAll(async () => {
    await world?.stop();
  });

  const api = () => world.app.as(world.admin.token);

  it('lists each Strapi locale with its default Gengo code and what Gengo offers', async () => {
    const res = await api().get('/gengo/settings/languages');
    expect(res.status).toBe(200);
    const { locales, languages, pairs, error } = res.body.data;
    expect(error).toBeNull();
    expect(locales).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'en', isDefault: true, defaultLc: 'en' }),
        expect.objectContaining({ code: 'pt-BR', isDefault: false, defaultLc: 'pt-br' }),
        expect.objectContaining({ code: 'zh-Hans', defaultLc: 'zh' }),
      ])
    );
    expect(languages).toEqual(expect.arrayContaining([{ lc: 'pt', name: 'Portuguese (Europe)' }]));
    expect(pairs).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ lcSrc: 'en', lcTgt: 'pt', tiers: expect.arrayContaining(['standard', 'pro']) }),
      ])
    );
  });

  it('without usable Gengo settings: the locales with their built-in codes, and the reason, not a failure', async () => {
    const key = process.env.GENGO_PRIVATE_KEY;
    delete process.env.GENGO_PRIVATE_KEY;
    try {
      const res = await api().get('/gengo/settings/languages');
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual(
        expect.objectContaining({ languages: null, pairs: null, error: expect.stringMatching(/not configured/) })
      );
      expect(res.body.data.locales).toEqual(
        expect.arrayContaining([expect.objectContaining({ code: 'pt-BR', defaultLc: 'pt-br' })])
      );
    } finally {
      process.env.GENGO_PRIVATE_KEY = key;
    }
  });

  it('settings.read may list the languages; a role without it may not', async () => {
    const reader = await createRestrictedAdmin(world.app, ['plugin::gengo.settings.read']);
    const orderer = await createRestrictedAdmin(world.app, ['plugin::gengo.read', 'plugin::gengo.order']);
    expect((await world.app.as(reader.token).get('/gengo/settings/languages')).status).toBe(200);
    expect((await world.app.as(orderer.token).get('/gengo/settings/languages')).status).toBe(403);
    expect((await world.app.http.get('/gengo/settings/languages')).status).toBe(401);
  });

  it('an invalid mapping is refused on its field: unknown locale, empty or malformed code', async () => {
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [{ 'xx-YY': 'pt' }, ['localeMap', 'xx-YY']],
      [{ 'pt-BR': '' }, ['localeMap', 'pt-BR']],
      [{ 'pt-BR': 'not a code' }, ['localeMap', 'pt-BR']],
    ];
    for (const [localeMap, path] of cases) {
      const res = await api().put('/gengo/settings').send({ localeMap });
      expect([localeMap, res.status]).toEqual([localeMap, 400]);
      expect(res.body.error.details.errors[0].path).toEqual(path);
    }
    expect(
      (
        await api()
          .put('/gengo/settings')
          .send({ localeMap: ['pt'] })
      ).status
    ).toBe(400);
    expect((await api().get('/gengo/settings')).body.data.localeMap).toEqual({});
  });

  it('with pt-BR → pt saved, an order of pt-BR asks Gengo for pt', async () => {
    const put = await api()
      .put('/gengo/settings')
      .send({ localeMap: { 'pt-BR': 'PT' } });
    expect(put.status).toBe(200);
    expect(put.body.data.localeMap).toEqual({ 'pt-BR': 'pt' });

    const documentId = await createSourceArticle(world.app);
    const body = { contentType: ARTICLE, documentId, targetLocales: ['pt-BR'] };
    const quote = await api().post('/gengo/quote').send(body);
    expect(quote.status).toBe(200);
    expect(quote.body.data.locales[0]).toEqual(expect.objectContaining({ locale: 'pt-BR', lcTgt: 'pt' }));

    const order = await api().post('/gengo/orders').send(body);
    expect(order.status).toBe(200);
    await world.control.flush();
    const jobs = await world.control.jobs();
    expect(jobs.length).toBeGreaterThan(0);
    expect(new Set(jobs.map((j: any) => j.lc_tgt))).toEqual(new Set(['pt']));
    expect((await orderRows(world.app)).map((o: any) => [o.targetLocale, o.lcTgt])).toEqual([['pt-BR', 'pt']]);
  });

  it('removing the entry goes back to the built-in rule (pt-br)', async () => {
    expect((await api().put('/gengo/settings').send({ localeMap: {} })).status).toBe(200);
    const documentId = await createSourceArticle(world.app);
    const quote = await api()
      .post('/gengo/quote')
      .send({ contentType: ARTICLE, documentId, targetLocales: ['pt-BR'] });
    expect(quote.body.data.locales[0].lcTgt).toBe('pt-br');
  });
});
