import {
  buildTargetData,
  extractSegments,
  protectSegment,
  restoreSegment,
  uidBase,
  type Translations,
} from '../../../server/src/content';
import { enPage, getComponent, pageSchema, shout } from './fixtures';
import { applyUpdate, createIds } from './strapi-update';

/** Every segment "translated" by `translate`, through protect and restore, mapped to all its paths. */
const translateAll = (doc: any, translate = shout): Translations => {
  const out: Translations = {};
  for (const s of extractSegments(pageSchema, doc, getComponent)) {
    const p = protectSegment(s);
    const r = restoreSegment(p, translate(p.text));
    if (!r.ok) throw new Error((r as any).reason);
    for (const path of s.paths) out[path] = r.value;
  }
  return out;
};

describe('buildTargetData — a new target locale', () => {
  const source = enPage();
  const { data, applied, skipped } = buildTargetData({
    schema: pageSchema,
    getComponent,
    source,
    translations: translateAll(source),
    takenUids: { slug: ['getting-started-with-gengo'] },
  });

  it('writes localized attributes only: never non-localized, system or password attributes', () => {
    expect(Object.keys(data).sort()).toEqual(
      [
        'title',
        'slug',
        'summary',
        'body',
        'content',
        'seo',
        'sections',
        'cover',
        'category',
        'email',
        'rating',
        'publishedOn',
        'settings',
        'kind',
      ].sort()
    );
    expect(skipped).toEqual([]);
    expect(applied.length).toBeGreaterThan(15);
  });

  it('puts translations at their paths and keeps the protected markup', () => {
    expect(data.title).toBe('GETTING STARTED WITH GENGO');
    expect(data.summary).toBe('ORDER HUMAN TRANSLATION FOR {count} ENTRIES. DOCS: https://example.com/docs.');
    expect(data.body).toBe(
      '## INSTALL\n\nRUN `npm install strapi-plugin-gengo` AND READ THE [GUIDE](https://example.com/guide "GUIDE").\n\n```sh\nnpm run build\n```\n'
    );
  });

  it('rebuilds components and dynamic zones whole, without ids, with __component, in order', () => {
    const sections = data.sections as any[];
    expect(sections.map((s) => s.__component)).toEqual([
      'sections.hero',
      'sections.faq',
      'sections.rich',
      'sections.gallery',
    ]);
    // No component ids anywhere (a blocks image keeps its file object: that is how blocks store it).
    expect(JSON.stringify({ ...data, content: null })).not.toMatch(/"id":/);
    expect(sections[0]).toEqual({
      __component: 'sections.hero',
      heading: 'TRANSLATE EVERYTHING',
      subheading: null,
      image: 6,
      cta: { label: 'START NOW', href: '/start', external: false },
    });
    expect(sections[1].items[0].links).toEqual([
      { label: 'PRICING', href: '/pricing', external: false },
      { label: 'DOCS', href: 'https://example.com/docs', external: true },
    ]);
    expect(sections[1].items[0].answer).toBe('USUALLY **A DAY**. SEE <a href="/sla">OUR SLA</a>.');
    expect(sections[1].items[1]).toEqual({ question: 'IS IT SAFE?', answer: '', links: [] });
    expect(sections[2]).toEqual({
      __component: 'sections.rich',
      body: [{ type: 'paragraph', children: [{ type: 'text', text: 'PRO TIER' }] }],
      columns: 2,
      theme: 'dark',
    });
  });

  it('writes media as file ids and relations by documentId', () => {
    expect(data.cover).toBe(4);
    expect((data.seo as any).shareImage).toBe(5);
    expect((data.sections as any[])[3]).toEqual({
      __component: 'sections.gallery',
      images: [7, 8],
      author: { set: [{ documentId: 'auth1' }] },
      caption: 'PRICING',
    });
    expect(data.category).toEqual({ set: [{ documentId: 'cat1' }] });
  });

  it('translates blocks in place, keeping code, images and block attributes', () => {
    const content = data.content as any[];
    expect(content[0]).toEqual({
      type: 'heading',
      level: 2,
      children: [{ type: 'text', text: 'WHY HUMAN TRANSLATION' }],
    });
    expect(content[1].children[5]).toEqual({
      type: 'link',
      url: 'https://gengo.com',
      children: [{ type: 'text', text: 'GENGO' }],
    });
    expect(content[2].children[1]).toMatchObject({
      type: 'list',
      format: 'ordered',
      indentLevel: 1,
      children: [{ type: 'list-item', children: [{ text: 'PRO TIER' }] }],
    });
    expect(content[3]).toEqual(source.content[3]);
    expect(content[4]).toEqual(source.content[4]);
    expect(content[6]).toEqual(source.content[6]);
  });

  it('derives the slug from the translated title, unique in the locale', () => {
    expect(data.slug).toBe('getting-started-with-gengo-1');
  });

  it('copies untranslatable localized values from the source', () => {
    expect(data).toMatchObject({
      email: 'team@example.com',
      rating: 4.5,
      publishedOn: '2026-01-02',
      settings: { layout: 'wide' },
      kind: 'guide',
    });
  });
});

