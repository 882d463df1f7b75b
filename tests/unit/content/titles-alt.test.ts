import {
  buildTargetData,
  extractSegments,
  protectSegment,
  restoreSegment,
  type InlineNode,
  type Schema,
  type Translations,
} from '../../../server/src/content';

/**
 * Issue 19, "link titles and alt text are translated": what readers see in a title or an alt text
 * goes to the translator as prose; URLs and sources stay with us. Each case runs the whole round
 * trip: extract → protect → a pseudo-translation of the prose only → restore → merge.
 */

const localized = { i18n: { localized: true } };
const schema: Schema = {
  attributes: {
    body: { type: 'richtext', pluginOptions: localized },
    content: { type: 'blocks', pluginOptions: localized },
  },
};

/** Prose upper-cased and marked «» line by line; markers (and so every URL) untouched. */
const pseudo = (text: string) =>
  text
    .split(/(\[\[\[<\/?\d+\/?>\]\]\])/)
    .map((piece, i) =>
      i % 2 ? piece : piece.replace(/[^\n]+/g, (line) => (line.trim() ? `«${line.toUpperCase()}»` : line))
    )
    .join('');

const roundTrip = (doc: Record<string, unknown>) => {
  const segments = extractSegments(schema, doc, () => undefined);
  const sent: string[] = [];
  const translations: Translations = {};
  for (const s of segments) {
    const p = protectSegment(s);
    sent.push(p.text);
    const r = restoreSegment(p, pseudo(p.text));
    if (!r.ok) throw new Error((r as { reason: string }).reason);
    for (const path of s.paths) translations[path] = r.value;
  }
  const { data, skipped } = buildTargetData({ schema, getComponent: () => undefined, source: doc, translations });
  expect(skipped).toEqual([]);
  return { segments, sent: sent.join('\n'), data };
};

describe('markdown: link titles, image titles, definition titles and HTML alt / title', () => {
  const body = [
    'Read [the guide](https://example.com/guide "Setup guide") first.',
    '',
    '![A red bicycle](/uploads/bike.png "Our bike")',
    '',
    'See [the FAQ][faq] and <img src="/uploads/cat.png" alt="A sleeping cat"> or <abbr title="Hypertext">HTML</abbr>.',
    '',
    '[faq]: https://example.com/faq "Frequently asked questions"',
    '',
  ].join('\n');

  it('sends every title and alt text as prose, and never a URL or a source', () => {
    const { sent } = roundTrip({ body });
    for (const prose of [
      'Setup guide',
      'A red bicycle',
      'Our bike',
      'A sleeping cat',
      'Hypertext',
      'Frequently asked questions',
    ])
      expect(sent).toMatch(new RegExp(`(^|\\]\\]\\])${prose}(\\[\\[\\[|$)`));
    for (const url of ['example.com', '/uploads/bike.png', '/uploads/cat.png']) expect(sent).not.toContain(url);
  });

  it('writes the translated titles back inside their syntax, URLs byte for byte', () => {
    expect(roundTrip({ body }).data.body).toBe(
      [
        '«READ »[«THE GUIDE»](https://example.com/guide "«SETUP GUIDE»")« FIRST.»',
        '',
        '![«A RED BICYCLE»](/uploads/bike.png "«OUR BIKE»")',
        '',
        '«SEE »[«THE FAQ»][faq]« AND »<img src="/uploads/cat.png" alt="«A SLEEPING CAT»">« OR »<abbr title="«HYPERTEXT»">«HTML»</abbr>«.»',
        '',
        '[faq]: https://example.com/faq "«FREQUENTLY ASKED QUESTIONS»"',
        '',
      ].join('\n')
    );
  });

  it('leaves a link without a title as it was', () => {
    expect(roundTrip({ body: 'Go [home](/ "") or [away](/away).' }).data.body).toBe(
      '«GO »[«HOME»](/ "")« OR »[«AWAY»](/away)«.»'
    );
  });
});

describe('blocks: image alt text and link titles', () => {
  const image = (alternativeText: string | null, name = 'bike.png') => ({
    type: 'image',
    image: { name, alternativeText, url: '/uploads/bike_1a2b.png', width: 640, height: 480, mime: 'image/png' },
    children: [{ type: 'text', text: '' }],
  });
  const link: InlineNode = {
    type: 'link',
    url: 'https://example.com/pricing',
    title: 'Prices and tiers',
    children: [{ type: 'text', text: 'pricing' }],
  };
  const content = [
    { type: 'paragraph', children: [{ type: 'text', text: 'See ' }, link, { type: 'text', text: '.' }] },
    image('A red bicycle on a bridge'),
    image('bike.png'),
    image('IMG_0042.JPG', 'holiday.jpg'),
    image(null),
    { type: 'paragraph', children: [{ type: 'text', text: 'End.' }] },
  ];

  it('sends an image alt text as a segment of its own, but not a file name or an empty alt', () => {
    const { segments } = roundTrip({ content });
    expect(segments.map((s) => [s.kind, s.paths])).toEqual([
      ['blocks', ['content[0]']],
      ['string', ['content[1].image.alternativeText']],
      ['blocks', ['content[5]']],
    ]);
  });

  it('writes the translated alt text into the locale’s copy of the image, nothing else of it', () => {
    const written = roundTrip({ content }).data.content as any[];
    expect(written[1]).toEqual({
      ...content[1],
      image: { ...(content[1] as any).image, alternativeText: '«A RED BICYCLE ON A BRIDGE»' },
    });
    expect(written.slice(2, 5)).toEqual(content.slice(2, 5));
  });

  it('sends a link title as prose after the link text and puts it back on the link; the URL is never sent', () => {
    const { sent, data } = roundTrip({ content });
    expect(sent).toContain('See [[[<1>]]]pricing[[[</1>]]][[[<2>]]]Prices and tiers[[[</2>]]].');
    expect(sent).not.toContain('example.com');
    expect((data.content as any[])[0].children).toEqual([
      { type: 'text', text: '«SEE »' },
      {
        type: 'link',
        url: 'https://example.com/pricing',
        title: '«PRICES AND TIERS»',
        children: [{ type: 'text', text: '«PRICING»' }],
      },
      { type: 'text', text: '«.»' },
    ]);
  });

  it('puts a moved title back on its link, and refuses one holding inline code', () => {
    const p = protectSegment({ kind: 'blocks', source: '', nodes: (content[0] as any).children });
    const moved = restoreSegment(p, '[[[<2>]]]Tarifs[[[</2>]]] Voir [[[<1>]]]les prix[[[</1>]]].');
    expect(moved).toEqual({
      ok: true,
      value: [
        { type: 'text', text: ' Voir ' },
        {
          type: 'link',
          url: 'https://example.com/pricing',
          title: 'Tarifs',
          children: [{ type: 'text', text: 'les prix' }],
        },
        { type: 'text', text: '.' },
      ],
    });
    const code = protectSegment({
      kind: 'blocks',
      source: '',
      nodes: [
        { type: 'text', text: 'Run ' },
        { type: 'text', text: 'npm ci', code: true },
        { ...link, children: [{ type: 'text', text: 'docs' }] } as InlineNode,
      ],
    });
    expect(code.text).toBe('Run [[[<1/>]]][[[<2>]]]docs[[[</2>]]][[[<3>]]]Prices and tiers[[[</3>]]]');
    const r = restoreSegment(code, 'Lancez [[[<2>]]]doc[[[</2>]]][[[<3>]]]Prix [[[<1/>]]][[[</3>]]]');
    expect(r).toEqual({ ok: false, reason: 'marker 1 placed inside a title (marker 3)' });
  });
});
