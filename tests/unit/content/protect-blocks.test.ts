import { protectSegment, restoreSegment, type InlineNode } from '../../../server/src/content';

const blocks = (nodes: InlineNode[]) => protectSegment({ kind: 'blocks', source: '', nodes });

describe('blocks protection', () => {
  const paragraph: InlineNode[] = [
    { type: 'text', text: 'Machines are ' },
    { type: 'text', text: 'fast', bold: true },
    { type: 'text', text: ', people are ' },
    { type: 'text', text: 'right', bold: true, italic: true },
    { type: 'text', text: '. Run ' },
    { type: 'text', text: 'npm test', code: true },
    { type: 'text', text: ' or see ' },
    {
      type: 'link',
      url: 'https://gengo.com/secret-path',
      children: [
        { type: 'text', text: 'the ' },
        { type: 'text', text: 'docs', underline: true },
      ],
    },
    { type: 'text', text: '.' },
  ];

  it('sends whole sentences with numbered markers around marked text and links', () => {
    const p = blocks(paragraph);
    expect(p.text).toBe(
      'Machines are [[[<1>]]]fast[[[</1>]]], people are [[[<2>]]]right[[[</2>]]]. Run [[[<3/>]]] or see [[[<4>]]]the [[[<5>]]]docs[[[</5>]]][[[</4>]]].'
    );
    expect(p.parts).toEqual([
      { n: 1, type: 'marks', marks: { bold: true } },
      { n: 2, type: 'marks', marks: { bold: true, italic: true } },
      { n: 3, type: 'node', node: { type: 'text', text: 'npm test', code: true } },
      { n: 4, type: 'link', link: { type: 'link', url: 'https://gengo.com/secret-path' } },
      { n: 5, type: 'marks', marks: { underline: true } },
    ]);
  });

  it('never sends a link URL', () => {
    expect(blocks(paragraph).text).not.toContain('gengo.com');
  });

  it('rebuilds the inline nodes from a translation that moves markers', () => {
    const p = blocks(paragraph);
    const fr =
      'Les machines sont [[[<1>]]]rapides[[[</1>]]], les gens ont [[[<2>]]]raison[[[</2>]]]. Lancez [[[<3/>]]] ou voyez [[[<4>]]]la [[[<5>]]]doc[[[</5>]]][[[</4>]]].';
    const r = restoreSegment(p, fr);
    expect(r).toEqual({
      ok: true,
      value: [
        { type: 'text', text: 'Les machines sont ' },
        { type: 'text', text: 'rapides', bold: true },
        { type: 'text', text: ', les gens ont ' },
        { type: 'text', text: 'raison', bold: true, italic: true },
        { type: 'text', text: '. Lancez ' },
        { type: 'text', text: 'npm test', code: true },
        { type: 'text', text: ' ou voyez ' },
        {
          type: 'link',
          url: 'https://gengo.com/secret-path',
          children: [
            { type: 'text', text: 'la ' },
            { type: 'text', text: 'doc', underline: true },
          ],
        },
        { type: 'text', text: '.' },
      ],
    });
  });

  it('handles overlapping marks (bold over a span, italic over part of it and beyond)', () => {
    const nodes: InlineNode[] = [
      { type: 'text', text: 'one ', bold: true },
      { type: 'text', text: 'two', bold: true, italic: true },
      { type: 'text', text: ' three', italic: true },
    ];
    const p = blocks(nodes);
    expect(p.text).toBe('[[[<1>]]]one [[[</1>]]][[[<2>]]]two[[[</2>]]][[[<3>]]] three[[[</3>]]]');
    // The translator moves the italic-only run first.
    const r = restoreSegment(p, '[[[<3>]]]trois [[[</3>]]][[[<1>]]]un [[[</1>]]][[[<2>]]]deux[[[</2>]]]');
    expect(r).toEqual({
      ok: true,
      value: [
        { type: 'text', text: 'trois ', italic: true },
        { type: 'text', text: 'un ', bold: true },
        { type: 'text', text: 'deux', bold: true, italic: true },
      ],
    });
  });

  it('lets a translator nest a marks pair inside another: marks add up', () => {
    const p = blocks([
      { type: 'text', text: 'a', bold: true },
      { type: 'text', text: 'b', italic: true },
    ]);
    const r = restoreSegment(p, '[[[<1>]]]x[[[<2>]]]y[[[</2>]]][[[</1>]]]');
    expect(r).toEqual({
      ok: true,
      value: [
        { type: 'text', text: 'x', bold: true },
        { type: 'text', text: 'y', bold: true, italic: true },
      ],
    });
  });

  it("keeps Slate's shape: a text leaf around each link, one empty leaf for nothing", () => {
    const p = blocks([{ type: 'link', url: '/a', children: [{ type: 'text', text: 'A' }] }]);
    expect(p.text).toBe('[[[<1>]]]A[[[</1>]]]');
    expect(restoreSegment(p, p.text)).toEqual({
      ok: true,
      value: [
        { type: 'text', text: '' },
        { type: 'link', url: '/a', children: [{ type: 'text', text: 'A' }] },
        { type: 'text', text: '' },
      ],
    });
  });

  it('refuses a link placed inside another link', () => {
    const p = blocks([
      { type: 'text', text: '' },
      { type: 'link', url: '/a', children: [{ type: 'text', text: 'A' }] },
      { type: 'text', text: ' ' },
      { type: 'link', url: '/b', children: [{ type: 'text', text: 'B' }] },
      { type: 'text', text: '' },
    ]);
    const r = restoreSegment(p, '[[[<1>]]]A [[[<2>]]]B[[[</2>]]][[[</1>]]]');
    expect(r).toEqual({ ok: false, reason: 'marker 2 (a link) placed inside another link' });
  });

  it('protects placeholders and URLs inside blocks text', () => {
    const p = blocks([{ type: 'text', text: 'Hello {name}, see https://x.io' }]);
    expect(p.text).toBe('Hello [[[<1/>]]], see [[[<2/>]]]');
    expect(restoreSegment(p, 'Bonjour [[[<1/>]]], voir [[[<2/>]]]')).toEqual({
      ok: true,
      value: [{ type: 'text', text: 'Bonjour {name}, voir https://x.io' }],
    });
  });
});