describe('buildTargetData — an existing target locale', () => {
  const source = enPage();
  const frFull = () => {
    const built = buildTargetData({
      schema: pageSchema,
      getComponent,
      source,
      translations: translateAll(source, (t) => `FR:${t}`),
    }).data as any;
    // What Strapi returns: components with ids of their own, and the fr editor changed a few
    // untranslatable things.
    const fr = applyUpdate(pageSchema, getComponent, structuredClone(source), built, createIds(100)) as any;
    Object.assign(fr, { slug: 'fr-slug', cover: { id: 99 }, category: { documentId: 'cat1', locale: 'fr' } });
    fr.sections[0].image = { id: 77, url: '/uploads/fr-hero.png' };
    fr.sections[2].columns = 3;
    return fr;
  };

  it('merging one segment changes only its paths and leaves every other field as it is', () => {
    const existingTarget = frFull();
    const { data } = buildTargetData({
      schema: pageSchema,
      getComponent,
      source,
      existingTarget,
      translations: { 'sections[1].items[0].question': 'Combien de temps ?' },
    });
    expect(Object.keys(data)).toEqual(['sections']);
    // Zone entries kept by id; the way to the leaf spelled out, nothing else.
    const sections = data.sections as any[];
    expect(sections.map((s) => s.id)).toEqual(existingTarget.sections.map((s: any) => s.id));
    expect(sections[0]).toEqual({ id: existingTarget.sections[0].id, __component: 'sections.hero' });
    expect(sections[1].items[0].question).toBe('Combien de temps ?');
    const after = applyUpdate(pageSchema, getComponent, existingTarget, data) as any;
    const expected = structuredClone(existingTarget);
    expected.sections[1].items[0].question = 'Combien de temps ?';
    expect(after).toEqual(expected);
  });

  it('merging a blocks segment changes only that block', () => {
    const existingTarget = frFull();
    const { data } = buildTargetData({
      schema: pageSchema,
      getComponent,
      source,
      existingTarget,
      translations: { 'content[2].children[0]': [{ type: 'text', text: 'Niveau standard' }] },
    });
    const content = data.content as any[];
    expect(content[2].children[0].children).toEqual([{ type: 'text', text: 'Niveau standard' }]);
    expect(content[2].children[1]).toEqual(existingTarget.content[2].children[1]);
    expect(content[0]).toEqual(existingTarget.content[0]);
  });

  it('does not rewrite media, relations or the slug of an existing target when the title is not touched', () => {
    const { data } = buildTargetData({
      schema: pageSchema,
      getComponent,
      source,
      existingTarget: frFull(),
      translations: { summary: 'Résumé' },
    });
    expect(data).toEqual({ summary: 'Résumé' });
  });

  it('never changes the slug of a target that has one, even when the title is translated again', () => {
    const { data } = buildTargetData({
      schema: pageSchema,
      getComponent,
      source,
      existingTarget: frFull(),
      translations: { title: 'Bien démarrer avec Gengo', 'seo.metaTitle': 'Bien démarrer' },
    });
    expect(data.slug).toBeUndefined();
    expect(Object.keys(data).sort()).toEqual(['seo', 'title']);
  });

  it('keeps the existing slug when the translated title gives none (Japanese)', () => {
    const { data } = buildTargetData({
      schema: pageSchema,
      getComponent,
      source,
      existingTarget: frFull(),
      translations: { title: 'はじめに' },
    });
    expect(data).toEqual({ title: 'はじめに' });
  });

  it('keeps a dynamic zone entry of another component where the source has one, and places the leaf by type', () => {
    const existingTarget = frFull();
    existingTarget.sections[0] = { id: 5, __component: 'sections.rich', body: [], columns: 1, theme: 'light' };
    const { data, conflicts } = buildTargetData({
      schema: pageSchema,
      getComponent,
      source,
      existingTarget,
      translations: { 'sections[1].title': 'FAQ (fr)', 'sections[0].heading': 'Tout traduire' },
    });
    expect((data.sections as any[])[0]).toEqual({ id: 5, __component: 'sections.rich' });
    expect((data.sections as any[])[1].title).toBe('FAQ (fr)');
    expect(conflicts.map((c) => [c.path, c.code])).toEqual([['sections[0].heading', 'unmatched']]);
  });
});

