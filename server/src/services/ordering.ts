import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PLUGIN_ID } from '../constants';
import {
  GengoAmbiguousOrderError,
  GengoApiError,
  isRetryableStatus,
  type GengoClient,
  type Language,
  type PostJobsResult,
  type Tier,
} from '../gengo';
import { imageAttachments, previewAttachment } from '../orders/attachments';
import type { BudgetCheck } from '../orders/budget';
import { jobPayloads, jobRows, orderRow, targetComment, type OrderDraft, type OrderingUser } from '../orders/draft';
import { orderRequestKeys } from '../orders/keys';
import { buildPostRequest } from '../orders/plan';
import { toOrderView, type OrderView } from '../orders/views';
import type { OrderRecord } from '../records/types';
import { changedSegments, lastOrderedHashes } from '../publish/changed';
import {
  resolveLanguages,
  segmentsFor,
  type LoadedSource,
  type OrderSourceService,
  type SiteLocales,
} from './order-source';
import { callbackUrlOf, checkGlossary, previewUrlOf } from './ordering-context';
import type { OrderStoreService } from './order-store';
import { pricedTargets, type PlannedTarget, type QuoteInput, type QuoteService } from './quote';
import type { EffectiveSettings } from './settings';
import type { GengoService } from './gengo';

/**
 * `POST /gengo/orders`: one Gengo order per target locale. Checks (languages, balance, caps) come
 * first and leave nothing behind; then, per locale, the order and job rows are written (`placing`)
 * BEFORE the POST, so that whatever happens to the POST there is a record carrying its reference.
 */

export interface OrderInput extends QuoteInput {
  comment?: string | null;
  autoApprove?: boolean | null;
  asGroup?: boolean | null;
  allowFork?: boolean | null;
  glossaryId?: number | null;
  usePreferred?: boolean | null;
  /** Same key, same order (per user and target locale); derived from the request when absent. */
  idempotencyKey?: string | null;
}

export type { OrderingUser } from '../orders/draft';

/**
 * What is the same for every document of a batch, looked up once: placing with it asks Gengo only
 * to post the jobs (no languages, quote, balance or glossary call per document).
 */
export interface PlacementContext {
  client: GengoClient;
  settings: EffectiveSettings;
  site: SiteLocales;
  languages: Language[];
  callbackUrl: string | null;
  /** Balance, caps and glossary were checked for the whole selection. */
  budgetChecked: boolean;
  /** Per target locale, the price quoted for this document when the batch was made. */
  prices?: Record<string, { credits: number; currency: string }>;
}

export interface PlaceOptions {
  context?: PlacementContext;
  /**
   * Per target locale, send only the segments whose source changed since the last order for that
   * document and locale (failed and cancelled orders do not count); a locale with nothing changed
   * is not ordered and is listed in `unchanged`.
   */
  onlyChanged?: boolean;
  /** The source, loaded already for this input (a batch loads a page of documents at once). */
  loaded?: LoadedSource;
  /**
   * Orders looked up already by request key (a batch looks up a page's at once): `keys` were
   * asked, `orders` found. A key of this input not among them is looked up as usual.
   */
  known?: { keys: Set<string>; orders: OrderRecord[] };
}

export interface PlaceResult {
  /** One per target locale placed or found; `created: false` when the request had placed it already. */
  orders: Array<OrderView & { created: boolean }>;
  /** Locales not attempted because an earlier POST's outcome is unknown: send the request again later. */
  notPlaced: string[];
  /** With `onlyChanged`: locales not ordered because nothing changed since their last order. */
  unchanged: string[];
}

/** Thrown when Gengo refused an order: the message is Gengo's. */
export class OrderRefusedError extends errors.ApplicationError {}

/** Gengo's own words when it answered no; ours when it could not be reached. */
export const refusalMessage = (err: unknown): string =>
  err instanceof GengoApiError ? (err.gengoMessage ?? err.message) : ((err as Error)?.message ?? String(err));

