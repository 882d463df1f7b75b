/**
 * A locale's name where a person reads it ("French", not "fr"): the i18n plugin's name without
 * the code it appends ("French (fr)"), else the browser's name for the code, else the code.
 */
export type NamedLocale = { code: string; name?: string | null };

const displayNames = (uiLocale: string) => {
  try {
    return new Intl.DisplayNames([uiLocale, 'en'], { type: 'language' });
  } catch {
    return null;
  }
};

export const localeName = (code: string, locales: NamedLocale[] = [], uiLocale = 'en') => {
  const known = locales.find((l) => l.code === code)?.name;
  if (known) {
    const suffix = ` (${code})`;
    return known.endsWith(suffix) ? known.slice(0, -suffix.length) : known;
  }
  try {
    return displayNames(uiLocale)?.of(code) ?? code;
  } catch {
    return code;
  }
};

/** `localeName` bound to the site's locales and the admin's language. */
export const localeNamer =
  (locales: NamedLocale[] = [], uiLocale = 'en') =>
  (code: string) =>
    localeName(code, locales, uiLocale);
