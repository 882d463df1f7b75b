import {
  buildTargetData,
  extractSegments,
  protectSegment,
  recordLayout,
  restoreSegment,
  type Translations,
} from '../../server/src/content';
import { startTestStrapi, type TestStrapi } from '../helpers/strapi';

jest.setTimeout(60_000);

const UID = 'api::article.article';
const POPULATE = ['seo', 'sections', 'cover', 'category'];

/** A deterministic "translator": every word of prose reversed and upper-cased; markers untouched. */
const translateProse = (text: string) =>
  text
    .split(/(\[\[\[<\/?\d+\/?>\]\]\])/)
    .map((piece, i) => (i % 2 ? piece : piece.replace(/\p{L}+/gu, (w) => [...w].reverse().join('').toUpperCase())))
    .join('');

const translateDoc = (
  strapi: any,
  doc: any,
  fn: (text: string) => string,
  only?: (paths: string[]) => boolean
): Translations => {
  const out: Translations = {};
  const segments = extractSegments(strapi.getModel(UID), doc, (uid) => strapi.getModel(uid));
  for (const segment of segments) {
    if (only && !only(segment.paths)) continue;
    const protectedSegment = protectSegment(segment);
    const restored = restoreSegment(protectedSegment, fn(protectedSegment.text));
    if (!restored.ok) throw new Error(`${segment.paths}: ${(restored as { reason: string }).reason}`);
    for (const path of segment.paths) out[path] = restored.value;
  }
  return out;
};

/** Structure of a blocks value without its text: types, levels, formats, link URLs, marks. */
const shape = (nodes: any[]): unknown =>
  nodes.map((n) =>
    n.type === 'text'
      ? {
          marks: Object.keys(n)
            .filter((k) => !['type', 'text'].includes(k))
            .sort(),
        }
      : {
          type: n.type,
          level: n.level,
          format: n.format,
          url: n.url,
          children: n.children ? shape(n.children) : undefined,
        }
  );

