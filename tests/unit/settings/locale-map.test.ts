import { mergeSettings, parseLocaleMap, readConfig, readEnv } from '../../../server/src/settings/sources';
import { localeMapRows, withOverride } from '../../../admin/src/pages/Settings/localeMapRows';

describe('locale map setting', () => {
  it('reads locale=code pairs or JSON; trims, and lowercases the Gengo codes', () => {
    expect(parseLocaleMap(' pt-BR = PT , zh-Hans=zh ,')).toEqual({ value: { 'pt-BR': 'pt', 'zh-Hans': 'zh' } });
    expect(parseLocaleMap('{"es-MX":"es-la"}')).toEqual({ value: { 'es-MX': 'es-la' } });
    expect(parseLocaleMap({ fr: 'fr-ca' })).toEqual({ value: { fr: 'fr-ca' } });
  });

  it('refuses empty or malformed codes, bad JSON and non-objects', () => {
    for (const bad of ['pt-BR=', 'pt-BR', '{"pt-BR": 1}', '{nope', { 'pt-BR': 'not a code' }, ['pt'], 42]) {
      expect([bad, parseLocaleMap(bad).error]).toEqual([bad, expect.any(String)]);
    }
  });

  it('GENGO_LOCALE_MAP fixes it (env source); an invalid one is reported and left out', () => {
    expect(readEnv({ GENGO_LOCALE_MAP: 'pt-BR=pt' })).toEqual({
      values: { localeMap: { 'pt-BR': 'pt' } },
      fixed: { localeMap: { source: 'env', name: 'GENGO_LOCALE_MAP' } },
      invalid: [],
    });
    expect(readEnv({ GENGO_LOCALE_MAP: 'pt-BR=' }).invalid).toEqual([
      { name: 'GENGO_LOCALE_MAP', error: expect.any(String) },
    ]);
  });

  it('config fixes it; an empty map fixes nothing; the stored map applies otherwise', () => {
    const config = readConfig({ localeMap: { 'pt-BR': 'pt' } });
    expect(config.fixed.localeMap).toEqual({ source: 'config', name: 'gengo.config.localeMap' });
    expect(readConfig({ localeMap: {} }).fixed).toEqual({});
    const env = readEnv({});
    expect(mergeSettings({ localeMap: { fr: 'fr-ca' } }, readConfig({}), env).settings.localeMap).toEqual({
      fr: 'fr-ca',
    });
    expect(mergeSettings({}, readConfig({}), env).settings.localeMap).toEqual({});
    expect(mergeSettings({ localeMap: { fr: 'fr-ca' } }, config, env).settings.localeMap).toEqual({ 'pt-BR': 'pt' });
  });
});

describe('locale mapping rows (admin)', () => {
  const data = {
    locales: [
      { code: 'en', name: 'English', isDefault: true, defaultLc: 'en' },
      { code: 'pt-BR', name: 'Portuguese', isDefault: false, defaultLc: 'pt-br' },
    ],
    languages: [
      { lc: 'en', name: 'English' },
      { lc: 'ja', name: 'Japanese' },
      { lc: 'pt-br', name: 'Portuguese' },
    ],
    pairs: [
      { lcSrc: 'en', lcTgt: 'pt-br', tiers: ['standard'] },
      { lcSrc: 'ja', lcTgt: 'pt-br', tiers: ['standard'] },
    ],
    error: null,
  };
  const offers = (map: Record<string, string>) => localeMapRows(data, map).map((r) => [r.code, r.lc, r.offer]);

  it('the pair is checked from the source locale, overrides included', () => {
    expect(offers({})).toEqual([
      ['en', 'en', 'source'],
      ['pt-BR', 'pt-br', 'offered'],
    ]);
    expect(offers({ 'pt-BR': 'PT' })).toEqual([
      ['en', 'en', 'source'],
      ['pt-BR', 'pt', 'not-offered'],
    ]);
    expect(offers({ en: 'ja' })).toEqual([
      ['en', 'ja', 'source'],
      ['pt-BR', 'pt-br', 'offered'],
    ]);
    expect(offers({ en: 'xx' })).toEqual([
      ['en', 'xx', 'not-offered'],
      ['pt-BR', 'pt-br', 'not-offered'],
    ]);
    expect(localeMapRows({ ...data, languages: null, pairs: null }, {}).map((r) => r.offer)).toEqual([
      'source',
      'unknown',
    ]);
  });

  it('an emptied override is removed from the map', () => {
    expect(withOverride({ fr: 'fr-ca', de: 'de' }, 'fr', ' ')).toEqual({ de: 'de' });
    expect(withOverride({}, 'fr', 'fr-ca')).toEqual({ fr: 'fr-ca' });
  });
});
