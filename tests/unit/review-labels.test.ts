import { distinctLabels, fieldName, humanize } from '../../server/src/review/labels';

const components: Record<string, any> = {
  'sections.hero': { uid: 'sections.hero', info: { displayName: 'Hero' }, attributes: { title: { type: 'string' } } },
  'sections.quote': { uid: 'sections.quote', info: { displayName: 'Quote' }, attributes: { text: { type: 'text' } } },
  'shared.item': { uid: 'shared.item', info: { displayName: 'Item' }, attributes: { label: { type: 'string' } } },
};
const model: any = {
  uid: 'api::page.page',
  attributes: {
    title: { type: 'string' },
    content: { type: 'blocks' },
    sections: { type: 'dynamiczone', components: ['sections.hero', 'sections.quote'] },
    items: { type: 'component', repeatable: true, component: 'shared.item' },
    seo_block: { type: 'component', component: 'shared.item' },
  },
};
const get = (uid: string) => components[uid];
const labels = (uid: string, attr: string) => (uid === 'api::page.page' && attr === 'title' ? 'Headline' : attr);
const layout: any = {
  v: 1,
  target: true,
  nodes: {
    sections: {
      kind: 'list',
      create: false,
      entries: [{ sig: 'sections.quote' }, { sig: 'sections.hero' }],
      map: [1, 0],
    },
  },
};

describe('review labels: the field a segment belongs to, named as the content manager names it', () => {
  it.each([
    ['title', 'title', ['Headline']],
    ['content[3].children[0]', 'content', ['Content']],
    ['content[2].image.alternativeText', 'content', ['Content']],
    ['sections[0].title', 'sections[0].title', ['Sections', 'Hero', 'Title']],
    ['sections[1].text', 'sections[1].text', ['Sections', 'Quote', 'Text']],
    ['items[1].label', 'items[1].label', ['Items 2', 'Label']],
    ['seo_block.label', 'seo_block.label', ['Seo block', 'Label']],
  ])('%s → field %s labelled %j', (path, key, label) => {
    const name = fieldName(path, model, get, labels, layout);
    expect(name.key).toBe(key);
    expect(name.label).toEqual(label);
  });

  it('humanises attribute names', () => {
    expect(humanize('metaTitle')).toBe('Meta title');
    expect(humanize('cover_image')).toBe('Cover image');
  });

  it('numbers fields named alike', () => {
    const out = distinctLabels([{ label: ['Sections', 'Hero', 'Title'] }, { label: ['Sections', 'Hero', 'Title'] }]);
    expect(out.map((f) => f.label.join(' › '))).toEqual(['Sections › Hero › Title', 'Sections › Hero › Title (2)']);
  });
});
