import { startTestStrapi, type TestStrapi } from '../helpers/strapi';
import { startEmulator } from '../../emulator/src';
import { createApiToken, createRestrictedAdmin, createSuperAdmin } from '../helpers/admin';

describe('foundation: the playground boots with the plugin', () => {
  let app: TestStrapi;

  beforeAll(async () => {
    app = await startTestStrapi();
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('loads the plugin server part', () => {
    const plugin = app.strapi.plugin('gengo');
    expect(plugin).toBeDefined();
    expect(typeof plugin.service('settings').health).toBe('function');
  });

  it('registers the plugin RBAC actions', () => {
    const actions = app.strapi.service('admin::permission').actionProvider;
    for (const uid of ['read', 'order', 'review', 'settings.read', 'settings.update']) {
      expect(actions.has(`plugin::gengo.${uid}`)).toBe(true);
    }
  });

  it('serves the playground favicon (no 500 on every page load)', async () => {
    const res = await app.http.get('/favicon.ico');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^image\//);
    expect(res.body.length).toBeGreaterThan(0);
  });

  describe('health route: the setup checklist', () => {
    const GENGO_ENV = ['GENGO_PUBLIC_KEY', 'GENGO_PRIVATE_KEY', 'GENGO_API_URL', 'GENGO_PUBLIC_URL'];
    let emu: Awaited<ReturnType<typeof startEmulator>>;
    let superToken: string;
    const byId = (res: any) => Object.fromEntries(res.body.data.checks.map((c: any) => [c.id, c]));
    const health = () => app.as(superToken).get('/gengo/health');

    beforeAll(async () => {
      emu = await startEmulator({ port: 0, jobCreationDelayMs: 0, rateLimitPerMinute: 0 });
      superToken = (await createSuperAdmin(app)).token;
    });
    afterEach(() => {
      for (const k of GENGO_ENV) delete process.env[k];
      app.strapi.config.set('server.cron.enabled', true);
    });
    afterAll(async () => {
      await emu?.close();
    });

    it('with nothing configured: each missing item not ok, with what to change', async () => {
      const res = await health();
      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({ plugin: 'gengo', ok: false });
      const checks = byId(res);
      expect(Object.keys(checks).sort()).toEqual(
        ['body-limit', 'callback-url', 'cron', 'encryption-key', 'keys', 'public-url'].sort()
      );
      expect(checks['public-url']).toMatchObject({ ok: false, fix: expect.stringContaining('GENGO_PUBLIC_URL') });
      expect(checks['public-url'].message).toMatch(/poller/);
      expect(checks['callback-url']).toMatchObject({ ok: false, fix: expect.stringContaining('GENGO_PUBLIC_URL') });
      expect(checks.keys).toMatchObject({ ok: false, fix: expect.stringContaining('GENGO_PRIVATE_KEY') });
      // The playground enables cron and sets ENCRYPTION_KEY; callbacks are read by the lane.
      expect(checks.cron).toMatchObject({ ok: true, fix: null });
      expect(checks['encryption-key']).toMatchObject({ ok: true, fix: null });
      expect(checks['body-limit']).toMatchObject({ ok: true, fix: null });
    });

    it('with the emulator as Gengo and a public URL: every item ok, the keys tested against Gengo', async () => {
      Object.assign(process.env, {
        GENGO_PUBLIC_KEY: emu.publicKey,
        GENGO_PRIVATE_KEY: emu.privateKey,
        GENGO_API_URL: emu.apiUrl,
        GENGO_PUBLIC_URL: 'http://127.0.0.1:1337',
      });
      const res = await health();
      expect(res.body.data.checks.filter((c: any) => !c.ok)).toEqual([]);
      expect(res.body.data.ok).toBe(true);
      expect(byId(res).keys.message).toMatch(/balance/);
    });

    it('keys Gengo refuses, cron off, a localhost URL with the real Gengo: each reported', async () => {
      Object.assign(process.env, {
        GENGO_PUBLIC_KEY: emu.publicKey,
        GENGO_PRIVATE_KEY: 'not-the-private-key',
        GENGO_API_URL: emu.apiUrl,
        GENGO_PUBLIC_URL: 'https://cms.example.com',
      });
      app.strapi.config.set('server.cron.enabled', false);
      let checks = byId(await health());
      expect(checks.keys).toMatchObject({ ok: false, fix: expect.stringContaining('keys') });
      expect(checks.cron).toMatchObject({ ok: false, fix: expect.stringContaining('cron: { enabled: true }') });
      expect(checks['public-url'].ok).toBe(true);
      // Gengo's own API (no GENGO_API_URL) cannot call back a site on localhost.
      for (const k of GENGO_ENV) delete process.env[k];
      process.env.GENGO_PUBLIC_URL = 'http://localhost:1337';
      checks = byId(await health());
      expect(checks['public-url']).toMatchObject({ ok: false, message: expect.stringContaining('cannot reach') });
    });

    it('a callback token the encryption key no longer opens: re-created, so the callback URL is there again', async () => {
      process.env.GENGO_PUBLIC_URL = 'https://cms.example.com';
      const store = app.strapi.store({ type: 'plugin', name: 'gengo', key: 'callback-token' });
      const saved: any = await store.get({});
      try {
        await store.set({ value: { ...saved, sealed: { encrypted: true, value: 'sealed-with-another-key' } } });
        const checks = byId(await health());
        expect(checks['callback-url'].ok).toBe(true);
        expect(((await store.get({})) as any).sealed.value).not.toBe('sealed-with-another-key');
        expect(checks['public-url'].ok).toBe(true);
      } finally {
        await store.set({ value: saved });
      }
    });

    it('warns at boot for each item that is not right, without calling Gengo', async () => {
      const warn = jest.spyOn(app.strapi.log, 'warn').mockImplementation(() => app.strapi.log);
      try {
        app.strapi.config.set('server.cron.enabled', false);
        const failing = await app.strapi.plugin('gengo').service('settings').warnSetup();
        expect(failing.map((c: any) => c.id).sort()).toEqual(['callback-url', 'cron', 'keys', 'public-url']);
        const lines = warn.mock.calls.map((call) => String(call[0]));
        expect(lines.filter((l) => l.startsWith('[gengo] setup:'))).toHaveLength(4);
        expect(lines.some((l) => l.includes('cron: { enabled: true }'))).toBe(true);
      } finally {
        warn.mockRestore();
      }
    });

    it('refuses an anonymous caller', async () => {
      const res = await app.http.get('/gengo/health');
      expect(res.status).toBe(401);
    });

    it('refuses an admin whose role lacks plugin::gengo.settings.read (read alone is not enough)', async () => {
      const admin = await createRestrictedAdmin(app, ['plugin::gengo.read']);
      const res = await app.as(admin.token).get('/gengo/health');
      expect(res.status).toBe(403);
    });

    it('answers an admin whose role holds plugin::gengo.settings.read', async () => {
      const admin = await createRestrictedAdmin(app, ['plugin::gengo.settings.read']);
      const res = await app.as(admin.token).get('/gengo/health');
      expect(res.status).toBe(200);
    });
  });

  it('has the six playground locales, en by default', async () => {
    const locales = await app.strapi.plugin('i18n').service('locales').find();
    expect(locales.map((l: any) => l.code).sort()).toEqual(['de', 'en', 'fr', 'ja', 'pt-BR', 'zh-Hans']);
    expect(await app.strapi.plugin('i18n').service('locales').getDefaultLocale()).toBe('en');
  });

  it('writes an fr version of an article with its component and dynamic zone, leaving en unchanged', async () => {
    const articles = app.strapi.documents('api::article.article');
    const en = await articles.create({
      locale: 'en',
      data: {
        title: 'Hello world',
        summary: 'A summary',
        seo: { metaTitle: 'Meta', metaDescription: 'Meta description' },
        sections: [
          { __component: 'sections.hero', heading: 'Big heading', subheading: 'Small heading' },
          { __component: 'sections.quote', text: 'To be or not to be', author: 'W. S.' },
        ],
        views: 7,
        featured: true,
      } as any,
      populate: ['seo', 'sections'],
    });

    await articles.update({
      documentId: en.documentId,
      locale: 'fr',
      data: {
        title: 'Bonjour le monde',
        summary: 'Un résumé',
        seo: { metaTitle: 'Méta', metaDescription: 'Description méta' },
        sections: [
          { __component: 'sections.hero', heading: 'Grand titre', subheading: 'Petit titre' },
          { __component: 'sections.quote', text: 'Être ou ne pas être', author: 'W. S.' },
        ],
      } as any,
    });

    const fr: any = await articles.findOne({ documentId: en.documentId, locale: 'fr', populate: ['seo', 'sections'] });
    expect(fr.title).toBe('Bonjour le monde');
    expect(fr.seo).toMatchObject({ metaTitle: 'Méta', metaDescription: 'Description méta' });
    expect(fr.sections.map((s: any) => s.__component)).toEqual(['sections.hero', 'sections.quote']);
    expect(fr.sections[0]).toMatchObject({ heading: 'Grand titre', subheading: 'Petit titre' });
    expect(fr.sections[1]).toMatchObject({ text: 'Être ou ne pas être', author: 'W. S.' });
    // Non-localized fields are shared across locales.
    expect(fr.views).toBe(7);
    expect(fr.featured).toBe(true);

    const enAgain: any = await articles.findOne({
      documentId: en.documentId,
      locale: 'en',
      populate: ['seo', 'sections'],
    });
    expect(enAgain.title).toBe('Hello world');
    expect(enAgain.seo).toMatchObject({ metaTitle: 'Meta', metaDescription: 'Meta description' });
    expect(enAgain.sections[0]).toMatchObject({ heading: 'Big heading', subheading: 'Small heading' });
    expect(enAgain.sections[1]).toMatchObject({ text: 'To be or not to be' });
  });

  it('serves the content API to an API token', async () => {
    const token = await createApiToken(app);
    const res = await app.as(token).get('/api/articles?locale=en');
    expect(res.status).toBe(200);
    expect(Array.isArray(res.body.data)).toBe(true);
  });
});
