import { startTestStrapi, type TestStrapi } from '../helpers/strapi';
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

  describe('health route', () => {
    it('answers a super admin', async () => {
      const admin = await createSuperAdmin(app);
      const res = await app.as(admin.token).get('/gengo/health');
      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({ plugin: 'gengo', ok: true });
    });

    it('refuses an anonymous caller', async () => {
      const res = await app.http.get('/gengo/health');
      expect(res.status).toBe(401);
    });

    it('refuses an admin whose role lacks plugin::gengo.read', async () => {
      const admin = await createRestrictedAdmin(app);
      const res = await app.as(admin.token).get('/gengo/health');
      expect(res.status).toBe(403);
    });

    it('answers an admin whose role holds plugin::gengo.read', async () => {
      const admin = await createRestrictedAdmin(app, ['plugin::gengo.read']);
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