/** Gengo unreachable or overloaded, rather than a no: a later attempt may succeed. */
export const isTransientRefusal = (err: unknown): boolean =>
  !(err instanceof GengoApiError) || (err.code == null && isRetryableStatus(err.status));

/** What a caller is told of a POST that created nothing (the order row is `failed` already). */
export const refusedError = (err: unknown, locale: string, failed: OrderRecord): OrderRefusedError =>
  new OrderRefusedError(`Gengo refused the order for ${locale}: ${refusalMessage(err)}`, {
    locale,
    code: err instanceof GengoApiError ? (err.code ?? null) : null,
    jobErrors: err instanceof GengoApiError ? err.jobErrors : undefined,
    transient: isTransientRefusal(err),
    order: toOrderView(failed),
  });

/** The orders of a draft's targets, in the draft's order of locales. */
export const resultOf = (
  d: OrderDraft,
  results: Map<string, { order: OrderRecord; created: boolean }>,
  notPlaced: string[],
  unchanged: string[]
): PlaceResult => {
  const orders = d.prepared.targets
    .filter((t) => results.has(t.locale))
    .map((t) => ({ ...toOrderView(results.get(t.locale)!.order), created: results.get(t.locale)!.created }));
  return { orders, notPlaced, unchanged };
};

const createOrderingService = ({ strapi }: { strapi: Core.Strapi }) => {
  const plugin = () => strapi.plugin(PLUGIN_ID);
  const store = () => plugin().service('orderStore') as OrderStoreService;
  const quotes = () => plugin().service('quote') as QuoteService;
  const source = () => plugin().service('orderSource') as OrderSourceService;
  /** Side effects not awaited by the request (see `settled`). */
  const pending = new Set<Promise<unknown>>();

  /**
   * Chunks Gengo answered at once (already translated: lazy loading) are on our rows now; the
   * receiving side writes the segments that are complete (its poller would, later).
   */
  const recordAnswered = async (order: OrderRecord, target: PlannedTarget, answered: PostJobsResult['jobs']) => {
    if (!answered || Array.isArray(answered)) return;
    const byKey = new Map(target.plan.chunks.map((c) => [c.key, c]));
    const rows = Object.entries(answered).flatMap(([key, jobs]) => {
      const chunk = byKey.get(key);
      return chunk && Array.isArray(jobs) && jobs[0]
        ? [{ segmentKey: chunk.segmentKey, chunkIndex: chunk.chunkIndex, job: jobs[0] }]
        : [];
    });
    const segments = await store().recordAnsweredJobs(order.id, rows);
    const apply = plugin().service('apply') as
      { applySegment?: (orderId: number, segmentKey: string) => Promise<unknown> } | undefined;
    if (!segments.length || typeof apply?.applySegment !== 'function') return;
    const run = (async () => {
      for (const key of segments) await apply.applySegment!(order.id, key);
    })()
      .catch((err) =>
        strapi.log.error(`[gengo] applying order ${order.id} answered at once failed: ${err?.message ?? err}`)
      )
      .finally(() => pending.delete(run));
    pending.add(run);
  };

  /** Places one locale's order. Returns the order, or throws OrderRefusedError (Gengo said no). */
  const placeOne = async (
    client: GengoClient,
    d: OrderDraft,
    target: PlannedTarget
  ): Promise<{ order: OrderRecord; created: boolean; ambiguous: boolean }> => {
    const reference = crypto.randomUUID();
    // The order and its jobs together: nothing half-recorded is left if either insert fails.
    const [inserted] =
      (await store().insertOrders([{ order: orderRow(d, target, reference), jobs: jobRows(target) }])) ?? [];
    if (!inserted) {
      // A concurrent twin of this request inserted first: it places the order, we report it.
      const [twin] = await store().findByRequestKeys([d.requestKeys.get(target.locale)!]);
      if (!twin) throw new errors.ApplicationError('The order could not be recorded, try again');
      return { order: twin, created: false, ambiguous: false };
    }

    const jobs = jobPayloads(d, target, reference);
    const comment = targetComment(d, target);
    const request = buildPostRequest(jobs, comment, { asGroup: d.options.asGroup, allowFork: d.options.allowFork });
    let result: PostJobsResult;
    try {
      result = await client.postJobs(request, { reference });
    } catch (err) {
      if (err instanceof GengoAmbiguousOrderError) {
        // Never post again: the reconciler looks for the reference later (findOrderByReference).
        strapi.log.warn(`[gengo] order ${reference} is ambiguous: ${err.message}`);
        const order = await store().updateOrder(
          inserted,
          { status: 'ambiguous', lastError: err.message, submittedAt: new Date().toISOString() },
          'POST outcome unknown'
        );
        return { order, created: true, ambiguous: true };
      }
      // Anything else: Gengo answered no, or the request provably never left. Nothing was created,
      // so the request key is released for a retry.
      const [failed] = await store().failOrders([inserted], refusalMessage(err));
      throw refusedError(err, target.locale, failed);
    }
    // Gengo has the order from here on: whatever fails below must not release the request key.
    const order = await store().updateOrder(
      inserted,
      {
        status: 'placed',
        gengoOrderId: result.order_id != null ? String(result.order_id) : null,
        credits: Number(result.credits_used ?? target.quote.credits),
        currency: result.currency ?? inserted.currency,
        submittedAt: new Date().toISOString(),
      },
      result.reconciled ? 'found by its reference after an ambiguous POST' : undefined
    );
    await recordAnswered(order, target, result.jobs).catch((err) =>
      strapi.log.error(
        `[gengo] order ${order.id}: recording the jobs Gengo answered at once failed: ${err?.message ?? err}`
      )
    );
    return { order, created: true, ambiguous: false };
  };

  return {
    /** Resolves once the side effects started by earlier orders are done (shutdown, tests). */
    async settled(): Promise<void> {
      while (pending.size) await Promise.allSettled([...pending]);
    },

    /**
     * Everything decided before anything is sent: the source, the options, the targets an earlier
     * request placed already, the others planned and priced, the budget checked. A `PlaceResult`
     * when there is nothing to place (`onlyChanged` and nothing changed).
     */
    async draft(
      input: OrderInput,
      user: OrderingUser,
      placeOptions: PlaceOptions = {}
    ): Promise<{ draft: OrderDraft; client: GengoClient; unchanged: string[] } | PlaceResult> {
      const ctx = placeOptions.context;
      const client = ctx?.client ?? ((await plugin().service('gengo').client()) as GengoClient);
      const settings = ctx?.settings ?? ((await plugin().service('settings').getEffective()) as EffectiveSettings);
      const tier = (input.tier ?? settings.defaultTier) as Tier;
      const options = {
        autoApprove: input.autoApprove ?? settings.autoApprove,
        asGroup: input.asGroup ?? true,
        allowFork: input.allowFork ?? true,
        glossaryId: input.glossaryId ?? null,
        usePreferred: input.usePreferred ?? false,
        comment: input.comment?.trim() || null,
      };
      // What changed is known from our own rows: nothing changed asks Gengo nothing (it may be down).
      let loaded = placeOptions.loaded ?? (await source().load(input, ctx?.site));
      const unchanged: string[] = [];
      if (placeOptions.onlyChanged) {
        const previous = await store().ordersOfDocument(loaded.uid, loaded.documentId);
        const segmentsByLocale: Record<string, typeof loaded.segments> = {};
        for (const locale of loaded.targetLocales) {
          const last = lastOrderedHashes(
            previous.filter((o) => o.targetLocale === locale && o.sourceLocale === loaded.sourceLocale)
          );
          segmentsByLocale[locale] = changedSegments(loaded.segments, last);
          if (!segmentsByLocale[locale].length) unchanged.push(locale);
        }
        loaded = {
          ...loaded,
          segmentsByLocale,
          targetLocales: loaded.targetLocales.filter((l) => !unchanged.includes(l)),
        };
        if (!loaded.targetLocales.length) return { orders: [], notPlaced: [], unchanged };
      }
      const prepared = resolveLanguages(
        loaded,
        ctx?.languages ?? (await (plugin().service('gengo') as GengoService).languages(client)),
        settings.localeMap
      );
      const keys = orderRequestKeys(
        {
          idempotencyKey: input.idempotencyKey,
          userId: user.id,
          uid: prepared.uid,
          documentId: prepared.documentId,
          sourceLocale: prepared.sourceLocale,
          tier,
          options,
          targets: prepared.targets.map(({ locale }) => ({ locale, segments: segmentsFor(prepared, locale) })),
        },
        Date.now()
      );

      const lookups = [...keys.values()].flatMap((k) => k.lookup);
      const known = placeOptions.known;
      const existing =
        known && lookups.every((k) => known.keys.has(k))
          ? known.orders.filter((o) => lookups.includes(o.requestKey))
          : await store().findByRequestKeys(lookups);
      const found = new Map<string, OrderRecord>();
      for (const [locale, k] of keys) {
        const hit = existing.find((o) => k.lookup.includes(o.requestKey));
        if (hit) found.set(locale, hit);
      }
      const missing = prepared.targets.filter((t) => !found.has(t.locale));
      const draft: OrderDraft = {
        prepared,
        tier,
        options,
        user,
        requestKeys: new Map([...keys].map(([locale, k]) => [locale, k.current])),
        found,
        planned: [],
        attachments: [],
        callbackUrl: null,
      };
      if (!missing.length) return { draft, client, unchanged };

      // Asked alongside the quote (one round trip to Gengo less before the POST).
      const balance = ctx?.budgetChecked ? undefined : quotes().balanceAhead(client);
      draft.planned = ctx?.prices
        ? pricedTargets({ ...prepared, targets: missing }, tier, ctx.prices)
        : await quotes().quoteTargets({ ...prepared, targets: missing }, tier, client);
      if (!ctx?.budgetChecked) {
        await checkGlossary(client, options.glossaryId);
        const cost = draft.planned.reduce((sum, p) => sum + p.quote.credits, 0);
        const budget = await quotes().budgetFor(cost, client, { balance });
        if (!budget.check.ok) {
          const { message, reason } = budget.check as Extract<BudgetCheck, { ok: false }>;
          throw new errors.ApplicationError(message, { reason, cost, balance: budget.balance });
        }
      }
      draft.attachments = [
        ...imageAttachments(prepared.document, settings.publicUrl),
        ...[previewAttachment(await previewUrlOf(strapi, prepared), settings.publicUrl)].filter((a) => a !== null),
      ];
      draft.callbackUrl = ctx ? ctx.callbackUrl : await callbackUrlOf(strapi);
      return { draft, client, unchanged };
    },

    async place(input: OrderInput, user: OrderingUser, placeOptions: PlaceOptions = {}): Promise<PlaceResult> {
      const drafted = await this.draft(input, user, placeOptions);
      if (!('draft' in drafted)) return drafted;
      return this.placeDraft(drafted.draft, drafted.client, drafted.unchanged);
    },

    /** Posts a draft's targets one at a time, stopping after a POST whose outcome is unknown. */
    async placeDraft(d: OrderDraft, client: GengoClient, unchanged: string[] = []): Promise<PlaceResult> {
      const results = new Map<string, { order: OrderRecord; created: boolean }>();
      for (const [locale, order] of d.found) results.set(locale, { order, created: false });
      const notPlaced: string[] = [];
      for (let i = 0; i < d.planned.length; i++) {
        const target = d.planned[i];
        const placed = await placeOne(client, d, target).catch((err) => {
          // Orders of the locales before this one are placed: say so with the refusal.
          if (err instanceof OrderRefusedError)
            (err.details as Record<string, unknown>).placed = [...results.values()]
              .filter((r) => r.created)
              .map((r) => toOrderView(r.order));
          throw err;
        });
        results.set(target.locale, placed);
        if (placed.ambiguous) {
          notPlaced.push(...d.planned.slice(i + 1).map((p) => p.locale));
          break;
        }
      }
      return resultOf(d, results, notPlaced, unchanged);
    },

    recordAnswered,
  };
};

export type OrderingService = ReturnType<typeof createOrderingService>;
export default createOrderingService;
