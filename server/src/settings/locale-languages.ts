import type { Core } from '@strapi/strapi';
import { guessGengoLanguage, toGengoLanguage } from '../content';
import type { LocaleLanguages } from '../../../shared/contracts/settings';
import type { GengoConnection } from './gengo-client';

/**
 * `GET /gengo/settings/languages`: what the locale mapping table shows. Each Strapi locale with the
 * Gengo code the built-in rules give it, and what Gengo offers (its languages, and the source →
 * target pairs), so that the admin can tell at once whether an override is orderable. Gengo being
 * unreachable or unconfigured is data (`error`), not a failure: the table still lists the locales.
 */
export type { LocaleLanguages };

export const localeLanguages = async (strapi: Core.Strapi, gengo: GengoConnection): Promise<LocaleLanguages> => {
  const i18n = strapi.plugin('i18n');
  const locales = (await i18n.service('locales').find()) as Array<{ code: string; name?: string }>;
  const defaultLocale = (await i18n.service('locales').getDefaultLocale()) as string;

  let languages: LocaleLanguages['languages'] = null;
  let pairs: LocaleLanguages['pairs'] = null;
  let error: string | null = null;
  let offered: Array<{ lc: string }> | undefined;
  try {
    const client = await gengo.client();
    const [langs, rows] = await Promise.all([client.getLanguages(), client.getLanguagePairs()]);
    offered = langs;
    languages = langs.map((l) => ({ lc: l.lc, name: l.language || l.lc }));
    const byPair = new Map<string, { lcSrc: string; lcTgt: string; tiers: string[] }>();
    for (const r of rows) {
      const key = `${r.lc_src}>${r.lc_tgt}`;
      const pair = byPair.get(key) ?? { lcSrc: r.lc_src, lcTgt: r.lc_tgt, tiers: [] };
      if (!pair.tiers.includes(r.tier)) pair.tiers.push(r.tier);
      byPair.set(key, pair);
    }
    pairs = [...byPair.values()];
  } catch (err: any) {
    error = err?.message ?? String(err);
  }

  return {
    locales: locales.map((l) => {
      // The built-in rule, checked against Gengo's list when there is one (en-GB → en if no en-gb).
      const r = toGengoLanguage(l.code, { languages: offered });
      return {
        code: l.code,
        name: l.name ?? l.code,
        isDefault: l.code === defaultLocale,
        defaultLc: r.ok ? r.lc : guessGengoLanguage(l.code),
      };
    }),
    languages,
    pairs,
    error,
  };
};
