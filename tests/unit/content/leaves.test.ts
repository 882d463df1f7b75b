import {
  buildTargetData,
  extractSegments,
  locateLeaf,
  protectSegment,
  recordLayout,
  restoreSegment,
  type BuildTargetInput,
  type Doc,
  type Translations,
} from '../../../server/src/content';
import { enPage, getComponent, pageSchema } from './fixtures';
import { applyUpdate, createIds } from './strapi-update';

/**
 * Issue 18, "write leaves, not rebuilt trees": translations are written into the target's own
 * structure; what only the target has stays; a leaf whose place changed since the order is a
 * conflict, not a positional guess. `applyUpdate` plays Strapi's update (see strapi-update.ts).
 */

const translateAll = (doc: Doc, fn: (t: string) => string): Translations => {
  const out: Translations = {};
  for (const s of extractSegments(pageSchema, doc, getComponent)) {
    const p = protectSegment(s);
    const r = restoreSegment(p, fn(p.text));
    if (!r.ok) throw new Error((r as { reason: string }).reason);
    for (const path of s.paths) out[path] = r.value;
  }
  return out;
};
const fr = (t: string) => t.replace(/(^|\]\]\])([^[]+)/g, (_m, a, b) => `${a}FR ${b}`);

const source = enPage();
const only = (paths: string[], fn = (t: string) => t.toUpperCase()) =>
  Object.fromEntries(Object.entries(translateAll(source, fn)).filter(([p]) => paths.includes(p)));

/** The fr version as Strapi stores it after a first full translation (components with ids of their own). */
const frVersion = (): Doc => {
  const { data } = buildTargetData({
    schema: pageSchema,
    getComponent,
    source,
    translations: translateAll(source, fr),
  });
  return applyUpdate(pageSchema, getComponent, { id: 12, documentId: 'page1', locale: 'fr' }, data, createIds(500));
};

const build = (input: Partial<BuildTargetInput> & { existingTarget: Doc | null; translations: Translations }) =>
  buildTargetData({ schema: pageSchema, getComponent, source, ...input });

const ids = (list: Doc[]) => list.map((e) => e.id);