describe('content round trip on the playground article: extract en → translate → merge → write fr', () => {
  let app: TestStrapi;
  let strapi: any;
  let documentId: string;
  let enBefore: any;
  let coverId: number;

  beforeAll(async () => {
    app = await startTestStrapi();
    strapi = app.strapi;
    const category = await strapi
      .documents('api::category.category')
      .create({ locale: 'en', data: { name: 'Guides' } });
    await strapi
      .documents('api::category.category')
      .update({ documentId: category.documentId, locale: 'fr', data: { name: 'Guides (fr)' } });
    const file = await strapi.db.query('plugin::upload.file').create({
      data: {
        name: 'cover.png',
        hash: 'cover_abc',
        ext: '.png',
        mime: 'image/png',
        size: 1.2,
        url: '/uploads/cover_abc.png',
        provider: 'local',
      },
    });
    coverId = file.id;
    const en = await strapi.documents(UID).create({
      locale: 'en',
      data: {
        title: 'Getting started with Gengo',
        slug: 'getting-started-with-gengo',
        summary: 'Order translation for {count} entries at https://gengo.com today.',
        body: '## Install\n\nRun `npm install strapi-plugin-gengo`, then read [the guide](https://example.com/guide "Guide").\n\n```sh\nnpm run build\n```\n\n![A diagram](/uploads/diagram.png)\n\nSee <abbr title="Application Programming Interface">API</abbr> docs.\n',
        content: [
          { type: 'heading', level: 2, children: [{ type: 'text', text: 'Why human translation' }] },
          {
            type: 'paragraph',
            children: [
              { type: 'text', text: 'Machines are ' },
              { type: 'text', text: 'fast', bold: true },
              { type: 'text', text: ', people are ' },
              { type: 'text', text: 'right', bold: true, italic: true },
              { type: 'text', text: '. See ' },
              { type: 'link', url: 'https://gengo.com/pricing', children: [{ type: 'text', text: 'pricing' }] },
              { type: 'text', text: '.' },
            ],
          },
          {
            type: 'list',
            format: 'unordered',
            children: [
              { type: 'list-item', children: [{ type: 'text', text: 'Standard tier' }] },
              { type: 'list-item', children: [{ type: 'text', text: 'Pro tier' }] },
            ],
          },
          { type: 'code', children: [{ type: 'text', text: 'const tier = "pro";' }] },
          { type: 'quote', children: [{ type: 'text', text: 'Quality is never an accident.' }] },
        ],
        seo: { metaTitle: 'Getting started with Gengo', metaDescription: 'Human translation inside Strapi.' },
        sections: [
          {
            __component: 'sections.hero',
            heading: 'Translate everything',
            subheading: 'Components and dynamic zones too',
          },
          {
            __component: 'sections.text-block',
            body: 'A **bold** claim with `code` and a [link](https://example.com).',
          },
          { __component: 'sections.quote', text: 'To be or not to be', author: 'William Shakespeare' },
        ],
        cover: coverId,
        category: category.documentId,
        views: 42,
        featured: true,
      },
    });
    documentId = en.documentId;
    enBefore = await strapi.documents(UID).findOne({ documentId, locale: 'en', populate: POPULATE });
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('writes a translated fr version with the same structure, media and relations', async () => {
    const translations = translateDoc(strapi, enBefore, translateProse);
    const { data, skipped } = buildTargetData({
      schema: strapi.getModel(UID),
      getComponent: (uid) => strapi.getModel(uid),
      source: enBefore,
      existingTarget: null,
      translations,
      takenUids: { slug: [] },
    });
    expect(skipped).toEqual([]);
    expect(Object.keys(data)).not.toContain('views');
    expect(Object.keys(data)).not.toContain('featured');
    await strapi.documents(UID).update({ documentId, locale: 'fr', data });

    const fr = await strapi.documents(UID).findOne({ documentId, locale: 'fr', populate: POPULATE });
    expect(fr.title).toBe('GNITTEG DETRATS HTIW OGNEG');
    expect(fr.slug).toBe('gnitteg-detrats-htiw-ogneg');
    expect(fr.summary).toBe('REDRO NOITALSNART ROF {count} SEIRTNE TA https://gengo.com YADOT.');
    expect(fr.body).toBe(
      '## LLATSNI\n\nNUR `npm install strapi-plugin-gengo`, NEHT DAER [EHT EDIUG](https://example.com/guide "EDIUG").\n\n```sh\nnpm run build\n```\n\n![A MARGAID](/uploads/diagram.png)\n\nEES <abbr title="NOITACILPPA GNIMMARGORP ECAFRETNI">IPA</abbr> SCOD.\n'
    );
    expect(shape(fr.content)).toEqual(shape(enBefore.content));
    expect(fr.content[1].children.map((c: any) => c.text ?? c.children[0].text)).toEqual([
      'SENIHCAM ERA ',
      'TSAF',
      ', ELPOEP ERA ',
      'THGIR',
      '. EES ',
      'GNICIRP',
      '.',
    ]);
    expect(fr.content[3]).toEqual(enBefore.content[3]);
    expect(fr.content[4].children[0].text).toBe('YTILAUQ SI REVEN NA TNEDICCA.');
    expect(fr.seo).toMatchObject({
      metaTitle: 'GNITTEG DETRATS HTIW OGNEG',
      metaDescription: 'NAMUH NOITALSNART EDISNI IPARTS.',
    });
    expect(fr.seo.id).not.toBe(enBefore.seo.id);
    expect(fr.sections.map((s: any) => s.__component)).toEqual([
      'sections.hero',
      'sections.text-block',
      'sections.quote',
    ]);
    expect(fr.sections[0]).toMatchObject({
      heading: 'ETALSNART GNIHTYREVE',
      subheading: 'STNENOPMOC DNA CIMANYD SENOZ OOT',
    });
    expect(fr.sections[1].body).toBe('A **DLOB** MIALC HTIW `code` DNA A [KNIL](https://example.com).');
    expect(fr.sections[2]).toMatchObject({ text: 'OT EB RO TON OT EB', author: 'MAILLIW ERAEPSEKAHS' });
    // Media and relations: the same file, and the fr version of the same category.
    expect(fr.cover?.id).toBe(coverId);
    expect(fr.category).toMatchObject({ documentId: enBefore.category.documentId, locale: 'fr', name: 'Guides (fr)' });
    // Non-localized fields: shared, never written by us.
    expect(fr.views).toBe(42);
    expect(fr.featured).toBe(true);
  });

  it('leaves the en version exactly as it was', async () => {
    const en = await strapi.documents(UID).findOne({ documentId, locale: 'en', populate: POPULATE });
    const { updatedAt: _a, ...now } = en;
    const { updatedAt: _b, ...before } = enBefore;
    expect(now).toEqual(before);
  });

  it('merges one finished job into the existing fr version, changing only its field', async () => {
    const frBefore = await strapi.documents(UID).findOne({ documentId, locale: 'fr', populate: POPULATE });
    const translations = translateDoc(
      strapi,
      enBefore,
      (t) => translateProse(t).toLowerCase(),
      (paths) => paths.includes('sections[2].author')
    );
    expect(Object.keys(translations)).toEqual(['sections[2].author']);
    const { data } = buildTargetData({
      schema: strapi.getModel(UID),
      getComponent: (uid) => strapi.getModel(uid),
      source: enBefore,
      existingTarget: frBefore,
      translations,
    });
    expect(Object.keys(data)).toEqual(['sections']);
    await strapi.documents(UID).update({ documentId, locale: 'fr', data });

    const fr = await strapi.documents(UID).findOne({ documentId, locale: 'fr', populate: POPULATE });
    expect(fr.sections[2].author).toBe('mailliw eraepsekahs');
    const strip = (doc: any) => {
      const { updatedAt: _u, sections, ...rest } = doc;
      return { ...rest, sections: sections.map(({ id: _id, ...s }: any) => s) };
    };
    const expected = strip(frBefore);
    expected.sections[2].author = 'mailliw eraepsekahs';
    expect(strip(fr)).toEqual(expected);
    const en = await strapi.documents(UID).findOne({ documentId, locale: 'en', populate: POPULATE });
    expect(en.sections[2].author).toBe('William Shakespeare');
    expect(en.views).toBe(42);
  });
  /**
   * What the merge relies on in Strapi's update (see server/src/content/leaves.ts), checked on
   * Strapi itself: components sent as `{ id }` are kept as they are, in place; the order sent is the
   * order stored; what is not sent is not touched.
   */
  const model = () => strapi.getModel(UID);
  const getComponent = (uid: string) => strapi.getModel(uid);
  const readFr = (status: 'draft' | 'published' = 'draft') =>
    strapi.documents(UID).findOne({ documentId, locale: 'fr', status, populate: POPULATE });
  const idsOf = (doc: any) => ({ seo: doc.seo?.id, sections: doc.sections.map((s: any) => s.id) });
  const paths = ['sections[1].body', 'sections[0].heading', 'seo.metaTitle'];

  it('writes leaves into the fr structure: a section a person added while at Gengo is kept, components updated in place', async () => {
    const frOrdered = await readFr();
    const layout = recordLayout({ schema: model(), getComponent, source: enBefore, target: frOrdered, paths });
    // While the job is at Gengo, a person adds a quote at the top of fr, as the content manager
    // saves it (every other entry sent with its id).
    await strapi.documents(UID).update({
      documentId,
      locale: 'fr',
      data: {
        sections: [
          { __component: 'sections.quote', text: 'Une citation ajoutée', author: 'Une personne' },
          ...frOrdered.sections.map((s: any) => ({ id: s.id, __component: s.__component })),
        ],
      },
    });
    const frNow = await readFr();
    expect(frNow.sections.slice(1)).toEqual(frOrdered.sections);
    const translations = translateDoc(
      strapi,
      enBefore,
      (t) => `v2 ${t}`,
      (p) => p.some((x) => paths.includes(x))
    );
    const { data, conflicts, written } = buildTargetData({
      schema: model(),
      getComponent,
      source: enBefore,
      existingTarget: frNow,
      translations,
      layout,
    });
    expect(conflicts).toEqual([]);
    // `seo.metaTitle` shares its segment with `title` (the same text).
    expect(written.map((w) => w.targetPath).sort()).toEqual([
      'sections[1].heading',
      'sections[2].body',
      'seo.metaTitle',
      'title',
    ]);
    await strapi.documents(UID).update({ documentId, locale: 'fr', data });

    const fr = await readFr();
    expect(idsOf(fr)).toEqual(idsOf(frNow));
    const expected = structuredClone(frNow);
    expected.sections[1].heading = 'v2 Translate everything';
    expected.sections[2].body = translations['sections[1].body'];
    expected.seo.metaTitle = 'v2 Getting started with Gengo';
    expected.title = 'v2 Getting started with Gengo';
    const { updatedAt: _a, ...now } = fr;
    const { updatedAt: _b, ...before } = expected;
    expect(now).toEqual(before);
  });

  it('publishing keeps the draft’s component ids; discarding the draft re-creates them, and leaves become conflicts', async () => {
    const draft = await readFr();
    await strapi.documents(UID).publish({ documentId, locale: 'fr' });
    const published = await readFr('published');
    expect(idsOf(await readFr())).toEqual(idsOf(draft));
    expect(published.sections.map((s: any) => s.id)).not.toEqual(draft.sections.map((s: any) => s.id));

    const layout = recordLayout({ schema: model(), getComponent, source: enBefore, target: draft, paths });
    await strapi.documents(UID).discardDraft({ documentId, locale: 'fr' });
    const recreated = await readFr();
    expect(recreated.sections.map((s: any) => s.id)).not.toEqual(draft.sections.map((s: any) => s.id));
    const { data, conflicts } = buildTargetData({
      schema: model(),
      getComponent,
      source: enBefore,
      existingTarget: recreated,
      translations: translateDoc(
        strapi,
        enBefore,
        (t) => `v3 ${t}`,
        (p) => p.some((x) => paths.includes(x))
      ),
      layout,
    });
    expect(conflicts.map((c) => [c.path, c.code]).sort()).toEqual([
      ['sections[0].heading', 'removed'],
      ['sections[1].body', 'removed'],
    ]);
    // The single component is the draft's SEO whatever its id: written.
    expect(data).toEqual({
      title: 'v3 Getting started with Gengo',
      seo: { id: recreated.seo.id, metaTitle: 'v3 Getting started with Gengo' },
    });
  });
});
