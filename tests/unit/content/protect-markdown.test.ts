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

  it('keeps link text and titles translatable and protects link targets and reference labels', () => {
    const source =
      'Read [the guide](https://example.com/guide "Guide") or [the FAQ][faq].\n\n[faq]: https://example.com/faq\n';
    const p = md(source);
    expect(p.text).toBe(
      'Read [[[<1>]]]the guide[[[</1>]]][[[<2>]]]Guide[[[</2>]]] or [[[<3>]]]the FAQ[[[</3>]]].\n\n[[[<4/>]]]\n'
    );
    expect(p.parts.slice(0, 3)).toEqual([
      { n: 1, type: 'pair', open: '[', close: '](https://example.com/guide "', tail: '")', quoted: { char: '"' } },
      { n: 2, type: 'slot', of: 1 },
      { n: 3, type: 'pair', open: '[', close: '][faq]' },
    ]);
    expect(parts(p)[3]).toBe('[faq]: https://example.com/faq');
    expect(identity(p)).toEqual({ ok: true, value: source });
  });

  it('puts a translated title back into its link wherever the translator moved it', () => {
    const p = md('Read [the guide](https://example.com/guide "Guide").');
    const fr = 'Le [[[<2>]]]Mode d’emploi[[[</2>]]] : lisez [[[<1>]]]le guide[[[</1>]]].';
    expect(restoreSegment(p, fr)).toEqual({
      ok: true,
      value: 'Le  : lisez [le guide](https://example.com/guide "Mode d’emploi").',
    });
  });

  it('escapes the quotes a translator puts in a title', () => {
    const p = md('[docs](/d "The docs") and [more](/m (More))');
    const fr =
      '[[[<1>]]]doc[[[</1>]]][[[<2>]]]La "doc"[[[</2>]]] et [[[<3>]]]plus[[[</3>]]][[[<4>]]]Plus (encore)[[[</4>]]]';
    expect(restoreSegment(p, fr)).toEqual({
      ok: true,
      value: '[doc](/d "La \\"doc\\"") et [plus](/m (Plus \\(encore\\)))',
    });
  });

  it('translates the title of a reference definition, not its label or URL', () => {
    const p = md("See [the FAQ][faq].\n\n[faq]: <https://example.com/faq> 'Questions {year}'\n");
    expect(p.text).toBe('See [[[<1>]]]the FAQ[[[</1>]]].\n\n[[[<2>]]]Questions [[[<3/>]]][[[</2>]]]\n');
    expect(p.parts[1]).toEqual({
      n: 2,
      type: 'pair',
      open: "[faq]: <https://example.com/faq> '",
      close: "'",
      quoted: { char: "'" },
    });
    expect(restoreSegment(p, p.text.replace('Questions', "Questions d'usage"))).toEqual({
      ok: true,
      value: "See [the FAQ][faq].\n\n[faq]: <https://example.com/faq> 'Questions d\\'usage {year}'\n",
    });
  });

  it('keeps image alt text and title translatable and protects the image source', () => {
    const p = md('![A red bicycle](/uploads/bike.png "Bike")');
    expect(p.text).toBe('[[[<1>]]]A red bicycle[[[</1>]]][[[<2>]]]Bike[[[</2>]]]');
    expect(p.parts).toEqual([
      { n: 1, type: 'pair', open: '![', close: '](/uploads/bike.png "', tail: '")', quoted: { char: '"' } },
      { n: 2, type: 'slot', of: 1 },
    ]);
    expect(restoreSegment(p, '[[[<1>]]]Un vélo rouge[[[</1>]]][[[<2>]]]Vélo[[[</2>]]]')).toEqual({
      ok: true,
      value: '![Un vélo rouge](/uploads/bike.png "Vélo")',
    });
  });

  it('translates alt and title attributes of raw HTML, escaping quotes for HTML', () => {
    const source =
      'A <img src="/cat.png" alt="A cat" title=\'Cat\'> and <abbr title="Application Programming Interface">API</abbr>.';
    const p = md(source);
    expect(prose(p)).toBe('A |A cat||Cat|| and |Application Programming Interface||API|.');
    expect(parts(p)).toEqual([
      ['<img src="/cat.png" alt="', '"'],
      [" title='", "'"],
      '>',
      ['<abbr title="', '"'],
      '>',
      '</abbr>',
    ]);
    expect(identity(p)).toEqual({ ok: true, value: source });
    const fr = p.text.replace('A cat', 'Un "chat"').replace('Cat', "L'chat");
    expect(restoreSegment(p, fr)).toEqual({
      ok: true,
      value:
        'A <img src="/cat.png" alt="Un &quot;chat&quot;" title=\'L&#39;chat\'> and <abbr title="Application Programming Interface">API</abbr>.',
    });
  });

  it('refuses a translation that puts other markup inside a title', () => {
    const p = md('Read **[the guide](/g "Guide")** now.');
    expect(p.text).toBe('Read [[[<1>]]][[[<2>]]]the guide[[[</2>]]][[[<3>]]]Guide[[[</3>]]][[[</1>]]] now.');
    const r = restoreSegment(
      p,
      'Lisez [[[<1>]]][[[<2>]]]le guide[[[</2>]]][[[<3>]]]Le [[[<4/>]]][[[</3>]]][[[</1>]]].'
    );
    expect(r).toEqual({ ok: false, reason: 'unknown marker 4' });
    const nested = restoreSegment(p, 'Lisez [[[<3>]]][[[<1>]]][[[<2>]]]le guide[[[</2>]]][[[</1>]]][[[</3>]]].');
    expect(nested.ok).toBe(false);
    expect((nested as { reason: string }).reason).toContain('inside a title');
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
    expect(p.text).toBe(
      'The [[[<1>]]]red[[[</1>]]] [[[<2>]]]car[[[</2>]]][[[<3>]]]Red car[[[</3>]]] is [[[<4>]]]fast[[[</4>]]].'
    );
    const fr =
      'La [[[<2>]]]voiture[[[</2>]]][[[<3>]]]Voiture rouge[[[</3>]]] [[[<1>]]]rouge[[[</1>]]] est [[[<4>]]]rapide[[[</4>]]].';
    expect(restoreSegment(p, fr)).toEqual({
      ok: true,
      value: 'La [voiture](/cars/red "Voiture rouge") **rouge** est *rapide*.',
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