describe('an existing target: only the translated leaves are written, in its own structure', () => {
  it('sends kept components as their ids, in the target’s order, and spells out only the way to the leaf', () => {
    const target = frVersion();
    const { data, conflicts, written } = build({
      existingTarget: target,
      translations: only(['sections[1].items[0].question']),
    });
    expect(conflicts).toEqual([]);
    expect(written).toEqual([
      { path: 'sections[1].items[0].question', targetPath: 'sections[1].items[0].question', translated: true },
    ]);
    const [hero, faq, rich, gallery] = target.sections as Doc[];
    const items = faq.items as Doc[];
    expect(data).toEqual({
      sections: [
        { id: hero.id, __component: 'sections.hero' },
        {
          id: faq.id,
          __component: 'sections.faq',
          items: [{ id: items[0].id, question: 'HOW LONG DOES IT TAKE?' }, { id: items[1].id }],
        },
        { id: rich.id, __component: 'sections.rich' },
        { id: gallery.id, __component: 'sections.gallery' },
      ],
    });
    const after = applyUpdate(pageSchema, getComponent, target, data);
    const expected = structuredClone(target) as any;
    expected.sections[1].items[0].question = 'HOW LONG DOES IT TAKE?';
    expect(after).toEqual(expected);
  });

  it('keeps a zone entry a person added to the target (before the order or while at Gengo)', () => {
    for (const when of ['before', 'after'] as const) {
      const target = frVersion();
      const quote = { id: 777, __component: 'sections.rich', body: [], columns: 1, theme: 'light' };
      const withQuote = () => (target.sections as Doc[]).splice(1, 0, quote);
      if (when === 'before') withQuote();
      const translations = only(['sections[1].title', 'sections[3].caption', 'sections[0].heading']);
      const layout = recordLayout({
        schema: pageSchema,
        getComponent,
        source,
        target,
        paths: Object.keys(translations),
      });
      if (when === 'after') withQuote();
      const { data, conflicts, written } = build({ existingTarget: target, translations, layout });
      expect(conflicts).toEqual([]);
      expect(written.map((w) => [w.path, w.targetPath])).toEqual([
        ['sections[0].heading', 'sections[0].heading'],
        ['sections[1].title', 'sections[2].title'],
        ['sections[3].caption', 'sections[4].caption'],
      ]);
      const after = applyUpdate(pageSchema, getComponent, target, data) as any;
      expect(after.sections[1]).toEqual(quote);
      expect(after.sections.map((s: Doc) => s.__component)).toEqual([
        'sections.hero',
        'sections.rich',
        'sections.faq',
        'sections.rich',
        'sections.gallery',
      ]);
      expect(after.sections[2].title).toBe('FAQ');
      expect(after.sections[4].caption).toBe('PRICING');
    }
  });

  it('keeps a block a person added to the target', () => {
    const target = frVersion();
    const translations = only(['content[0]', 'content[2].children[0]']);
    const layout = recordLayout({ schema: pageSchema, getComponent, source, target, paths: Object.keys(translations) });
    const extra = { type: 'paragraph', children: [{ type: 'text', text: 'Ajouté par une personne.' }] };
    (target.content as Doc[]).unshift(extra);
    const { data, conflicts } = build({ existingTarget: target, translations, layout });
    expect(conflicts).toEqual([]);
    const content = data.content as any[];
    expect(content).toHaveLength((source.content as unknown[]).length + 1);
    expect(content[0]).toEqual(extra);
    expect(content[1].children).toEqual([{ type: 'text', text: 'WHY HUMAN TRANSLATION' }]);
    expect(content[3].children[0].children).toEqual([{ type: 'text', text: 'STANDARD TIER' }]);
    // Every other block as the target had it (fr text included).
    expect(content[2]).toEqual((target.content as Doc[])[2]);
  });

  it('keeps relations and media only the target has, inside components and at the root', () => {
    const target = frVersion() as any;
    target.sections[3].author = { documentId: 'auth-fr-only' };
    target.sections[0].image = { id: 77 };
    target.category = { documentId: 'cat-fr-only' };
    target.seo.shareImage = { id: 78 };
    const { data } = build({
      existingTarget: target,
      translations: only(['sections[3].caption', 'seo.metaTitle', 'title']),
    });
    expect(data.seo).toEqual({ id: target.seo.id, metaTitle: 'GETTING STARTED WITH GENGO' });
    expect(data).not.toHaveProperty('category');
    const after = applyUpdate(pageSchema, getComponent, target, data) as any;
    expect(after.sections[3].author).toEqual({ documentId: 'auth-fr-only' });
    expect(after.sections[0].image).toEqual({ id: 77 });
    expect(after.category).toEqual({ documentId: 'cat-fr-only' });
    expect(after.seo.shareImage).toEqual({ id: 78 });
    expect(after.sections[3].caption).toBe('PRICING');
  });

  it('never writes a non-localized attribute', () => {
    const { data } = build({ existingTarget: frVersion(), translations: { ...only(['title']), internalNote: 'x' } });
    expect(Object.keys(data)).toEqual(['title']);
  });
});

