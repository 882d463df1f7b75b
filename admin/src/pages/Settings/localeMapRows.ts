import type { LocaleLanguages } from '../../api/settings';

/**
 * One row of the locale mapping table: the Gengo code a locale orders with (override, else the
 * built-in rule) and whether Gengo offers it from the source (default) locale's code. Pure, so that
 * the table updates while an override is typed.
 */
export type Offer = 'source' | 'offered' | 'not-offered' | 'unknown';

export interface LocaleMapRow {
  code: string;
  name: string;
  isDefault: boolean;
  defaultLc: string;
  override: string;
  lc: string;
  offer: Offer;
}

const effective = (code: string, defaultLc: string, map: Record<string, string>) =>
  (map[code] ?? '').trim().toLowerCase() || defaultLc;

export const localeMapRows = (data: LocaleLanguages, map: Record<string, string>): LocaleMapRow[] => {
  const source = data.locales.find((l) => l.isDefault);
  const lcSrc = source ? effective(source.code, source.defaultLc, map) : null;
  const offered = data.languages ? new Set(data.languages.map((l) => l.lc.toLowerCase())) : null;
  return data.locales.map((l) => {
    const lc = effective(l.code, l.defaultLc, map);
    let offer: Offer;
    if (l.isDefault) offer = offered && !offered.has(lc) ? 'not-offered' : 'source';
    else if (!data.pairs || !lcSrc) offer = 'unknown';
    else offer = data.pairs.some((p) => p.lcSrc === lcSrc && p.lcTgt === lc) ? 'offered' : 'not-offered';
    return {
      code: l.code,
      name: l.name,
      isDefault: l.isDefault,
      defaultLc: l.defaultLc,
      override: map[l.code] ?? '',
      lc,
      offer,
    };
  });
};

/** The map with one locale's override set (empty: removed, back to the built-in rule). */
export const withOverride = (map: Record<string, string>, code: string, value: string): Record<string, string> => {
  const next = { ...map };
  if (value.trim()) next[code] = value;
  else delete next[code];
  return next;
};
