import crypto from 'crypto';
import { createRestrictedAdmin, createSuperAdmin, type AdminSession, type Grant } from '../helpers/admin';
import {
  ARTICLE,
  advanceAll,
  createArticle,
  findArticle,
  placeOrder,
  settle,
  startReceiving,
  type Receiving,
} from '../helpers/orders';

jest.setTimeout(120_000);

const CATEGORY = 'api::category.category';

/**
 * Issue 18, item 4: a relation empty in the target locale links the target-locale version of
 * what the source links; when there is none, the document status lists it instead of leaving it
 * silently empty; a relation a person set in the target is never changed.
 */
describe('relations: linked in the target locale, or listed as missing', () => {
  let r: Receiving;
  let admin: AdminSession;
  const strapi = () => r.app.strapi as any;
  const api = () => r.app.as(admin.token);

  beforeAll(async () => {
    r = await startReceiving();
    admin = await createSuperAdmin(r.app);
  });
  afterAll(async () => {
    await r?.stop();
  });

  /** A category in `en` (its name unique per test), and in `fr` when `fr` is given. */
  const category = async (name: string, fr?: string) => {
    const unique = `${name} ${crypto.randomBytes(3).toString('hex')}`;
    const created = await strapi()
      .documents(CATEGORY)
      .create({ locale: 'en', data: { name: unique } });
    if (fr)
      await strapi()
        .documents(CATEGORY)
        .update({ documentId: created.documentId, locale: 'fr', data: { name: fr } });
    return { documentId: created.documentId as string, name: unique };
  };
  const status = async (documentId: string) => {
    const res = await api().get(`/gengo/document-status?contentType=${ARTICLE}&documentId=${documentId}`);
    expect(res.status).toBe(200);
    return res.body.data.locales.find((l: any) => l.locale === 'fr');
  };

  it('no fr yet: the category with a fr version is linked; a zone’s to-many links what has fr and lists the rest', async () => {
    const guides = await category('Guides', 'Guides (fr)');
    const news = await category('News'); // no fr version
    const { documentId } = await createArticle(strapi(), {
      title: 'Linked or listed',
      slug: `linked-${crypto.randomBytes(3).toString('hex')}`,
      category: guides.documentId,
      sections: [
        { __component: 'sections.text-block', body: 'Some text.', categories: [guides.documentId, news.documentId] },
      ],
    });
    const order = await placeOrder(r, documentId);
    await advanceAll(r, order, 'approved');
    await settle(r);
    const fr = await findArticle(strapi(), documentId, 'fr');
    expect(fr.category).toMatchObject({ documentId: guides.documentId });
    expect(fr.sections[0].categories.map((c: any) => c.documentId)).toEqual([guides.documentId]);
    const fromDb = await strapi()
      .documents(ARTICLE)
      .findOne({
        documentId,
        locale: 'fr',
        populate: { category: { fields: ['name', 'locale'] } },
      });
    expect(fromDb.category).toMatchObject({ name: 'Guides (fr)', locale: 'fr' });

    const fr2 = await status(documentId);
    expect(fr2.relationGaps).toEqual([
      {
        path: 'sections[0].categories',
        label: 'sections › Text block › categories',
        relatedType: CATEGORY,
        relatedTypeName: 'Category',
        relatedDocumentId: news.documentId,
        relatedTitle: news.name,
        locale: 'fr',
      },
    ]);
  });

  it('fr exists with no category; the category has no fr: left empty and listed; once it has fr, the approval links it and the gap is gone', async () => {
    const howTo = await category('How-to');
    const { documentId } = await createArticle(strapi(), {
      title: 'Later linked',
      slug: `later-${crypto.randomBytes(3).toString('hex')}`,
      summary: 'A summary.',
      category: howTo.documentId,
    });
    // A person made fr (no category: How-to has no fr).
    await strapi()
      .documents(ARTICLE)
      .update({ documentId, locale: 'fr', data: { title: 'Plus tard' } });
    const order = await placeOrder(r, documentId, { only: (p) => p.includes('summary') });
    await advanceAll(r, order, 'reviewable');
    await settle(r);
    let fr = await findArticle(strapi(), documentId, 'fr');
    expect(fr.summary).toMatch(/^\[fr\] /);
    expect(fr.category).toBeNull();
    expect((await status(documentId)).relationGaps).toEqual([
      expect.objectContaining({
        path: 'category',
        label: 'category',
        relatedTypeName: 'Category',
        relatedDocumentId: howTo.documentId,
        relatedTitle: howTo.name,
        locale: 'fr',
      }),
    ]);

    // How-to gets its fr version; the approval writes again and links it.
    await strapi()
      .documents(CATEGORY)
      .update({ documentId: howTo.documentId, locale: 'fr', data: { name: 'Tutoriel' } });
    await advanceAll(r, order, 'approved');
    await settle(r);
    fr = await findArticle(strapi(), documentId, 'fr');
    expect(fr.title).toBe('Plus tard');
    expect(fr.category).toMatchObject({ documentId: howTo.documentId });
    expect((await status(documentId)).relationGaps).toEqual([]);
  });

  it('a relation a person set in fr is kept, at the root and in a zone entry', async () => {
    const source = await category('Source cat', 'Source cat (fr)');
    const mine = await category('Person’s cat', 'Catégorie de la personne');
    const { documentId } = await createArticle(strapi(), {
      title: 'Kept',
      slug: `kept-${crypto.randomBytes(3).toString('hex')}`,
      summary: 'Keep my relation.',
      category: source.documentId,
      sections: [{ __component: 'sections.text-block', body: 'Body.', categories: [source.documentId] }],
    });
    await strapi()
      .documents(ARTICLE)
      .update({
        documentId,
        locale: 'fr',
        data: {
          title: 'Gardé',
          category: mine.documentId,
          sections: [{ __component: 'sections.text-block', body: '', categories: [mine.documentId] }],
        },
      });
    const order = await placeOrder(r, documentId, {
      only: (p) => p.includes('summary') || p[0].startsWith('sections'),
    });
    await advanceAll(r, order, 'approved');
    await settle(r);
    const fr = await findArticle(strapi(), documentId, 'fr');
    expect(fr.summary).toMatch(/^\[fr\] /);
    expect(fr.sections[0].body).toMatch(/^\[fr\] /);
    expect(fr.category).toMatchObject({ documentId: mine.documentId });
    expect(fr.sections[0].categories.map((c: any) => c.documentId)).toEqual([mine.documentId]);
    expect((await status(documentId)).relationGaps).toEqual([]);
  });

  it('a relation the admin who ordered may not write in fr (field permission) is not linked', async () => {
    const restricted = await category('Restricted', 'Restreint');
    const { documentId } = await createArticle(strapi(), {
      title: 'Not my field',
      slug: `field-${crypto.randomBytes(3).toString('hex')}`,
      summary: 'Only the summary.',
      category: restricted.documentId,
    });
    await strapi()
      .documents(ARTICLE)
      .update({ documentId, locale: 'fr', data: { title: 'Pas mon champ' } });
    const fields = ['title', 'slug', 'summary', 'body', 'content', 'seo.metaTitle', 'seo.metaDescription', 'sections'];
    const cm = (action: string, withFields: boolean): Grant => ({
      action: `plugin::content-manager.explorer.${action}`,
      subject: ARTICLE,
      properties: { locales: ['en', 'fr'], ...(withFields ? { fields } : {}) },
    });
    const orderer = await createRestrictedAdmin(r.app, [
      'plugin::gengo.read',
      'plugin::gengo.order',
      cm('read', false),
      cm('create', true),
      cm('update', true),
    ]);
    const order = await placeOrder(r, documentId, { only: (p) => p.includes('summary') });
    await strapi()
      .db.query('plugin::gengo.order')
      .update({ where: { id: order.orderId }, data: { orderedById: orderer.user.id, orderedByName: 'Field-limited' } });
    await advanceAll(r, order, 'approved');
    await settle(r);
    const fr = await findArticle(strapi(), documentId, 'fr');
    expect(fr.summary).toMatch(/^\[fr\] /);
    expect(fr.category).toBeNull();
    expect((await status(documentId)).relationGaps).toEqual([]);
  });

  it('the document status lists a gap only to an admin who may read the field and the related entry', async () => {
    const hidden = await category('Hidden');
    const { documentId } = await createArticle(strapi(), {
      title: 'Who sees it',
      slug: `who-${crypto.randomBytes(3).toString('hex')}`,
      category: hidden.documentId,
    });
    const order = await placeOrder(r, documentId);
    await advanceAll(r, order, 'approved');
    await settle(r);
    expect((await status(documentId)).relationGaps).toHaveLength(1);
    const read = (subject: string, fields?: string[]): Grant => ({
      action: 'plugin::content-manager.explorer.read',
      subject,
      properties: { locales: ['en', 'fr'], ...(fields ? { fields } : {}) },
    });
    const gapsFor = async (grants: Grant[]) => {
      const user = await createRestrictedAdmin(r.app, ['plugin::gengo.read', ...grants]);
      const res = await r.app
        .as(user.token)
        .get(`/gengo/document-status?contentType=${ARTICLE}&documentId=${documentId}`);
      expect(res.status).toBe(200);
      return res.body.data.locales.find((l: any) => l.locale === 'fr').relationGaps;
    };
    // Articles readable, categories not: the category entry's title is not told.
    expect(await gapsFor([read(ARTICLE)])).toEqual([]);
    // Both, but not the article's category field.
    expect(await gapsFor([read(ARTICLE, ['title', 'summary']), read(CATEGORY, ['name'])])).toEqual([]);
    // Both with the field.
    expect(await gapsFor([read(ARTICLE), read(CATEGORY, ['name'])])).toEqual([
      expect.objectContaining({ relatedTitle: hidden.name }),
    ]);
  });
});