describe('a leaf whose place in the target changed since the order is a conflict', () => {
  const paths = ['sections[0].heading', 'sections[1].title', 'sections[3].caption'];
  const ordered = () => {
    const target = frVersion();
    const layout = recordLayout({ schema: pageSchema, getComponent, source, target, paths });
    return { target, layout };
  };

  it('reordered zone: the moved entries’ leaves are conflicts, the others are written', () => {
    const { target, layout } = ordered();
    const sections = target.sections as Doc[];
    [sections[0], sections[1]] = [sections[1], sections[0]];
    const { data, conflicts, applied } = build({ existingTarget: target, translations: only(paths), layout });
    expect(applied).toEqual(['sections[3].caption']);
    expect(conflicts.map((c) => [c.path, c.code, c.targetPath])).toEqual([
      ['sections[0].heading', 'moved', 'sections[1].heading'],
      ['sections[1].title', 'moved', 'sections[0].title'],
    ]);
    expect(conflicts[0].current).toBe('FR Translate everything');
    expect(ids((data.sections as Doc[]) ?? [])).toEqual(ids(sections));
    const after = applyUpdate(pageSchema, getComponent, target, data) as any;
    expect(after.sections[1].heading).toBe('FR Translate everything');
    expect(after.sections[0].title).toBe('FR FAQ');
  });

  it('a reviewer may write into moved entries found by their id', () => {
    const { target, layout } = ordered();
    const sections = target.sections as Doc[];
    [sections[0], sections[1]] = [sections[1], sections[0]];
    const { data, conflicts } = build({ existingTarget: target, translations: only(paths), layout, acceptMoved: true });
    expect(conflicts).toEqual([]);
    const after = applyUpdate(pageSchema, getComponent, target, data) as any;
    expect(after.sections[1].heading).toBe('TRANSLATE EVERYTHING');
    expect(after.sections[0].title).toBe('FAQ');
  });

  it('removed entry: a conflict, and nothing else of the target is lost', () => {
    const { target, layout } = ordered();
    (target.sections as Doc[]).splice(1, 1);
    const { data, conflicts, applied } = build({ existingTarget: target, translations: only(paths), layout });
    expect(conflicts.map((c) => [c.path, c.code])).toEqual([['sections[1].title', 'removed']]);
    expect(applied).toEqual(['sections[0].heading', 'sections[3].caption']);
    expect(ids(data.sections as Doc[])).toEqual(ids(target.sections as Doc[]));
  });

  it('an entry replaced by one of another type is a conflict', () => {
    const { target, layout } = ordered();
    (target.sections as Doc[])[0] = { id: 9001, __component: 'sections.rich', body: [], columns: 1, theme: 'dark' };
    const { conflicts } = build({ existingTarget: target, translations: only(paths), layout });
    expect(conflicts.map((c) => [c.path, c.code])).toEqual([['sections[0].heading', 'removed']]);
  });

  it('a component the person removed is a conflict; one the target never had is built from the source', () => {
    const { target, layout } = ordered();
    target.seo = null;
    const removed = build({
      existingTarget: target,
      translations: only(['seo.metaTitle']),
      layout: {
        ...layout,
        ...recordLayout({ schema: pageSchema, getComponent, source, target: frVersion(), paths: ['seo.metaTitle'] }),
      },
    });
    expect(removed.conflicts.map((c) => c.code)).toEqual(['removed']);
    const never = build({ existingTarget: target, translations: only(['seo.metaTitle']) });
    expect(never.conflicts).toEqual([]);
    expect(never.created).toEqual(['seo']);
    expect(never.data.seo).toEqual({
      metaTitle: 'GETTING STARTED WITH GENGO',
      metaDescription: 'Human translation inside Strapi.',
      keywords: '',
      noIndex: false,
      shareImage: 5,
    });
    expect(never.written).toContainEqual({
      path: 'seo.metaDescription',
      targetPath: 'seo.metaDescription',
      translated: false,
    });
  });

  it('blocks: a target whose blocks changed so that a block cannot be told apart is a conflict', () => {
    const { target } = ordered();
    const translations = only(['content[5]', 'content[0]']);
    const layout = recordLayout({ schema: pageSchema, getComponent, source, target, paths: Object.keys(translations) });
    // A person adds a second quote right after the first: which one was translated?
    const content = target.content as Doc[];
    content.splice(5, 0, { type: 'quote', children: [{ type: 'text', text: 'Une autre citation' }] });
    const { conflicts, applied } = build({ existingTarget: target, translations, layout });
    expect(applied).toEqual(['content[0]']);
    expect(conflicts.map((c) => [c.path, c.code])).toEqual([['content[5]', 'changed']]);
  });

  it('without a recorded layout, the target as it is now is the reference: target-only entries still kept', () => {
    const target = frVersion();
    const quote = { id: 778, __component: 'sections.rich', body: [], columns: 1, theme: 'light' };
    (target.sections as Doc[]).splice(2, 0, quote);
    const { data, conflicts } = build({ existingTarget: target, translations: only(paths) });
    expect(conflicts).toEqual([]);
    const after = applyUpdate(pageSchema, getComponent, target, data) as any;
    expect(after.sections[2]).toEqual(quote);
    expect(after.sections[4].caption).toBe('PRICING');
  });
});

