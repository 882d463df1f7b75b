import type { Schema } from '../../../server/src/content';

const localized = { i18n: { localized: true } };
const shared = { i18n: { localized: false } };

/** Components of a realistic page: nested repeatables, media and relations inside components. */
export const components: Record<string, Schema> = {
  'shared.seo': {
    attributes: {
      metaTitle: { type: 'string' },
      metaDescription: { type: 'text' },
      keywords: { type: 'string' },
      noIndex: { type: 'boolean' },
      shareImage: { type: 'media', multiple: false },
    },
  },
  'shared.link': {
    attributes: {
      label: { type: 'string' },
      href: { type: 'string' },
      external: { type: 'boolean' },
    },
  },
  'faq.item': {
    attributes: {
      question: { type: 'string' },
      answer: { type: 'richtext' },
      links: { type: 'component', component: 'shared.link', repeatable: true },
    },
  },
  'sections.hero': {
    attributes: {
      heading: { type: 'string' },
      subheading: { type: 'text' },
      image: { type: 'media', multiple: false },
      cta: { type: 'component', component: 'shared.link', repeatable: false },
    },
  },
  'sections.faq': {
    attributes: {
      title: { type: 'string' },
      items: { type: 'component', component: 'faq.item', repeatable: true },
    },
  },
  'sections.rich': {
    attributes: {
      body: { type: 'blocks' },
      columns: { type: 'integer' },
      theme: { type: 'enumeration', enum: ['light', 'dark'] },
    },
  },
  'sections.gallery': {
    attributes: {
      images: { type: 'media', multiple: true },
      author: { type: 'relation', relation: 'manyToOne', target: 'api::author.author' },
      caption: { type: 'string' },
    },
  },
};

export const getComponent = (uid: string) => components[uid];

export const pageSchema: Schema = {
  uid: 'api::page.page',
  pluginOptions: localized,
  attributes: {
    title: { type: 'string', pluginOptions: localized },
    slug: { type: 'uid', targetField: 'title', pluginOptions: localized },
    summary: { type: 'text', pluginOptions: localized },
    body: { type: 'richtext', pluginOptions: localized },
    content: { type: 'blocks', pluginOptions: localized },
    seo: { type: 'component', component: 'shared.seo', repeatable: false, pluginOptions: localized },
    sections: {
      type: 'dynamiczone',
      components: ['sections.hero', 'sections.faq', 'sections.rich', 'sections.gallery'],
      pluginOptions: localized,
    },
    cover: { type: 'media', multiple: false, pluginOptions: localized },
    category: { type: 'relation', relation: 'manyToOne', target: 'api::category.category', pluginOptions: localized },
    email: { type: 'email', pluginOptions: localized },
    secret: { type: 'password', pluginOptions: localized },
    rating: { type: 'decimal', pluginOptions: localized },
    publishedOn: { type: 'date', pluginOptions: localized },
    settings: { type: 'json', pluginOptions: localized },
    kind: { type: 'enumeration', enum: ['news', 'guide'], pluginOptions: localized },
    internalNote: { type: 'text', pluginOptions: shared },
    views: { type: 'integer', pluginOptions: shared },
    footer: { type: 'component', component: 'shared.link', repeatable: false, pluginOptions: shared },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
    publishedAt: { type: 'datetime', configurable: false, writable: true, visible: false },
    createdBy: {
      type: 'relation',
      relation: 'oneToOne',
      target: 'admin::user',
      configurable: false,
      writable: false,
      visible: false,
      private: true,
    },
    locale: { type: 'string', configurable: false, visible: false, writable: true },
    localizations: {
      type: 'relation',
      relation: 'oneToMany',
      target: 'api::page.page',
      writable: true,
      visible: false,
      configurable: false,
    },
  },
};

const media = (id: number, name: string) => ({
  id,
  documentId: `file${id}`,
  name,
  url: `/uploads/${name}`,
  mime: 'image/png',
});

/** A page in `en`, populated as `findOne({ populate: deep })` returns it. */
export const enPage = () => ({
  id: 11,
  documentId: 'page1',
  locale: 'en',
  title: 'Getting started with Gengo',
  slug: 'getting-started-with-gengo',
  summary: 'Order human translation for {count} entries. Docs: https://example.com/docs.',
  body: '## Install\n\nRun `npm install strapi-plugin-gengo` and read the [guide](https://example.com/guide "Guide").\n\n```sh\nnpm run build\n```\n',
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
        { type: 'link', url: 'https://gengo.com', children: [{ type: 'text', text: 'Gengo' }] },
        { type: 'text', text: '.' },
      ],
    },
    {
      type: 'list',
      format: 'unordered',
      children: [
        { type: 'list-item', children: [{ type: 'text', text: 'Standard tier' }] },
        {
          type: 'list',
          format: 'ordered',
          indentLevel: 1,
          children: [{ type: 'list-item', children: [{ type: 'text', text: 'Pro tier' }] }],
        },
      ],
    },
    { type: 'code', language: 'js', children: [{ type: 'text', text: 'const x = 1;' }] },
    { type: 'image', image: media(9, 'diagram.png'), children: [{ type: 'text', text: '' }] },
    { type: 'quote', children: [{ type: 'text', text: 'Getting started with Gengo' }] },
    { type: 'paragraph', children: [{ type: 'text', text: '' }] },
  ],
  seo: {
    id: 3,
    metaTitle: 'Getting started with Gengo',
    metaDescription: 'Human translation inside Strapi.',
    keywords: '',
    noIndex: false,
    shareImage: media(5, 'share.png'),
  },
  sections: [
    {
      id: 21,
      __component: 'sections.hero',
      heading: 'Translate everything',
      subheading: null,
      image: media(6, 'hero.png'),
      cta: { id: 31, label: 'Start now', href: '/start', external: false },
    },
    {
      id: 22,
      __component: 'sections.faq',
      title: 'FAQ',
      items: [
        {
          id: 41,
          question: 'How long does it take?',
          answer: 'Usually **a day**. See <a href="/sla">our SLA</a>.',
          links: [
            { id: 51, label: 'Pricing', href: '/pricing', external: false },
            { id: 52, label: 'Docs', href: 'https://example.com/docs', external: true },
          ],
        },
        { id: 42, question: 'Is it safe?', answer: '', links: [] },
      ],
    },
    {
      id: 23,
      __component: 'sections.rich',
      body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Pro tier' }] }],
      columns: 2,
      theme: 'dark',
    },
    {
      id: 24,
      __component: 'sections.gallery',
      images: [media(7, 'a.png'), media(8, 'b.png')],
      author: { id: 2, documentId: 'auth1', name: 'Ann' },
      caption: 'Pricing',
    },
  ],
  cover: media(4, 'cover.png'),
  category: { id: 5, documentId: 'cat1', name: 'Guides', locale: 'en' },
  email: 'team@example.com',
  rating: 4.5,
  publishedOn: '2026-01-02',
  settings: { layout: 'wide' },
  kind: 'guide',
  internalNote: 'Do not translate me',
  views: 12,
  footer: { id: 61, label: 'Footer', href: '/', external: false },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  publishedAt: null,
});

/** A deterministic "translation" that keeps every marker: upper-cases the prose around them. */
export const shout = (text: string) =>
  text
    .split(/(\[\[\[<\/?\d+\/?>\]\]\])/)
    .map((p, i) => (i % 2 ? p : p.toUpperCase()))
    .join('');
