import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { BulkQuote, BulkRequest } from '../../../shared/contracts/bulk';
import type { Tier } from '../../../shared/contracts/orders';
import { mapLocales, planSegments, quotePlans, withMemory, type LoadedSource, type PlanToQuote } from '../ordering';
import { assertMayOrder, type ContentAccess } from '../platform/content-permissions';
import { getService } from '../platform/services';
import type { LocalePrices } from './records';

export type { BulkQuote };

/**
 * `POST /gengo/bulk/quote`, and the check a bulk order starts with: every document of the selection
 * loaded (a page per query), planned per target locale, and priced by Gengo in as few quote calls
 * as fit; the balance and the caps checked for the whole selection.
 */
/** `POST /gengo/bulk/quote` body, as validated (controllers/validation/bulk.ts). */
export type BulkInput = BulkRequest;

export interface QuotedItem {
  documentId: string;
  title: string | null;
  prices: LocalePrices;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export const createBulkQuotes = (strapi: Core.Strapi) => {
  const ordering = () => getService(strapi, 'ordering');
  const source = () => ordering().source;
  const quotes = () => ordering().quotes;
  const settings = () => getService(strapi, 'settings');

  /** Each document's title: the content manager's main field of the type (the list view's title column). */
  const titleOf = async (uid: string) => {
    const field = await ordering().titles.mainFieldOf(uid);
    return (doc: Record<string, unknown>) => {
      const value = field ? doc[field] : null;
      return typeof value === 'string' && value ? value.slice(0, 250) : null;
    };
  };

  /**
   * The admin's rights, per document, before Gengo is asked anything: a document they may not order
   * is skipped with the reason (as one not found); when every one is refused, the first refusal
   * answers (403), e.g. a target locale the role may not write at all.
   */
  const permitted = async (
    loaded: Array<LoadedSource | { documentId: string; reason: string }>,
    access: ContentAccess | undefined
  ) => {
    if (!access?.restricted) return loaded;
    let refusal: unknown = null;
    const out: typeof loaded = [];
    for (const d of loaded) {
      if (!('segments' in d)) {
        out.push(d);
        continue;
      }
      try {
        await assertMayOrder(access, {
          uid: d.uid,
          documentId: d.documentId,
          sourceLocale: d.sourceLocale,
          targetLocales: d.targetLocales,
          paths: d.segments.flatMap((s) => s.paths),
        });
        out.push(d);
      } catch (err: any) {
        if (!(err instanceof errors.ForbiddenError)) throw err;
        refusal ??= err;
        out.push({ documentId: d.documentId, reason: err.message });
      }
    }
    if (refusal && !out.some((d) => 'segments' in d)) throw refusal;
    return out;
  };

  const quoteSelection = async (
    input: BulkInput,
    access?: ContentAccess
  ): Promise<{ quote: BulkQuote; items: QuotedItem[] }> => {
    const site = await source().siteLocales();
    const { sourceLocale, targetLocales } = source().check({ ...input, documentId: '' }, site);
    const loaded = await permitted(
      await source().loadMany({ ...input, documentIds: [...new Set(input.documentIds)] }, site),
      access
    );
    const client = await settings().client();
    const s = await settings().getEffective();
    const tier = (input.tier ?? s.defaultTier) as Tier;
    const { lcSrc, targets } = mapLocales(sourceLocale, targetLocales, await settings().languages(client), s.localeMap);
    const offered = targets.filter((t) => t.lcTgt !== null) as Array<{ locale: string; lcTgt: string }>;

    const docs = loaded.filter((d): d is LoadedSource => 'segments' in d);
    const skipped = loaded.filter((d): d is { documentId: string; reason: string } => !('segments' in d));

    const plans: PlanToQuote[] = docs.flatMap((d) =>
      offered.map((t) => ({ plan: planSegments(d.segments, t.lcTgt), lcSrc, lcTgt: t.lcTgt, tier }))
    );
    // Segments approved before for the pair are not priced (the translation memory; bulk always reuses).
    await withMemory(strapi, plans, lcSrc, tier, true);
    const balance = quotes().balanceAhead(client);
    const quoted = await quotePlans(plans, client);
    const reused = { segments: 0, units: 0, credits: 0 as const };
    for (const q of quoted) {
      reused.segments += q.reused?.segments ?? 0;
      reused.units += q.reused?.units ?? 0;
    }

    const title = await titleOf(input.contentType);
    const perLocale = new Map(offered.map((t) => [t.locale, { units: 0, credits: 0 }]));
    let currency = '';
    let eta = 0;
    let largestOrder = 0;
    let largestTitle: string | null = null;
    const costs: number[] = [];
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
      const name = title(d.document as Record<string, unknown>);
      costs.push(cost);
      if (cost > largestOrder) [largestOrder, largestTitle] = [cost, name ?? d.documentId];
      return { documentId: d.documentId, title: name, prices };
    });
    const credits = round2([...perLocale.values()].reduce((sum, l) => sum + l.credits, 0));
    const cap = s.budgetPerOrder;
    const overCap = cap == null ? 0 : costs.filter((c) => c > cap + 1e-9).length;
    const budget = await quotes().budgetFor(credits, client, {
      batch: { largestOrder, largestTitle, overCap },
      balance,
    });
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
        ...(reused.segments ? { reused } : {}),
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
        budget: {
          perOrder: s.budgetPerOrder,
          perMonth: s.budgetPerMonth,
          spentThisMonth: budget.spentThisMonth,
          check: budget.check,
        },
      },
    };
  };

  return {
    quoteSelection,
    async quote(input: BulkInput, access?: ContentAccess): Promise<BulkQuote> {
      return (await quoteSelection(input, access)).quote;
    },
  };
};

export type BulkQuotes = ReturnType<typeof createBulkQuotes>;
