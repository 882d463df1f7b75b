import { extractSegments, segmentHash, type Schema } from '../../../server/src/content';
import { enPage, getComponent, pageSchema } from './fixtures';

const byPath = (segments: ReturnType<typeof extractSegments>) =>
  Object.fromEntries(segments.flatMap((s) => s.paths.map((p) => [p, s])));

describe('extractSegments', () => {
  const segments = extractSegments(pageSchema, enPage(), getComponent);
  const paths = byPath(segments);

  it('finds every translatable text, in document order, with its kind', () => {
    expect(segments.flatMap((s) => s.paths.map((p) => `${p} ${s.kind}`))).toEqual([
      'title string',
      'seo.metaTitle string',
      'summary text',
      'body richtext',
      'content[0] blocks',
      'content[1] blocks',
      'content[2].children[0] blocks',
      'content[2].children[1].children[0] blocks',
      'sections[2].body[0] blocks',
      'content[5] blocks',
      'seo.metaDescription text',
      'sections[0].heading string',
      'sections[0].cta.label string',
      'sections[1].title string',
      'sections[1].items[0].question string',
      'sections[1].items[0].answer richtext',
      'sections[1].items[0].links[0].label string',
      'sections[3].caption string',
      'sections[1].items[0].links[1].label string',
      'sections[1].items[1].question string',
    ]);
  });

  it('sends identical sources once and maps them back to every place', () => {
    expect(paths.title.paths).toEqual(['title', 'seo.metaTitle']);
    expect(paths['sections[3].caption'].paths).toEqual(['sections[1].items[0].links[0].label', 'sections[3].caption']);
    // Same words, different kinds: a quote block is not the title string.
    expect(paths['content[5]']).not.toBe(paths.title);
    // Identical paragraphs in two blocks fields are one segment.
    expect(paths['sections[2].body[0]'].paths).toEqual(['content[2].children[1].children[0]', 'sections[2].body[0]']);
  });

  it('never sends uid, email, password, numbers, booleans, enumerations, dates, json, media or relations', () => {
    for (const key of ['slug', 'email', 'secret', 'rating', 'publishedOn', 'settings', 'kind', 'cover', 'category']) {
      expect(Object.keys(paths).some((p) => p.startsWith(key))).toBe(false);
    }
    expect(Object.keys(paths).some((p) => /href|image|images|author|columns|theme|noIndex/.test(p))).toBe(false);
  });

  it('skips values with nothing to translate once protected (links and paths in string fields)', () => {
    expect(Object.keys(paths).some((p) => p.endsWith('.href'))).toBe(false);
    const doc = { title: 'https://example.com', summary: '{name} %s', body: '`npm i`\n\n```\ncode\n```' };
    expect(extractSegments(pageSchema, doc, getComponent)).toEqual([]);
  });

  it('skips non-localized attributes, system attributes and empty values', () => {
    expect(Object.keys(paths).some((p) => /internalNote|footer|createdAt|locale/.test(p))).toBe(false);
    expect(paths['seo.keywords']).toBeUndefined(); // ''
    expect(paths['sections[0].subheading']).toBeUndefined(); // null
    expect(paths['sections[1].items[1].answer']).toBeUndefined(); // ''
    expect(paths['content[6]']).toBeUndefined(); // empty paragraph
  });

  it('does not send code blocks or images of a blocks field', () => {
    expect(paths['content[3]']).toBeUndefined();
    expect(paths['content[4]']).toBeUndefined();
  });

  it('keeps the inline nodes of a block, and their plain text as the source', () => {
    const p = paths['content[1]'];
    expect(p.source).toBe('Machines are fast, people are right. See Gengo.');
    expect(p.nodes).toHaveLength(7);
  });

  it('hashes kind and content (sha256 hex), so a changed source is a changed hash', () => {
    expect(paths.title.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(paths.title.hash).toBe(segmentHash('string', 'Getting started with Gengo'));
    expect(segmentHash('text', 'Getting started with Gengo')).not.toBe(paths.title.hash);
    const changed = extractSegments(pageSchema, { ...enPage(), title: 'Getting started with Gengo!' }, getComponent);
    expect(byPath(changed).title.hash).not.toBe(paths.title.hash);
    expect(byPath(changed).summary.hash).toBe(paths.summary.hash);
  });

  it('inside a localized component, every child is sent whatever its own options', () => {
    const schema: Schema = {
      attributes: { block: { type: 'component', component: 'x.c', pluginOptions: { i18n: { localized: true } } } },
    };
    const lookup = () => ({ attributes: { a: { type: 'string', pluginOptions: { i18n: { localized: false } } } } });
    expect(extractSegments(schema, { block: { a: 'Hi' } }, lookup).map((s) => s.paths)).toEqual([['block.a']]);
  });

  it('a content type without localized attributes has nothing to send', () => {
    const schema: Schema = { attributes: { title: { type: 'string' } } };
    expect(extractSegments(schema, { title: 'Hello' }, getComponent)).toEqual([]);
  });

  it('fails clearly on an unknown component', () => {
    const doc = { ...enPage(), sections: [{ __component: 'sections.nope', heading: 'x' }] };
    expect(() => extractSegments(pageSchema, doc, getComponent)).toThrow('Unknown component "sections.nope"');
  });
});
