import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';
import type { GengoClient, QuoteRequest, Tier } from '../gengo';
import { checkBudget, monthStart, type BudgetCheck } from '../orders/budget';
import { planSegments, type Plan } from '../orders/plan';
import { segmentsFor, type OrderSourceService, type PreparedSource, type SourceInput } from './order-source';
import type { OrderStoreService } from './order-store';
import type { SettingsService } from './settings';

/** `POST /gengo/quote`: what an order would cost, per target locale, from Gengo's own quote. */

export interface QuoteInput extends SourceInput {
  tier?: Tier | null;
}

export interface LocaleQuote {
  locale: string;
  lcSrc: string;
  lcTgt: string;
  tier: Tier;
  segments: Array<{ key: string; kind: string; paths: string[]; chunks: number; units: number; credits: number }>;
  jobs: number;
  units: number;
  credits: number;
  currency: string;
  /** Gengo's estimate in seconds (the longest job). */
  eta: number;
}

export interface QuoteResult {
  contentType: string;
  documentId: string;
  sourceLocale: string;
  tier: Tier;
  fields: string[];
  locales: LocaleQuote[];
  total: { credits: number; currency: string };
  balance: { credits: number; currency: string };
  budget: { perOrder: number | null; perMonth: number | null; spentThisMonth: number; check: BudgetCheck };
}

export interface PlannedTarget {
  locale: string;
  lcTgt: string;
  plan: Plan;
  quote: LocaleQuote;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

const createQuoteService = ({ strapi }: { strapi: Core.Strapi }) => {
  const plugin = () => strapi.plugin(PLUGIN_ID);
  const source = () => plugin().service('orderSource') as OrderSourceService;
  const store = () => plugin().service('orderStore') as OrderStoreService;
  const settings = () => plugin().service('settings') as SettingsService;

  /** Plans each target locale and asks Gengo for the price of exactly those jobs. */
  const quoteTargets = async (prepared: PreparedSource, tier: Tier, client: GengoClient): Promise<PlannedTarget[]> => {
    const out: PlannedTarget[] = [];
    for (const { locale, lcTgt } of prepared.targets) {
      const plan = planSegments(segmentsFor(prepared, locale), lcTgt);
      const jobs: QuoteRequest['jobs'] = Object.fromEntries(
        plan.chunks.map((c) => [c.key, { type: 'text', body_src: c.text, lc_src: prepared.lcSrc, lc_tgt: lcTgt, tier }])
      );
      const { jobs: quoted } = await client.getQuote({ jobs });
      let currency = '';
      let eta = 0;
      const bySegment = new Map(plan.segments.map((s) => [s.key, { key: s.key, kind: s.kind, paths: s.paths, chunks: 0, units: 0, credits: 0 }]));
      for (const chunk of plan.chunks) {
        const q = quoted[chunk.key];
        const seg = bySegment.get(chunk.segmentKey)!;
        seg.chunks++;
        if (!q) continue;
        seg.units += Number(q.unit_count ?? 0);
        seg.credits = round2(seg.credits + Number(q.credits ?? 0));
        currency = q.currency ?? currency;
        eta = Math.max(eta, Number(q.eta ?? 0));
      }
      const segments = [...bySegment.values()];
      out.push({
        locale,
        lcTgt,
        plan,
        quote: {
          locale,
          lcSrc: prepared.lcSrc,
          lcTgt,
          tier,
          segments,
          jobs: plan.chunks.length,
          units: segments.reduce((s, x) => s + x.units, 0),
          credits: round2(segments.reduce((s, x) => s + x.credits, 0)),
          currency,
          eta,
        },
      });
    }
    return out;
  };

  /** Balance and caps for a cost. */
  const budgetFor = async (cost: number, client: GengoClient, now = new Date()) => {
    const s = await settings().getEffective();
    const balance = await client.getAccountBalance();
    const spentThisMonth = round2(await store().creditsSince(monthStart(now)));
    const input = {
      cost,
      balance: Number(balance.credits),
      currency: balance.currency,
      budgetPerOrder: s.budgetPerOrder,
      budgetPerMonth: s.budgetPerMonth,
      spentThisMonth,
    };
    return { balance: { credits: Number(balance.credits), currency: balance.currency }, spentThisMonth, settings: s, check: checkBudget(input) };
  };

  return {
    quoteTargets,
    budgetFor,

    /** What the order form offers: tiers, the site's defaults, the account's glossaries and preferred translators. */
    async options() {
      const client = (await plugin().service('gengo').client()) as GengoClient;
      const s = await settings().getEffective();
      const [glossaries, preferred, budget] = await Promise.all([
        client.listGlossaries(),
        client.getPreferredTranslators().catch(() => []),
        budgetFor(0, client),
      ]);
      return {
        tiers: ['standard', 'pro'] as Tier[],
        defaults: { tier: s.defaultTier, autoApprove: s.autoApprove, asGroup: true, allowFork: true, usePreferred: false },
        glossaries: (glossaries ?? []).map((g) => ({
          id: Number(g.id),
          title: g.title ?? String(g.id),
          sourceLanguage: g.source_language_code ?? null,
          targetLanguages: g.target_languages ?? [],
        })),
        preferredTranslators: (preferred ?? []).map((p) => ({ lcSrc: p.lc_src, lcTgt: p.lc_tgt, tier: p.tier, count: p.translators?.length ?? 0 })),
        balance: budget.balance,
        budget: { perOrder: s.budgetPerOrder, perMonth: s.budgetPerMonth, spentThisMonth: budget.spentThisMonth },
        /** Without a public URL Gengo cannot call back (the poller applies) and relative images are not attached. */
        publicUrl: Boolean(s.publicUrl),
      };
    },

    async quote(input: QuoteInput): Promise<QuoteResult> {
      const client = await plugin().service('gengo').client();
      const s = await settings().getEffective();
      const tier = (input.tier ?? s.defaultTier) as Tier;
      const prepared = await source().prepare(input, client);
      const planned = await quoteTargets(prepared, tier, client);
      const locales = planned.map((p) => p.quote);
      const total = round2(locales.reduce((sum, l) => sum + l.credits, 0));
      const budget = await budgetFor(total, client);
      return {
        contentType: prepared.uid,
        documentId: prepared.documentId,
        sourceLocale: prepared.sourceLocale,
        tier,
        fields: planned[0]?.plan.fields ?? [],
        locales,
        total: { credits: total, currency: locales[0]?.currency || budget.balance.currency },
        balance: budget.balance,
        budget: { perOrder: s.budgetPerOrder, perMonth: s.budgetPerMonth, spentThisMonth: budget.spentThisMonth, check: budget.check },
      };
    },
  };
};

export type QuoteService = ReturnType<typeof createQuoteService>;
export default createQuoteService;
