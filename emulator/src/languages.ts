/**
 * Languages and language pairs the emulator serves. A representative subset of Gengo's catalogue;
 * unit types follow Gengo: characters for ja, zh, zh-tw, ko, words elsewhere.
 */
export type UnitType = 'word' | 'character';
export type Tier = 'machine' | 'standard' | 'pro' | 'ultra';
export const TIERS: Tier[] = ['machine', 'standard', 'pro', 'ultra'];

export interface Language {
  language: string;
  localized_name: string;
  lc: string;
  unit_type: UnitType;
}

const lang = (lc: string, language: string, localized_name: string, unit_type: UnitType = 'word') => ({
  lc,
  language,
  localized_name,
  unit_type,
});

export const LANGUAGES: Language[] = [
  lang('en', 'English', 'English'),
  lang('ja', 'Japanese', '日本語', 'character'),
  lang('fr', 'French', 'Français'),
  lang('de', 'German', 'Deutsch'),
  lang('es', 'Spanish (Spain)', 'Español'),
  lang('es-la', 'Spanish (Latin America)', 'Español (América Latina)'),
  lang('it', 'Italian', 'Italiano'),
  lang('pt', 'Portuguese (Europe)', 'Português Europeu'),
  lang('pt-br', 'Portuguese (Brazil)', 'Português Brasileiro'),
  lang('nl', 'Dutch', 'Nederlands'),
  lang('pl', 'Polish', 'Polski'),
  lang('sv', 'Swedish', 'Svenska'),
  lang('ru', 'Russian', 'Русский'),
  lang('ar', 'Arabic', 'العربية'),
  lang('zh', 'Chinese (Simplified)', '中文', 'character'),
  lang('zh-tw', 'Chinese (Traditional)', '繁體中文', 'character'),
  lang('ko', 'Korean', '한국어', 'character'),
  lang('en-gb', 'English (British)', 'English (British)'),
  lang('fr-ca', 'French (Canada)', 'Français (Canada)'),
  lang('da', 'Danish', 'Dansk'),
  lang('no', 'Norwegian', 'Norsk'),
  lang('fi', 'Finnish', 'Suomi'),
  lang('cs', 'Czech', 'Čeština'),
  lang('el', 'Greek', 'Ελληνικά'),
  lang('hu', 'Hungarian', 'Magyar'),
  lang('ro', 'Romanian', 'Română'),
  lang('bg', 'Bulgarian', 'Български'),
  lang('uk', 'Ukrainian', 'Українська'),
  lang('tr', 'Turkish', 'Türkçe'),
  lang('he', 'Hebrew', 'עברית'),
  lang('th', 'Thai', 'ภาษาไทย'),
  lang('vi', 'Vietnamese', 'Tiếng Việt'),
  lang('id', 'Indonesian', 'Bahasa Indonesia'),
  lang('ms', 'Malay', 'Bahasa Melayu'),
];

const byCode = new Map(LANGUAGES.map((l) => [l.lc, l]));

export function findLanguage(lc: string): Language | undefined {
  return byCode.get(lc.toLowerCase());
}

export function unitTypeOf(lc: string): UnitType {
  return findLanguage(lc)?.unit_type ?? 'word';
}

/**
 * Supported directed pairs: English to and from every language, plus a few direct pairs
 * between non-English languages (as Gengo offers, e.g. ja→es in its docs).
 */
const DIRECT: Array<[string, string]> = [
  ['ja', 'zh'],
  ['ja', 'zh-tw'],
  ['ja', 'ko'],
  ['ja', 'es'],
  ['zh', 'ja'],
  ['ko', 'ja'],
  ['fr', 'de'],
  ['de', 'fr'],
  ['fr', 'es'],
  ['es', 'fr'],
  ['de', 'es'],
  ['es', 'de'],
];

export const PAIRS: Array<{ lc_src: string; lc_tgt: string }> = [
  ...LANGUAGES.filter((l) => l.lc !== 'en').flatMap((l) => [
    { lc_src: 'en', lc_tgt: l.lc },
    { lc_src: l.lc, lc_tgt: 'en' },
  ]),
  ...DIRECT.map(([lc_src, lc_tgt]) => ({ lc_src, lc_tgt })),
];

const pairKeys = new Set(PAIRS.map((p) => `${p.lc_src}>${p.lc_tgt}`));

export function isSupportedPair(lcSrc: string, lcTgt: string): boolean {
  return pairKeys.has(`${lcSrc.toLowerCase()}>${lcTgt.toLowerCase()}`);
}

/** Ultra is only sold for pairs involving English (it needs a second, senior translator pool). */
export function tiersFor(lcSrc: string, lcTgt: string): Tier[] {
  if (!isSupportedPair(lcSrc, lcTgt)) return [];
  return lcSrc === 'en' || lcTgt === 'en' ? TIERS : ['machine', 'standard', 'pro'];
}
