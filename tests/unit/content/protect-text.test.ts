import { protectSegment, restoreSegment } from '../../../server/src/content';

const plain = (source: string) => protectSegment({ kind: 'text', source });
const shown = (text: string) => text.replace(/\[\[\[<\/?\d+\/?>\]\]\]/g, '|');

describe('plain text protection (string and text fields)', () => {
  it('protects HTML tags, entities and comments', () => {
    const p = plainTextCase('Fast <b>and</b> safe&nbsp;translation<!-- x --><br/>');
    expect(p.shown).toBe('Fast |and| safe|translation||');
  });

  it('protects URLs and e-mail addresses, without the punctuation that ends a sentence', () => {
    const p = plainTextCase('See https://example.com/a?b=1, www.gengo.com. Or mail hi@example.co.uk!');
    expect(p.parts).toEqual(['https://example.com/a?b=1', 'www.gengo.com', 'hi@example.co.uk']);
  });

  it('protects placeholders', () => {
    const p = plainTextCase('Hi {firstName}, {{ count }} new (%s / %2$s / %.2f) since :date.');
    expect(p.parts).toEqual(['{firstName}', '{{ count }}', '%s', '%2$s', '%.2f', ':date']);
  });

  it('leaves prose with colons, percents and angle brackets alone', () => {
    for (const text of [
      'Note: this matters',
      'Open 9:30–17:00',
      'Save 20% today',
      'a < b > c',
      'Ratio 3:2',
      'Price: 10 %',
    ]) {
      expect(plainTextCase(text).parts).toEqual([]);
    }
  });

  it('treats a value that is only a link or a path as nothing to translate', () => {
    expect(plainTextCase('/pricing').shown).toBe('|');
    expect(plainTextCase(' https://example.com ').shown).toBe(' | ');
    expect(plainTextCase('#faq').shown).toBe('|');
  });

  it('does not read markdown in plain text', () => {
    expect(plainTextCase('Use *stars* and `ticks`').parts).toEqual([]);
  });

  it('gives the source back from the identity translation', () => {
    const source = 'Hi {name} <i>there</i> https://x.io [[x]]';
    const p = plain(source);
    expect(restoreSegment(p, p.text)).toEqual({ ok: true, value: source });
  });
});

function plainTextCase(source: string) {
  const p = plain(source);
  return { shown: shown(p.text), parts: p.parts.map((x) => (x.type === 'text' ? x.text : x.type)) };
}
