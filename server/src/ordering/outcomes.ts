import { errors } from '@strapi/utils';
import { GengoApiError, isRetryableStatus, type GengoClient, type Language } from '../gengo';
import type { OrderRecord } from '../platform/records';
import type { EffectiveSettings } from '../settings';
import type { OrderDraft } from './draft';
import type { OrderRequest, PlaceResult } from '../../../shared/contracts/orders';
import type { LoadedSource, SiteLocales } from './source';
import { toOrderView } from './views';

/** What placing an order takes and gives: its input and options, its result, a refusal. */

/** `POST /gengo/orders`: the same key (per user and target locale) gives the same order; derived when absent. */
export type OrderInput = OrderRequest;
export type { PlaceResult };

export type { OrderingUser } from './draft';

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
