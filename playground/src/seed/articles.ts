/**
 * Demo content in `en`: real multi-paragraph text that exercises everything a translation has to
 * survive — markdown with links, inline code, a fenced block, an image and inline HTML; blocks with
 * marks, links, lists and headings; a component and a dynamic zone.
 */

const text = (value: string, marks: Record<string, boolean> = {}) => ({ type: 'text', text: value, ...marks });
const paragraph = (...children: any[]) => ({ type: 'paragraph', children });
const heading = (level: number, value: string) => ({ type: 'heading', level, children: [text(value)] });
const link = (url: string, value: string) => ({ type: 'link', url, children: [text(value)] });
const list = (format: 'ordered' | 'unordered', ...items: any[][]) => ({
  type: 'list',
  format,
  children: items.map((children) => ({ type: 'list-item', children })),
});

export type SeedArticle = {
  title: string;
  summary: string;
  body: string;
  content: any[];
  seo: { metaTitle: string; metaDescription: string };
  sections: any[];
  views: number;
  featured: boolean;
  category: string;
};

export const SEED_CATEGORIES = ['Guides', 'News'];

export const SEED_ARTICLES: SeedArticle[] = [
  {
    title: 'Getting started with our coffee subscription',
    summary:
      'Everything you need to know before your first delivery: choosing a roast, setting a schedule and pausing when you travel.',
    body: [
      '## Choosing your roast',
      '',
      'We roast every **Monday** and ship on *Tuesday*, so your beans are never more than a week old. ' +
        'Read the [roast guide](https://example.com/guides/roasts "Our roasts") before you pick one, ' +
        'or start with the <abbr title="Single origin">SO</abbr> sampler.',
      '',
      '![A bag of freshly roasted beans](https://example.com/uploads/beans.jpg)',
      '',
      'To change your plan from the command line, run `coffee plan --roast medium` and confirm.',
      '',
      '```bash',
      'coffee plan --roast medium --every 2w',
      'coffee pause --until 2027-01-15',
      '```',
      '',
      'Questions? Write to support@example.com or visit https://example.com/help.',
    ].join('\n'),
    content: [
      heading(2, 'Your first delivery'),
      paragraph(
        text('Your first bag ships within '),
        text('two business days', { bold: true }),
        text(' of signing up. You will receive an email with a '),
        link('https://example.com/track', 'tracking link'),
        text(' as soon as it leaves our roastery.')
      ),
      list(
        'unordered',
        [text('Pick a grind that matches your '), text('brewing method', { italic: true }), text('.')],
        [text('Store the beans in a cool, dark place.')],
        [text('Brew within '), text('four weeks', { bold: true, underline: true }), text(' of the roast date.')]
      ),
      heading(3, 'Pausing and skipping'),
      paragraph(
        text('You can pause at any time from '),
        text('Account → Subscription', { code: true }),
        text('. Skipped deliveries are never charged.')
      ),
    ],
    seo: {
      metaTitle: 'Getting started with your coffee subscription',
      metaDescription: 'Choose a roast, set a delivery schedule and learn how to pause your coffee subscription.',
    },
    sections: [
      {
        __component: 'sections.hero',
        heading: 'Fresh coffee, on your schedule',
        subheading: 'Roasted on Monday, at your door by Thursday.',
      },
      {
        __component: 'sections.text-block',
        body: 'Every bag is **roasted to order**. See [our promise](https://example.com/promise) for details.',
      },
      {
        __component: 'sections.quote',
        text: 'The best coffee I have had at home, and it arrives before I run out.',
        author: 'Maria, subscriber since 2021',
      },
    ],
    views: 1280,
    featured: true,
    category: 'Guides',
  },
  {
    title: 'We are opening a second roastery',
    summary: 'Our new roastery in Lyon doubles our capacity and cuts delivery times across Europe.',
    body: [
      'After two years of planning, our **second roastery** opens in Lyon next spring.',
      '',
      'It runs on renewable energy and roasts up to 2,000 kg a week. ' +
        'Read the <em>full announcement</em> on [our blog](https://example.com/blog/lyon).',
      '',
      '> Deliveries to France, Germany and Spain will arrive one day sooner.',
      '',
      '1. Construction finishes in February.',
      '2. The first batches are roasted in March.',
      '3. Visitors are welcome from April.',
    ].join('\n'),
    content: [
      paragraph(
        text('The new site sits on the banks of the Saône and employs '),
        text('twenty-five', { bold: true }),
        text(' people from the neighbourhood.')
      ),
      list(
        'ordered',
        [text('Tours on Saturdays, '), text('booking required', { italic: true, strikethrough: false }), text('.')],
        [text('A tasting bar open every day.')]
      ),
      paragraph(text('Follow the works on '), link('https://example.com/lyon', 'our Lyon page'), text('.')),
    ],
    seo: {
      metaTitle: 'A second roastery in Lyon',
      metaDescription: 'Our second roastery opens in Lyon next spring, with faster deliveries across Europe.',
    },
    sections: [
      { __component: 'sections.hero', heading: 'Hello, Lyon', subheading: 'Our second home opens in spring.' },
      {
        __component: 'sections.quote',
        text: 'Roasting close to our customers is the greenest choice we can make.',
        author: 'Jonas, head roaster',
      },
    ],
    views: 342,
    featured: false,
    category: 'News',
  },
  {
    title: 'How to brew the perfect pour-over',
    summary: 'A step-by-step recipe for a clean, sweet cup with a paper filter and a kettle.',
    body: [
      '## What you need',
      '',
      '- 15 g of coffee, ground medium-fine',
      '- 250 g of water at 94 °C',
      '- A paper filter, rinsed',
      '',
      '## The recipe',
      '',
      'Bloom with 40 g of water for 30 seconds, then pour slowly in circles. ' +
        'The whole brew should take about `3:00` minutes. If it runs faster, grind finer; ' +
        'see the [grind chart][chart] for help.',
      '',
      '<!-- editors: keep the chart link up to date -->',
      '',
      '[chart]: https://example.com/grind-chart',
    ].join('\n'),
    content: [
      heading(2, 'Ratios that work'),
      paragraph(text('Start at '), text('1:16', { code: true }), text(' and adjust to taste.')),
      list(
        'unordered',
        [text('Stronger: '), text('1:14', { code: true })],
        [text('Lighter: '), text('1:17', { code: true })]
      ),
      { type: 'quote', children: [text('Good coffee is mostly patience.')] },
    ],
    seo: {
      metaTitle: 'Perfect pour-over recipe',
      metaDescription: 'Brew a clean, sweet pour-over at home with this simple recipe.',
    },
    sections: [
      {
        __component: 'sections.text-block',
        body: 'Use filtered water: it makes a *bigger* difference than the beans.',
      },
    ],
    views: 5021,
    featured: true,
    category: 'Guides',
  },
];

export const SEED_HOMEPAGE = {
  title: 'Freshly roasted coffee, delivered',
  content: [
    paragraph(text('Subscribe once and never run out of '), text('great coffee', { bold: true }), text(' again.')),
  ],
};
