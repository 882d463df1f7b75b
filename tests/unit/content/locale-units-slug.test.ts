import {
  countUnits,
  fromGengoLanguage,
  hasTranslatableText,
  protectSegment,
  slugify,
  toGengoLanguage,
  uniqueUid,
  unitTypeOf,
  type GengoLanguage,
} from '../../../server/src/content';

/** A slice of Gengo's translate/service/languages answer. */
const languages: GengoLanguage[] = [
  { lc: 'en', language: 'English', unit_type: 'word' },
  { lc: 'en-gb', language: 'English (British)', unit_type: 'word' },
  { lc: 'ja', language: 'Japanese', unit_type: 'character' },
  { lc: 'zh', language: 'Chinese (Simplified)', unit_type: 'character' },
  { lc: 'zh-tw', language: 'Chinese (Traditional)', unit_type: 'character' },
  { lc: 'ko', language: 'Korean', unit_type: 'character' },
  { lc: 'fr', language: 'French', unit_type: 'word' },
  { lc: 'fr-ca', language: 'French (Canada)', unit_type: 'word' },
  { lc: 'de', language: 'German', unit_type: 'word' },
  { lc: 'es', language: 'Spanish (Spain)', unit_type: 'word' },
  { lc: 'es-la', language: 'Spanish (Latin America)', unit_type: 'word' },
  { lc: 'pt', language: 'Portuguese (Europe)', unit_type: 'word' },
  { lc: 'pt-br', language: 'Portuguese (Brazil)', unit_type: 'word' },
  { lc: 'no', language: 'Norwegian', unit_type: 'word' },
  { lc: 'tl', language: 'Filipino', unit_type: 'word' },
];

describe('Strapi locale → Gengo language', () => {
  it.each([
    ['en', 'en'],
    ['en-US', 'en'],
    ['en-GB', 'en-gb'],
    ['en-AU', 'en'],
    ['zh-Hans', 'zh'],
    ['zh-CN', 'zh'],
    ['zh-Hant', 'zh-tw'],
    ['zh-TW', 'zh-tw'],
    ['zh-Hant-HK', 'zh-tw'],
    ['pt-BR', 'pt-br'],
    ['pt-PT', 'pt'],
    ['pt', 'pt'],
    ['es-419', 'es-la'],
    ['es-MX', 'es-la'],
    ['es-ES', 'es'],
    ['fr-CA', 'fr-ca'],
    ['fr-BE', 'fr'],
    ['ja', 'ja'],
    ['ko-KR', 'ko'],
    ['nb', 'no'],
    ['fil', 'tl'],
    ['de_AT', 'de'],
  ])('%s → %s', (locale, lc) => {
    expect(toGengoLanguage(locale, { languages })).toEqual({ ok: true, lc });
  });

  it('falls back from a regional variant Gengo lacks to the language', () => {
    expect(toGengoLanguage('fr-CA', { languages: languages.filter((l) => l.lc !== 'fr-ca') })).toEqual({
      ok: true,
      lc: 'fr',
    });
  });

  it('says why when Gengo offers no such language', () => {
    const r = toGengoLanguage('xx-YY', { languages });
    expect(r).toEqual({ ok: false, reason: expect.stringContaining('Gengo offers no language for locale "xx-YY"') });
  });

  it('applies the site overrides first, and checks them too', () => {
    expect(toGengoLanguage('es-419', { languages, overrides: { 'ES-419': 'es' } })).toEqual({ ok: true, lc: 'es' });
    expect(toGengoLanguage('x-klingon', { languages, overrides: { 'x-klingon': 'tlh' } })).toEqual({
      ok: false,
      reason: 'Locale "x-klingon" is mapped to "tlh", which Gengo does not offer',
    });
  });

  it('maps back to the site locales', () => {
    const locales = ['en', 'fr', 'zh-Hans', 'zh-Hant', 'pt-BR', 'pt-PT'];
    expect(fromGengoLanguage('zh-tw', locales, { languages })).toEqual(['zh-Hant']);
    expect(fromGengoLanguage('pt', locales, { languages })).toEqual(['pt-PT']);
    expect(fromGengoLanguage('de', locales, { languages })).toEqual([]);
  });
});

describe('unit estimate', () => {
  it('counts words for space-delimited languages, markers excluded', () => {
    const p = protectSegment({
      kind: 'richtext',
      source: 'Run `npm install` then read **the docs** at https://example.com — quickly.',
    });
    expect(countUnits(p.text, 'en')).toBe(7); // Run then read the docs at quickly
  });

  it('counts characters for ja, zh, zh-tw and ko, whitespace and markers excluded', () => {
    expect(countUnits('こんにちは 世界 [[[<1/>]]]', 'ja')).toBe(7);
    expect(countUnits('你好，世界', 'zh')).toBe(5);
    expect(countUnits('안녕 하세요', 'ko')).toBe(5);
    expect(unitTypeOf('zh-tw')).toBe('character');
  });

  it('follows the unit type Gengo gives in its languages list', () => {
    expect(unitTypeOf('th', [{ lc: 'th', unit_type: 'character' }])).toBe('character');
    expect(unitTypeOf('en', languages)).toBe('word');
  });

  it('excludes any triple-bracket text, as Gengo does', () => {
    expect(countUnits('one [[[two three]]] four', 'en')).toBe(2);
    expect(hasTranslatableText('[[[<1/>]]] [[[<2/>]]]')).toBe(false);
    expect(hasTranslatableText('[[[<1/>]]] ok')).toBe(true);
  });
});

describe('slugs', () => {
  it.each([
    ['Getting started with Gengo', 'getting-started-with-gengo'],
    ['Bien démarrer : l’été à Paris', 'bien-demarrer-l-ete-a-paris'],
    ['Straße & Smørrebrød', 'strasse-and-smorrebrod'],
    ['  --Hello__World--  ', 'hello-world'],
    ['はじめに', ''],
  ])('%s → %s', (text, slug) => expect(slugify(text)).toBe(slug));

  it('adds the first free suffix', () => {
    expect(uniqueUid('a', [])).toBe('a');
    expect(uniqueUid('a', ['a', 'a-1', 'a-3'])).toBe('a-2');
  });
});