describe('buildTargetData — a list nested inside a list item', () => {
  const schema = { attributes: { content: { type: 'blocks', pluginOptions: { i18n: { localized: true } } } } };
  const content = [
    {
      type: 'list',
      format: 'unordered',
      children: [
        {
          type: 'list-item',
          children: [
            { type: 'text', text: 'Tiers' },
            {
              type: 'list',
              format: 'ordered',
              children: [{ type: 'list-item', children: [{ type: 'text', text: 'Pro' }] }],
            },
          ],
        },
      ],
    },
  ];

  it('extracts the item text and the nested items separately, and writes each back in place', () => {
    const segments = extractSegments(schema, { content }, () => undefined);
    // In blocks paths children[k] counts block children only: the nested list is children[0] of the
    // item, whatever number of text leaves the translation gives the item.
    expect(segments.map((s) => s.paths[0])).toEqual([
      'content[0].children[0]',
      'content[0].children[0].children[0].children[0]',
    ]);
    const { data } = buildTargetData({
      schema,
      getComponent: () => undefined,
      source: { content },
      translations: {
        'content[0].children[0]': [
          { type: 'text', text: 'Les ' },
          { type: 'text', text: 'niveaux', bold: true },
        ],
        'content[0].children[0].children[0].children[0]': [{ type: 'text', text: 'Pro (fr)' }],
      },
    });
    const item = (data.content as any)[0].children[0];
    expect(item.children.slice(0, 2)).toEqual([
      { type: 'text', text: 'Les ' },
      { type: 'text', text: 'niveaux', bold: true },
    ]);
    expect(item.children[2]).toEqual({
      type: 'list',
      format: 'ordered',
      children: [{ type: 'list-item', children: [{ type: 'text', text: 'Pro (fr)' }] }],
    });
  });
});

describe('buildTargetData — checks', () => {
  const source = enPage();

  it('skips translations for paths the source does not have, or of the wrong shape', () => {
    const { data, skipped, applied } = buildTargetData({
      schema: pageSchema,
      getComponent,
      source,
      existingTarget: { title: 'x' },
      translations: {
        title: 'Titre',
        views: '3',
        'sections[9].heading': 'x',
        'content[1]': 'text for a block',
        internalNote: 'no',
      },
    });
    expect(applied).toEqual(['title']);
    expect(skipped.map((s) => s.path)).toEqual(['views', 'sections[9].heading', 'content[1]', 'internalNote']);
    // The target has no slug yet: one is derived from the translated title.
    expect(data).toEqual({ title: 'Titre', slug: 'titre' });
  });

  it('drops relations the caller says are missing in the target locale', () => {
    const { data } = buildTargetData({
      schema: pageSchema,
      getComponent,
      source,
      translations: {},
      keepRelation: ({ documentId }) => documentId !== 'cat1',
    });
    expect(data).not.toHaveProperty('category');
    expect((data.sections as any[])[3].author).toEqual({ set: [{ documentId: 'auth1' }] });
  });

  it('with no target and a Japanese title, falls back to the source slug made unique', () => {
    const { data } = buildTargetData({
      schema: pageSchema,
      getComponent,
      source,
      translations: { title: 'はじめに' },
      takenUids: { slug: ['getting-started-with-gengo', 'getting-started-with-gengo-1'] },
    });
    expect(data.slug).toBe('getting-started-with-gengo-2');
  });
});

describe('uidBase — what a slug is made from (the write reads the values taken from it)', () => {
  const slug = pageSchema.attributes.slug;
  const source = enPage();

  it('the translated target field, slugified', () => {
    expect(uidBase('slug', slug, source, null, { title: 'Premiers pas avec Gengo' })).toBe('premiers-pas-avec-gengo');
  });

  it('no slug in the translation: kept when the target has one, else the source title', () => {
    expect(uidBase('slug', slug, source, { slug: 'fr-slug' }, { title: 'はじめに' })).toBeUndefined();
    expect(uidBase('slug', slug, source, null, { title: 'はじめに' })).toBe('getting-started-with-gengo');
    expect(uidBase('slug', slug, { ...source, title: 'はじめに' }, null, {})).toBe('getting-started-with-gengo');
  });
});
