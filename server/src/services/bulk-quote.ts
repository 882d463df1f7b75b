import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';
import { toGengoLanguage } from '../content';
import type { GengoClient, Tier } from '../gengo';
import type { BudgetCheck } from '../orders/budget';
import { planSegments } from '../orders/plan';
import type { LocalePrices } from '../records/batch';
import { invalid, type LoadedSource, type OrderSourceService } from './order-source';
import { quotePlans, type PlanToQuote, type QuoteService } from './quote';
import type { SettingsService } from './settings';
import type { EntryTitlesService } from './entry-titles';

/**
 * `POST /gengo/bulk/quote`, and the check a bulk order starts with: every document of the selection
 * loaded (a page per query), planned per target locale, and priced by Gengo in as few quote calls
 * as fit; the balance and the caps checked for the whole selection.
 */
export interface BulkInput {
  contentType: string;
  documentIds: string[];
  sourceLocale?: string | null;
  targetLocales: string[];
  tier?: Tier | null;
}

export interface BulkQuote {
  contentType: string;
  sourceLocale: string;
  targetLocales: string[];
  tier: Tier;
  documents: number;
  units: number;
  credits: number;
  currency: string;
  eta: number;
  locales: Array<{ locale: string; lcTgt: string | null; offered: boolean; units: number; credits: number }>;
  skipped: Array<{ documentId: string; reason: string }>;
  balance: { credits: number; currency: string };
  budget: { perOrder: number | null; perMonth: number | null; spentThisMonth: number; check: BudgetCheck };
}

export interface QuotedItem {
  documentId: string;
  title: string | null;
  prices: LocalePrices;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

const createBulkQuoteService = ({ strapi }: { strapi: Core.Strapi }) => {
  const plugin = () => strapi.plugin(PLUGIN_ID);
  const source = () => plugin().service('orderSource') as OrderSourceService;
  const quotes = () => plugin().service('quote') as QuoteService;
  const settings = () => plugin().service('settings') as SettingsService;

  /** Each document's title: the content manager's main field of the type (the list view's title column). */
  const titleOf = async (uid: string) => {
    const field = await (plugin().service('entryTitles') as EntryTitlesService).mainFieldOf(uid);
    return (doc: Record<string, unknown>) => {
      const value = field ? doc[field] : null;
      return typeof value === 'string' && value ? value.slice(0, 250) : null;
    };
  };

  /** Each target locale with Gengo's language for it, or not offered. */
  const languagesOf = async (client: GengoClient, sourceLocale: string, targetLocales: string[], overrides: Record<string, string>) => {
    const languages = await client.getLanguages();
    const src = toGengoLanguage(sourceLocale, { languages, overrides });
    if (!src.ok) throw invalid('sourceLocale', (src as { reason: string }).reason);
    return {
      lcSrc: src.lc,
      targets: targetLocales.map((locale) => {
        const tgt = toGengoLanguage(locale, { languages, overrides });
        if (tgt.ok && tgt.lc === src.lc)
          throw invalid('targetLocales', `Locales "${sourceLocale}" and "${locale}" are the same Gengo language (${src.lc})`);
        return { locale, lcTgt: tgt.ok ? tgt.lc : null, reason: tgt.ok ? null : (tgt as { reason: string }).reason };
      }),
    };
  };

  const quoteSelection = async (input: BulkInput): Promise<{ quote: BulkQuote; items: QuotedItem[] }> => {
    const site = await source().siteLocales();
    const { sourceLocale, targetLocales } = source().check({ ...input, documentId: '' }, site);
    const client = (await plugin().service('gengo').client()) as GengoClient;
    const s = await settings().getEffective();
    const tier = (input.tier ?? s.defaultTier) as Tier;
    const { lcSrc, targets } = await languagesOf(client, sourceLocale, targetLocales, s.localeMap);
    const offered = targets.filter((t) => t.lcTgt !== null) as Array<{ locale: string; lcTgt: string }>;

    const loaded = await source().loadMany({ ...input, documentIds: [...new Set(input.documentIds)] }, site);
    const docs = loaded.filter((d): d is LoadedSource => 'segments' in d);
    const skipped = loaded.filter((d): d is { documentId: string; reason: string } => !('segments' in d));

    const plans: PlanToQuote[] = docs.flatMap((d) => offered.map((t) => ({ plan: planSegments(d.segments, t.lcTgt), lcSrc, lcTgt: t.lcTgt, tier })));
    const quoted = await quotePlans(plans, client);

    const title = await titleOf(input.contentType);
    const perLocale = new Map(offered.map((t) => [t.locale, { units: 0, credits: 0 }]));
    let currency = '';
    let eta = 0;
    let largestOrder = 0;
    const items: QuotedItem[] = docs.map((d, i) => {
      const prices: LocalePrices = {};
      let cost = 0;
      offered.forEach((t, j) => {
        const q = quoted[i * offered.length + j];
        prices[t.locale] = { credits: q.credits, currency: q.currency };
        const sum = perLocale.get(t.locale)!;
        sum.units += q.units;
        sum.credits = round2(sum.credits + q.credits);
        currency = q.currency || currency;
        eta = Math.max(eta, q.eta);
        cost += q.credits;
      });
      largestOrder = Math.max(largestOrder, cost);
      return { documentId: d.documentId, title: title(d.document as Record<string, unknown>), prices };
    });
    const credits = round2([...perLocale.values()].reduce((sum, l) => sum + l.credits, 0));
    const budget = await quotes().budgetFor(credits, client, new Date(), { largestOrder });
    return {
      items,
      quote: {
        contentType: input.contentType,
        sourceLocale,
        targetLocales,
        tier,
        documents: docs.length,
        units: [...perLocale.values()].reduce((sum, l) => sum + l.units, 0),
        credits,
        currency: currency || budget.balance.currency,
        eta,
        locales: targets.map((t) => ({
          locale: t.locale,
          lcTgt: t.lcTgt,
          offered: t.lcTgt !== null,
          units: perLocale.get(t.locale)?.units ?? 0,
          credits: perLocale.get(t.locale)?.credits ?? 0,
        })),
        skipped: skipped.map(({ documentId, reason }) => ({ documentId, reason })),
        balance: budget.balance,
        budget: { perOrder: s.budgetPerOrder, perMonth: s.budgetPerMonth, spentThisMonth: budget.spentThisMonth, check: budget.check },
      },
    };
  };

  return {
    quoteSelection,
    async quote(input: BulkInput): Promise<BulkQuote> {
      return (await quoteSelection(input)).quote;
    },
  };
};

export type BulkQuoteService = ReturnType<typeof createBulkQuoteService>;
export default createBulkQuoteService;
