import { PAIRS, Tier, tiersFor, unitTypeOf } from './languages';

/**
 * Prices per unit in USD. Character-based sources match Gengo's published ja→en example
 * (0.03 / 0.06 / 0.09), non-English word sources its de→en example (0.05 / 0.10 / 0.15);
 * English sources cost 0.06 / 0.12 / 0.18. Machine translation is free.
 * Money is kept in integer hundredths of a credit ("cents") so balances never drift.
 */
const PER_UNIT_4DP: Record<'en' | 'word' | 'character', Record<Tier, number>> = {
  en: { machine: 0, standard: 600, pro: 1200, ultra: 1800 },
  word: { machine: 0, standard: 500, pro: 1000, ultra: 1500 },
  character: { machine: 0, standard: 300, pro: 600, ultra: 900 },
};

export const CURRENCY = 'USD';

/** Unit price in ten-thousandths of a credit. */
export function unitPrice4(lcSrc: string, tier: Tier): number {
  const kind = lcSrc === 'en' ? 'en' : unitTypeOf(lcSrc);
  return PER_UNIT_4DP[kind][tier];
}

/** Credits for a job, in cents: units × unit price, rounded half up to the cent. */
export function priceCents(lcSrc: string, tier: Tier, units: number): number {
  return Math.round((units * unitPrice4(lcSrc, tier)) / 100);
}

export const formatCredits = (cents: number) => (cents / 100).toFixed(2);

/** Rows of translate/service/language_pairs, optionally filtered by source language. */
export function languagePairRows(lcSrc?: string) {
  return PAIRS.filter((p) => !lcSrc || p.lc_src === lcSrc).flatMap((p) =>
    tiersFor(p.lc_src, p.lc_tgt).map((tier) => ({
      lc_src: p.lc_src,
      lc_tgt: p.lc_tgt,
      tier,
      unit_price: (unitPrice4(p.lc_src, tier) / 10000).toFixed(4),
      currency: CURRENCY,
    }))
  );
}

/** ETA in seconds Gengo-style: a fixed queue wait plus time proportional to the work. */
export function etaSeconds(units: number, tier: Tier): number {
  if (tier === 'machine') return 0;
  const perUnit = tier === 'standard' ? 36 : tier === 'pro' ? 54 : 72;
  return 25200 + units * perUnit;
}
