/** Shapes of the ordering routes (`/gengo/quote`, `/gengo/orders`, `/gengo/document-status`). */

export type Tier = 'standard' | 'pro';

export interface QuoteRequest {
  contentType: string;
  documentId: string;
  sourceLocale: string;
  targetLocales: string[];
  tier?: Tier | null;
}

export interface OrderRequest extends QuoteRequest {
  comment?: string | null;
  idempotencyKey: string;
}

export interface LocaleQuote {
  locale: string;
  lcSrc: string;
  lcTgt: string;
  tier: Tier;
  jobs: number;
  units: number;
  credits: number;
  currency: string;
  /** Seconds. */
  eta: number;
}

export interface QuoteResult {
  tier: Tier;
  locales: LocaleQuote[];
  total: { credits: number; currency: string };
  balance: { credits: number; currency: string };
  budget: { check: { ok: boolean; reason?: string } | Record<string, unknown> };
}

export interface LocaleStatus {
  locale: string;
  /** The latest order's status. */
  status: string;
  /** Job statuses of the latest order, counted. */
  jobs: Record<string, number>;
  latest: { id: number; credits: number | null; currency: string | null; lastError: string | null; createdAt: string };
}

export interface DocumentStatus {
  contentType: string;
  documentId: string;
  locales: LocaleStatus[];
}

export interface Locale {
  code: string;
  name: string;
  isDefault: boolean;
}