describe('targets built from the source', () => {
  it('no target yet: built from the source’s structure, every text leaf listed', () => {
    const translations = only(['title', 'sections[1].title']);
    const { data, written, conflicts, created } = build({ existingTarget: null, translations });
    expect(conflicts).toEqual([]);
    expect(created).toEqual([]);
    expect((data.sections as Doc[]).map((s) => s.__component)).toEqual([
      'sections.hero',
      'sections.faq',
      'sections.rich',
      'sections.gallery',
    ]);
    expect(written.filter((w) => w.translated).map((w) => w.path)).toEqual(['title', 'sections[1].title']);
    expect(written.length).toBe(extractSegments(pageSchema, source, getComponent).flatMap((s) => s.paths).length);
  });

  it('an order made before the target existed, delivered in two parts: the second finds what the first built', () => {
    const layout = recordLayout({
      schema: pageSchema,
      getComponent,
      source,
      target: null,
      paths: ['sections[1].title', 'sections[1].items[1].question'],
    });
    const first = build({ existingTarget: null, translations: only(['sections[1].title']), layout });
    const target = applyUpdate(pageSchema, getComponent, { id: 13 }, first.data, createIds(700));
    const second = build({ existingTarget: target, translations: only(['sections[1].items[1].question']), layout });
    expect(second.conflicts).toEqual([]);
    const after = applyUpdate(pageSchema, getComponent, target, second.data) as any;
    expect(after.sections[1].title).toBe('FAQ');
    expect(after.sections[1].items[1].question).toBe('IS IT SAFE?');
  });

  it('an empty zone in the target is built from the source; the entries of another zone are kept', () => {
    const target = frVersion();
    target.sections = [];
    const { data, created, written } = build({ existingTarget: target, translations: only(['sections[1].title']) });
    expect(created).toEqual(['sections']);
    expect((data.sections as Doc[]).map((s) => s.__component)).toHaveLength(4);
    expect((data.sections as any[])[1].title).toBe('FAQ');
    expect((data.sections as any[])[0].heading).toBe('Translate everything');
    expect(written).toContainEqual({
      path: 'sections[0].heading',
      targetPath: 'sections[0].heading',
      translated: false,
    });
  });
});

describe('slugs: derived only while the target has none, never changed afterwards', () => {
  it('keeps a hand-set slug when the title is translated again', () => {
    const target = { ...frVersion(), slug: 'mon-slug-a-moi' };
    const { data } = build({ existingTarget: target, translations: only(['title']) });
    expect(data).toEqual({ title: 'GETTING STARTED WITH GENGO' });
  });

  it('derives an empty slug from the translated title, unique in the locale', () => {
    for (const empty of ['', null, undefined]) {
      const target = { ...frVersion(), slug: empty };
      const { data } = build({
        existingTarget: target,
        translations: { title: 'Bien démarrer' },
        takenUids: { slug: ['bien-demarrer'] },
      });
      expect(data).toEqual({ title: 'Bien démarrer', slug: 'bien-demarrer-1' });
    }
  });

  it('an empty slug waits for its title: other fields do not set it', () => {
    const { data } = build({ existingTarget: { ...frVersion(), slug: '' }, translations: only(['summary']) });
    expect(data).not.toHaveProperty('slug');
  });
});

describe('locateLeaf: where a leaf is, and what the target holds there now (for the caller’s checks)', () => {
  it('gives the target path and the current value, a text block as its inline children', () => {
    const target = frVersion();
    const layout = recordLayout({
      schema: pageSchema,
      getComponent,
      source,
      target,
      paths: ['content[1]', 'seo.metaTitle'],
    });
    expect(locateLeaf({ schema: pageSchema, getComponent, source, target, layout, path: 'seo.metaTitle' })).toEqual({
      ok: true,
      path: 'seo.metaTitle',
      targetPath: 'seo.metaTitle',
      current: 'FR Getting started with Gengo',
    });
    const block = locateLeaf({ schema: pageSchema, getComponent, source, target, layout, path: 'content[1]' });
    expect(block).toMatchObject({ ok: true, targetPath: 'content[1]' });
    expect((block as { current: unknown[] }).current).toEqual(((target.content as Doc[])[1] as any).children);
  });
});
