import { protectSegment, restoreSegment, type ProtectedSegment } from '../../../server/src/content';

const md = (source: string) => protectSegment({ kind: 'richtext', source });
/** The text with each marker replaced by what it stands for: what the translator must not touch. */
const parts = (p: ProtectedSegment) =>
  p.parts.map((x) => (x.type === 'text' ? x.text : x.type === 'pair' ? [x.open, x.close] : x.type));
const prose = (p: ProtectedSegment) => p.text.replace(/\[\[\[<\/?\d+\/?>\]\]\]/g, '|');
const identity = (p: ProtectedSegment) => restoreSegment(p, p.text);

describe('markdown protection (richtext)', () => {
  it('protects code spans and fenced code, whole and byte for byte', () => {
    const source =
      'Run `npm run build` first.\n\n```ts\nconst greeting = `hello ${name}`;\n\nexport default greeting;\n```\n\n    indented code\n';
    const p = md(source);
    expect(prose(p)).toBe('Run | first.\n\n|\n\n|\n');
    expect(parts(p)).toEqual([
      '`npm run build`',
      '```ts\nconst greeting = `hello ${name}`;\n\nexport default greeting;\n```',
      '    indented code',
    ]);
    expect(identity(p)).toEqual({ ok: true, value: source });
  });

  it('keeps link text translatable and protects link targets, titles and reference definitions', () => {
    const source =
      'Read [the guide](https://example.com/guide "Guide") or [the FAQ][faq].\n\n[faq]: https://example.com/faq\n';
    const p = md(source);
    expect(prose(p)).toBe('Read |the guide| or |the FAQ|.\n\n|\n');
    expect(p.parts.slice(0, 2)).toEqual([
      { n: 1, type: 'pair', open: '[', close: '](https://example.com/guide "Guide")' },
      { n: 2, type: 'pair', open: '[', close: '][faq]' },
    ]);
    expect(parts(p)[2]).toBe('[faq]: https://example.com/faq');
  });

  it('keeps image alt text translatable and protects the image source', () => {
    const p = md('![A red bicycle](/uploads/bike.png "Bike")');
    expect(p.text).toBe('[[[<1>]]]A red bicycle[[[</1>]]]');
    expect(p.parts).toEqual([{ n: 1, type: 'pair', open: '![', close: '](/uploads/bike.png "Bike")' }]);
  });

  it('protects bare URLs, autolinks and e-mail addresses', () => {
    const p = md('Visit https://gengo.com/pricing, <https://example.com> or write to team@example.com.');
    expect(prose(p)).toBe('Visit |, | or write to |.');
    expect(parts(p)).toEqual(['https://gengo.com/pricing', '<https://example.com>', 'team@example.com']);
  });

  it('protects HTML tags and comments but translates the text between tags', () => {
    const source =
      'A <strong class="x">bold</strong> move.<!-- note -->\n\n<div align="center">\n  Centered <em>text</em>\n</div>\n';
    const p = md(source);
    expect(prose(p)).toBe('A |bold| move.|\n\n|\n  Centered |text|\n|\n');
    expect(parts(p)).toEqual([
      '<strong class="x">',
      '</strong>',
      '<!-- note -->',
      '<div align="center">',
      '<em>',
      '</em>',
      '</div>',
    ]);
    expect(identity(p)).toEqual({ ok: true, value: source });
  });

  it('protects scripts and styles whole', () => {
    const p = md('<script>\nalert("hi there");\n</script>\n\nAfter.');
    expect(prose(p)).toBe('|\n\nAfter.');
  });

  it('turns emphasis, strong and strikethrough delimiters into pairs', () => {
    const p = md('Some *light*, **heavy**, ***both*** and ~~gone~~ words.');
    expect(p.text).toBe(
      'Some [[[<1>]]]light[[[</1>]]], [[[<2>]]]heavy[[[</2>]]], [[[<3>]]][[[<4>]]]both[[[</4>]]][[[</3>]]] and [[[<5>]]]gone[[[</5>]]] words.'
    );
  });

  it('protects heading, list, quote and table syntax, leaving line breaks visible', () => {
    const source =
      '## Plans\n\n- Standard\n  - Pro **tier**\n1. First\n\n> Quoted line one\n> line two\n\n| Tier | Price |\n| --- | ---: |\n| Pro | $0.12 |\n\n---\n';
    const p = md(source);
    expect(prose(p)).toBe(
      '|Plans\n\n|Standard\n|Pro |tier|\n|First\n\n|Quoted line one\n|line two\n\n|Tier|Price|\n|\n|Pro|$0.12|\n\n|\n'
    );
    expect(identity(p)).toEqual({ ok: true, value: source });
  });

  it('protects placeholders in prose, but not prose that looks like them', () => {
    const p = md('Hello {name}, you have {{count}} items (%s, %1$d) at :time. Note: at 3:00 re:Invent, 50% off.');
    expect(parts(p)).toEqual(['{name}', '{{count}}', '%s', '%1$d', ':time']);
    expect(prose(p)).toBe('Hello |, you have | items (|, |) at |. Note: at 3:00 re:Invent, 50% off.');
  });

  it('protects runs of brackets so they never touch a marker', () => {
    const p = md('A [[wiki]] link');
    expect(parts(p)).toEqual(['[[', ']]']);
    expect(identity(p)).toEqual({ ok: true, value: 'A [[wiki]] link' });
  });

  it('restores markup byte for byte when the translator reorders pairs', () => {
    const source = 'The **red** [car](/cars/red "Red car") is *fast*.';
    const p = md(source);
    expect(p.text).toBe('The [[[<1>]]]red[[[</1>]]] [[[<2>]]]car[[[</2>]]] is [[[<3>]]]fast[[[</3>]]].');
    const fr = 'La [[[<2>]]]voiture[[[</2>]]] [[[<1>]]]rouge[[[</1>]]] est [[[<3>]]]rapide[[[</3>]]].';
    expect(restoreSegment(p, fr)).toEqual({
      ok: true,
      value: 'La [voiture](/cars/red "Red car") **rouge** est *rapide*.',
    });
  });

  it('uses our stored copy of a part, never what it looked like in the text', () => {
    const p = md('Run `rm -rf /tmp/cache` now.');
    const r = restoreSegment(p, 'Exécutez [[[<1/>]]] maintenant.');
    expect(r).toEqual({ ok: true, value: 'Exécutez `rm -rf /tmp/cache` maintenant.' });
  });

  it('keeps CRLF line endings and trailing whitespace as they are', () => {
    const source = '# Title\r\n\r\nText with `code`.\r\n';
    expect(identity(md(source))).toEqual({ ok: true, value: source });
  });
});
