import { countUnits, machineTranslate, pseudoTranslate } from '../../../emulator/src/index';

describe('emulator: pseudo-translator and unit counting', () => {
  it.each([
    ['Hello [[[{name}]]], welcome!', 'fr', '[fr] Héllô [[[{name}]]], wélcômé!'],
    ['Über alles', 'de', '[de] Über älles'],
    ['Good day', 'es', '[es] Góód dáy'],
    ['Good day', 'ja', '[ja] 「Good」 「day」'],
    ['Good day', 'zh', '[zh] 【Good】 【day】'],
    ['Good day', 'ko', '[ko] 《Good》 《day》'],
    ['<p>[[[<a href="x">]]]link[[[</a>]]]</p>', 'it', '[it] <p>[[[<a href="x">]]]lìnk[[[</a>]]]</p>'],
    ['AEIOU', 'xx', '[xx] ÁÉÍÓÚ'],
  ])('pseudoTranslate(%j, %s) = %j', (src, lc, out) => {
    expect(pseudoTranslate(src, lc)).toBe(out);
  });

  it('keeps every [[[ ]]] block verbatim and in place', () => {
    const src = 'A [[[ keep  THIS ]]] b [[[x]]]';
    const out = pseudoTranslate(src, 'fr');
    expect(out).toBe('[fr] À [[[ keep  THIS ]]] b [[[x]]]');
  });

  it('marks machine translation differently', () => {
    expect(machineTranslate('Hello', 'fr')).toBe('[mt:fr] Héllô');
  });

  it.each([
    ['one two  three', 'en', 3],
    ['one - two, three', 'en', 3],
    ['[[[skip me]]] one', 'en', 1],
    ['日本語 テキスト', 'ja', 7],
    ['中文[[[不算]]]字', 'zh', 3],
    ['한국어', 'ko', 3],
  ])('countUnits(%j, %s) = %i', (text, lc, n) => {
    expect(countUnits(text, lc)).toBe(n);
  });
});
