import type { IntlShape } from 'react-intl';
import { getTranslation } from './getTranslation';

/**
 * Money and units in one vocabulary (issue 20): Gengo sells credits, one credit a US dollar, and
 * every amount the admin shows is "<amount> USD" under the one label "Gengo credits (USD)". Units
 * are what Gengo counts and prices: words, or characters when the source is Chinese, Japanese or
 * Korean (ui_recommendations.md), never counting the parts kept as they are.
 */

/** Gengo's languages counted in characters (CJK), by their first subtag. */
const CHARACTER_LANGUAGES = new Set(['zh', 'ja', 'ko']);

/** Whether Gengo counts a source in `language` (a Gengo code like `ja` or a Strapi locale like `zh-Hans`) in characters. */
export const countsCharacters = (language: string | null | undefined) =>
  CHARACTER_LANGUAGES.has(
    String(language ?? '')
      .toLowerCase()
      .split(/[-_]/)[0]
  );

/** An amount as a plain number with two decimals, or null when there is none. */
export const creditsNumber = (credits: number | string | null | undefined): number | null =>
  credits == null || credits === '' || Number.isNaN(Number(credits)) ? null : Number(credits);

/** `9.50 USD` (a dash when unknown), without the intl formatting: logs, tests, fallbacks. */
export const formatCredits = (credits: number | string | null | undefined, currency: string | null | undefined) => {
  const n = creditsNumber(credits);
  if (n === null) return '—';
  return `${n.toFixed(2)}${currency ? ` ${currency}` : ''}`;
};

type Intl = Pick<IntlShape, 'formatMessage' | 'formatNumber' | 'formatDate'>;

/** The money words bound to react-intl: `const money = moneyWords(useIntl())`. */
export const moneyWords = (intl: Intl) => {
  const t = (id: string, defaultMessage: string, values?: Record<string, any>) =>
    intl.formatMessage({ id: getTranslation(id), defaultMessage }, values);
  const amount = (credits: number | string | null | undefined, currency?: string | null) => {
    const n = creditsNumber(credits);
    if (n === null) return '—';
    const num = intl.formatNumber(n, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    return `${num} ${currency || 'USD'}`;
  };
  return {
    /** "9.50 USD" in the admin's number format. */
    amount,
    /** The label of every amount: column headers, budget caps. */
    label: () => t('money.label', 'Gengo credits (USD)'),
    /** "9.50 USD in Gengo credits": a sentence's amount. */
    credits: (credits: number | string | null | undefined, currency?: string | null) =>
      t('money.credits', '{amount} in Gengo credits', { amount: amount(credits, currency) }),
    /** "120 words" / "120 characters", by the source language. */
    units: (units: number | null | undefined, sourceLanguage: string | null | undefined) =>
      units == null
        ? '—'
        : countsCharacters(sourceLanguage)
          ? t('money.units.characters', '{count, plural, one {# character} other {# characters}}', { count: units })
          : t('money.units.words', '{count, plural, one {# word} other {# words}}', { count: units }),
    /** What a unit is, where units are shown. */
    unitsHint: () =>
      t(
        'money.units.hint',
        'Gengo prices by words (characters for Chinese, Japanese and Korean sources); text kept as it is — shown in grey — is not counted.'
      ),
    /** Gengo's estimate in seconds, as the date it should be done by. */
    eta: (seconds: number, now = Date.now()) =>
      t('money.eta', 'expected by {date}', {
        date: intl.formatDate(new Date(now + Math.max(0, seconds) * 1000), { dateStyle: 'medium', timeStyle: 'short' }),
      }),
  };
};

export type MoneyWords = ReturnType<typeof moneyWords>;
