import type { Core } from '@strapi/strapi';
import pMap from 'p-map';
import type { AccountBalance, GengoClient, QuoteRequest as GengoQuoteRequest } from '../gengo';
import type { LocaleQuote, OrderOptions, QuoteRequest, QuoteResult, Tier } from '../../../shared/contracts/orders';
import { TIERS } from '../../../shared/contracts/orders';
import { checkBatchBudget, checkBudget, monthStart } from './budget';
import { planSegments, sentChunks, type Plan } from './plan';
import { reusedSummary, withMemory } from './reuse';
import { segmentsFor, type OrderSource, type PreparedSource } from './source';
import type { ContentAccess } from '../platform/content-permissions';
import { getService } from '../platform/services';
import type { OrderStore } from './store';
import { createTargetState, type TargetState } from './target-state';

/** `POST /gengo/quote`: what an order would cost, per target locale, from Gengo's own quote. */

/** `POST /gengo/quote` body, as validated (controllers/validation/orders.ts). */
export type QuoteInput = QuoteRequest;
export type { LocaleQuote, QuoteResult };

export interface PlannedTarget {
  locale: string;
  lcTgt: string;
  plan: Plan;
  quote: LocaleQuote;
  /** What the target holds when ordering (placing reads it before the order is recorded). */
  state?: TargetState;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Jobs per `translate/service/quote` call when plans of many documents are quoted together. */
export const JOBS_PER_QUOTE = 100;

export interface PlanToQuote {
  plan: Plan;
  lcSrc: string;
  lcTgt: string;
  tier: Tier;
}

/** Each target locale's segments protected and split (no Gengo call). */
export const planTargets = (prepared: PreparedSource) =>
  prepared.targets.map(({ locale, lcTgt }) => ({
    locale,
    lcTgt,
    plan: planSegments(segmentsFor(prepared, locale), lcTgt),
  }));

/** Targets planned and priced from an earlier quote (a batch's, memory applied then too): no quote call. */
export const pricedTargets = async (
  strapi: Core.Strapi,
  prepared: PreparedSource,
  tier: Tier,
  prices: Record<string, { credits: number; currency: string }>,
  reuse: boolean
): Promise<PlannedTarget[]> =>
  (await withMemory(strapi, planTargets(prepared), prepared.lcSrc, tier, reuse)).map((p) => {
    const q = summarize({ plan: p.plan, lcSrc: prepared.lcSrc, lcTgt: p.lcTgt, tier }, {}, (k) => k);
    const price = prices[p.locale];
    return {
      ...p,
      quote: { locale: p.locale, ...q, credits: Number(price?.credits ?? 0), currency: price?.currency ?? '' },
    };
  });

type Quoted = Record<string, { unit_count?: unknown; credits?: unknown; currency?: string; eta?: unknown } | undefined>;

const summarize = (
  p: PlanToQuote,
  quoted: Quoted,
  keyOf: (chunkKey: string) => string
): Omit<LocaleQuote, 'locale'> => {
  let currency = '';
  let eta = 0;
  const bySegment = new Map(
    p.plan.segments.map((s) => [s.key, { key: s.key, kind: s.kind, paths: s.paths, chunks: 0, units: 0, credits: 0 }])
  );
  for (const chunk of sentChunks(p.plan)) {
    const q = quoted[keyOf(chunk.key)];
    const seg = bySegment.get(chunk.segmentKey)!;
    seg.chunks++;
    if (!q) continue;
    seg.units += Number(q.unit_count ?? 0);
    seg.credits = round2(seg.credits + Number(q.credits ?? 0));
    currency = q.currency ?? currency;
    eta = Math.max(eta, Number(q.eta ?? 0));
  }
  const segments = [...bySegment.values()];
  const reused = reusedSummary(p.plan);
  return {
    lcSrc: p.lcSrc,
    lcTgt: p.lcTgt,
    tier: p.tier,
    segments,
    ...(reused ? { reused } : {}),
    jobs: sentChunks(p.plan).length,
    units: segments.reduce((s, x) => s + x.units, 0),
    credits: round2(segments.reduce((s, x) => s + x.credits, 0)),
    currency,
    eta,
  };
};

/** Quote calls in flight at once for a large selection: Gengo's answer time overlaps ours. */
const QUOTES_IN_FLIGHT = 4;

/**
 * Gengo's price of each plan, in as few quote calls as fit (plans of many documents share a call;
 * a plan never spans two calls, so each is priced exactly as its own order would be), a few
 * calls at a time.
 */
export const quotePlans = async (
  plans: PlanToQuote[],
  client: GengoClient
): Promise<Array<Omit<LocaleQuote, 'locale'>>> => {
  const out: Array<Omit<LocaleQuote, 'locale'>> = new Array(plans.length);
  const keyOf = (i: number) => (chunkKey: string) => (plans.length === 1 ? chunkKey : `p${i}_${chunkKey}`);
  const groups: number[][] = [];
  let size = 0;
  for (let i = 0; i < plans.length; i++) {
    const n = sentChunks(plans[i].plan).length;
    if (!groups.length || (size && size + n > JOBS_PER_QUOTE)) {
      groups.push([]);
      size = 0;
    }
    groups[groups.length - 1].push(i);
    size += n;
  }
  const quote = async (group: number[]) => {
    const jobs: GengoQuoteRequest['jobs'] = {};
    for (const i of group) {
      const p = plans[i];
      for (const c of sentChunks(p.plan))
        jobs[keyOf(i)(c.key)] = { type: 'text', body_src: c.text, lc_src: p.lcSrc, lc_tgt: p.lcTgt, tier: p.tier };
    }
    // Everything reused: nothing to price, Gengo is not asked.
    const { jobs: quoted } = Object.keys(jobs).length ? await client.getQuote({ jobs }) : { jobs: {} };
    for (const i of group) out[i] = summarize(plans[i], quoted as Quoted, keyOf(i));
  };
  // The first refusal ends the quote (p-map's stopOnError): calls already sent finish, no new one starts.
  await pMap(groups, quote, { concurrency: QUOTES_IN_FLIGHT });
  return out;
};

export const createQuotes = (strapi: Core.Strapi, { source, store }: { source: OrderSource; store: OrderStore }) => {
  const settings = () => getService(strapi, 'settings');
  const targetState = createTargetState(strapi);

  /** Plans each target locale and asks Gengo for the price of exactly those jobs. */
  const quoteTargets = async (
    prepared: PreparedSource,
    tier: Tier,
    client: GengoClient,
    reuse = true
  ): Promise<PlannedTarget[]> => {
    const plans = await withMemory(strapi, planTargets(prepared), prepared.lcSrc, tier, reuse);
    const quoted = await quotePlans(
      plans.map((p) => ({ plan: p.plan, lcSrc: prepared.lcSrc, lcTgt: p.lcTgt, tier })),
      client
    );
    return plans.map((p, i) => ({ ...p, quote: { locale: p.locale, ...quoted[i] } }));
  };

  /** Asks Gengo for the balance now, for a `budgetFor` once the cost is known. */
  const balanceAhead = (client: GengoClient): Promise<AccountBalance> => {
    const balance = client.getAccountBalance();
    balance.catch(() => undefined); // awaited by budgetFor; a failure is reported there
    return balance;
  };

  /**
   * Balance and caps for a cost. `balance`: the account balance asked for already (alongside the
   * quote that gives the cost: one round trip to Gengo less before an order).
   */
  const budgetFor = async (
    cost: number,
    client: GengoClient,
    {
      now = new Date(),
      batch,
      balance: asked,
    }: {
      now?: Date;
      batch?: { largestOrder: number; largestTitle?: string | null; overCap?: number };
      balance?: Promise<AccountBalance>;
    } = {}
  ) => {
    const s = await settings().getEffective();
    const balance = await (asked ?? client.getAccountBalance());
    const spentThisMonth = round2(await store.creditsSince(monthStart(now)));
    const input = {
      cost,
      balance: Number(balance.credits),
      currency: balance.currency,
      budgetPerOrder: s.budgetPerOrder,
      budgetPerMonth: s.budgetPerMonth,
      spentThisMonth,
    };
    const check = batch ? checkBatchBudget({ ...input, ...batch }) : checkBudget(input);
    return {
      balance: { credits: Number(balance.credits), currency: balance.currency },
      spentThisMonth,
      settings: s,
      check,
    };
  };

  return {
    quoteTargets,
    budgetFor,
    targetState,

    balanceAhead,

    /** What the order form offers: tiers, the site's defaults, the account's glossaries and preferred translators. */
    async options(): Promise<OrderOptions> {
      const client = await settings().client();
      const s = await settings().getEffective();
      const [glossaries, preferred, budget] = await Promise.all([
        client.listGlossaries(),
        client.getPreferredTranslators().catch(() => []),
        budgetFor(0, client),
      ]);
      return {
        tiers: [...TIERS],
        defaults: {
          tier: s.defaultTier,
          autoApprove: s.autoApprove,
          asGroup: true,
          allowFork: true,
          usePreferred: false,
        },
        glossaries: (glossaries ?? []).map((g) => ({
          id: Number(g.id),
          title: g.title ?? String(g.id),
          sourceLanguage: g.source_language_code ?? null,
          targetLanguages: g.target_languages ?? [],
        })),
        preferredTranslators: (preferred ?? []).map((p) => ({
          lcSrc: p.lc_src,
          lcTgt: p.lc_tgt,
          tier: p.tier,
          count: p.translators?.length ?? 0,
        })),
        balance: budget.balance,
        budget: { perOrder: s.budgetPerOrder, perMonth: s.budgetPerMonth, spentThisMonth: budget.spentThisMonth },
        /** Without a public URL Gengo cannot call back (the poller applies) and relative images are not attached. */
        publicUrl: Boolean(s.publicUrl),
      };
    },

    /** With `access`: the admin's rights checked before Gengo is asked anything (403). */
    async quote(input: QuoteInput, access?: ContentAccess): Promise<QuoteResult> {
      const client = await settings().client();
      const s = await settings().getEffective();
      const tier = (input.tier ?? s.defaultTier) as Tier;
      const prepared = await source.prepare(input, client, access);
      const balance = balanceAhead(client);
      const planned = await quoteTargets(prepared, tier, client, input.reuseMemory !== false);
      for (const p of planned) {
        const state = await targetState({
          uid: prepared.uid,
          documentId: prepared.documentId,
          locale: p.locale,
          source: prepared.document,
          paths: p.plan.segments.flatMap((seg) => seg.paths),
        });
        p.quote.personText = state.personText;
      }
      const locales = planned.map((p) => p.quote);
      const total = round2(locales.reduce((sum, l) => sum + l.credits, 0));
      const budget = await budgetFor(total, client, { balance });
      return {
        contentType: prepared.uid,
        documentId: prepared.documentId,
        sourceLocale: prepared.sourceLocale,
        tier,
        fields: planned[0]?.plan.fields ?? [],
        locales,
        total: { credits: total, currency: locales[0]?.currency || budget.balance.currency },
        balance: budget.balance,
        budget: {
          perOrder: s.budgetPerOrder,
          perMonth: s.budgetPerMonth,
          spentThisMonth: budget.spentThisMonth,
          check: budget.check,
        },
      };
    },
  };
};

export type Quotes = ReturnType<typeof createQuotes>;
