/**
 * Strapi locale codes (ISO / BCP 47: `en-US`, `zh-Hans`, `es-419`) ↔ Gengo language codes (`en`,
 * `zh`, `zh-tw`, `es-la`). Gengo has one code per language plus a few regional variants; scripts
 * and regions map onto those. A site can override any locale, and the result is checked against
 * the `translate/service/languages` list when one is given.
 */

export type GengoLanguage = {
  lc: string;
  language?: string;
  localized_name?: string;
  unit_type?: 'word' | 'character' | string;
};
export type LanguageOptions = {
  /** Strapi locale code → Gengo lc, from the plugin settings; wins over the built-in rules. */
  overrides?: Record<string, string>;
  /** Gengo's `translate/service/languages`; when given, only codes in it are returned. */
  languages?: GengoLanguage[];
};
export type LanguageResult = { ok: true; lc: string } | { ok: false; reason: string };

const LATIN_AMERICA = /^es-(419|ar|bo|cl|co|cr|cu|do|ec|gt|hn|mx|ni|pa|pe|pr|py|sv|us|uy|ve)$/;
const TRADITIONAL = /^zh-(hant|tw|hk|mo)(-|$)/;
const RENAMED: Record<string, string> = { nb: 'no', nn: 'no', fil: 'tl', iw: 'he', in: 'id', ji: 'yi' };

/** The Gengo code the built-in rules give, before any check against Gengo's list. */
export const guessGengoLanguage = (locale: string): string => {
  const code = locale.trim().toLowerCase().replace(/_/g, '-');
  const primary = code.split('-')[0];
  if (TRADITIONAL.test(code)) return 'zh-tw';
  if (primary === 'zh') return 'zh';
  if (code === 'pt-br') return 'pt-br';
  if (LATIN_AMERICA.test(code)) return 'es-la';
  if (code === 'fr-ca') return 'fr-ca';
  if (code === 'en-gb' || code === 'en-uk') return 'en-gb';
  return RENAMED[primary] ?? primary;
};

const findOverride = (locale: string, overrides?: Record<string, string>) =>
  Object.entries(overrides ?? {}).find(([k]) => k.toLowerCase() === locale.toLowerCase())?.[1];

export const toGengoLanguage = (locale: string, { overrides, languages }: LanguageOptions = {}): LanguageResult => {
  const override = findOverride(locale, overrides);
  const candidates = override ? [override.toLowerCase()] : [guessGengoLanguage(locale)];
  // A regional variant Gengo does not offer falls back to the language (en-gb → en).
  if (!override && candidates[0].includes('-') && candidates[0] !== 'zh-tw')
    candidates.push(candidates[0].split('-')[0]);
  if (!languages) return { ok: true, lc: candidates[0] };
  const offered = new Set(languages.map((l) => l.lc.toLowerCase()));
  const lc = candidates.find((c) => offered.has(c));
  if (lc) return { ok: true, lc };
  return {
    ok: false,
    reason: override
      ? `Locale "${locale}" is mapped to "${override}", which Gengo does not offer`
      : `Gengo offers no language for locale "${locale}" (tried ${candidates.join(', ')}); set a mapping in the settings`,
  };
};

/** The Strapi locales (of `locales`) that map to a Gengo code, in the order given. */
export const fromGengoLanguage = (lc: string, locales: string[], options: LanguageOptions = {}): string[] =>
  locales.filter((locale) => {
    const r = toGengoLanguage(locale, options);
    return r.ok && r.lc === lc.toLowerCase();
  });
