/**
 * The ordering routes (`POST /gengo/quote`, `POST /gengo/orders`, `GET /gengo/orders`,
 * `GET /gengo/orders/:id`, `GET /gengo/document-status`, `GET /gengo/order-options`): what the admin
 * sends and what the server answers. Types and constants only, nothing of Strapi's: the server's
 * controllers and services and the admin's `api/*` both import them from here.
 */

import type { MemoryOrigin, ReusedSummary } from './memory';

/** The tiers one orders here (Gengo's `machine` is not human translation, `ultra` is no longer sold). */
export const TIERS = ['standard', 'pro'] as const;
export type Tier = (typeof TIERS)[number];

export const ORDER_STATUSES = [
  'pending',
  'placing',
  'placed',
  'completed',
  'failed',
  'cancelled',
  'ambiguous',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/**
 * Our job status: Gengo's own (one spelling of canceled), or one of ours (conflict, stale, error,
 * needs_review: the admin who ordered may no longer write the target, so a reviewer decides).
 */
export type JobStatus =
  | 'queued'
  | 'available'
  | 'pending'
  | 'reviewable'
  | 'approved'
  | 'revising'
  | 'rejected'
  | 'canceled'
  | 'hold'
  | 'conflict'
  | 'stale'
  | 'error'
  | 'needs_review';

/** `POST /gengo/quote` body. */
export interface QuoteRequest {
  contentType: string;
  documentId: string;
  /** null or absent: the i18n default locale. */
  sourceLocale?: string | null;
  targetLocales: string[];
  /** Field paths to translate (absent: every translatable field). */
  fields?: string[] | null;
  tier?: Tier | null;
  /**
   * false: "order again anyway" — every segment goes to Gengo, even one whose exact source was
   * approved before (the translation memory). Absent or true: remembered segments are reused.
   */
  reuseMemory?: boolean | null;
}

/** `POST /gengo/orders` body (an `Idempotency-Key` header stands for `idempotencyKey`). */
export interface OrderRequest extends QuoteRequest {
  comment?: string | null;
  autoApprove?: boolean | null;
  asGroup?: boolean | null;
  allowFork?: boolean | null;
  glossaryId?: number | null;
  usePreferred?: boolean | null;
  /** Write over a person's text the target holds now (the quote's `personText`): an explicit choice. */
  replaceExisting?: boolean | null;
  idempotencyKey?: string | null;
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
  /**
   * Paths whose target text a person wrote: not overwritten on delivery (a conflict to resolve)
   * unless the order says `replaceExisting`. Filled by `POST /gengo/quote`.
   */
  personText?: string[];
  /** Segments the translation memory stands in for: not sent to Gengo, 0 credits. */
  reused?: ReusedSummary;
}

/** Whether the balance and the budget caps allow a cost. */
export type BudgetCheck = { ok: true } | { ok: false; reason: 'balance' | 'order-cap' | 'month-cap'; message: string };

export interface BudgetView {
  perOrder: number | null;
  perMonth: number | null;
  spentThisMonth: number;
  check: BudgetCheck;
}

/** `POST /gengo/quote` answer. */
export interface QuoteResult {
  contentType: string;
  documentId: string;
  sourceLocale: string;
  tier: Tier;
  fields: string[];
  locales: LocaleQuote[];
  total: { credits: number; currency: string };
  balance: { credits: number; currency: string };
  budget: BudgetView;
}

/** `GET /gengo/order-options` answer: what the order form offers. */
export interface OrderOptions {
  tiers: Tier[];
  defaults: { tier: Tier; autoApprove: boolean; asGroup: boolean; allowFork: boolean; usePreferred: boolean };
  glossaries: Array<{ id: number; title: string; sourceLanguage: string | null; targetLanguages: unknown[] }>;
  preferredTranslators: Array<{ lcSrc: string; lcTgt: string; tier: string; count: number }>;
  balance: { credits: number; currency: string };
  budget: Omit<BudgetView, 'check'>;
  /** Without a public URL Gengo cannot call back (the poller applies) and relative images are not attached. */
  publicUrl: boolean;
}

/** `GET /gengo/orders` query. */
export interface ListOrdersQuery {
  contentType?: string;
  documentId?: string;
  locale?: string;
  status?: OrderStatus;
  page: number;
  pageSize: number;
  /** `createdAt` (newest first, the default) or `autoApproveAt` (nearest auto-approval first, then the rest). */
  sort?: OrdersSort;
}

export const ORDERS_SORTS = ['createdAt', 'autoApproveAt'] as const;
export type OrdersSort = (typeof ORDERS_SORTS)[number];

export interface HistoryEntry {
  at: string;
  status: string;
  note?: string;
}

/** One of our jobs as the routes answer it (`GET /gengo/jobs/:id`, an order's `jobs`). */
export interface JobView {
  id: number;
  documentId: string;
  orderId: number;
  gengoJobId: string | null;
  segmentKey: string;
  chunkIndex: number;
  chunkCount: number;
  sourceHash: string | null;
  gengoStatus: string | null;
  status: JobStatus;
  unitCount: number | null;
  credits: number | string | null;
  bodyTgt: string | null;
  /** Hash of the body_tgt last written into the entry, with the Gengo status it had then. */
  appliedHash: string | null;
  appliedStatus: string | null;
  appliedAt: string | null;
  captchaUrl: string | null;
  lastError: string | null;
  history: HistoryEntry[] | null;
  /**
   * The order whose row placed the Gengo job this row shares (a repeated text answered with one
   * job, or an old job): Gengo charged it there. Null: this row's own job.
   */
  sharedWithOrderId: number | null;
  /** Its text was reused from the translation memory (no Gengo job, no cost): where it came from. */
  reusedFrom?: MemoryOrigin | null;
  /** When the plugin learnt the job is reviewable (Gengo's payload does not say); null when it is not. */
  reviewableAt: string | null;
  /**
   * When Gengo approves the job by itself unless someone reviews it first (overview.md: 72 hours
   * after it became reviewable, or 24 hours per 1000 words if longer); null when not reviewable.
   */
  autoApproveAt: string | null;
}

/** An order as the routes answer it: its segments without our protected copies of the source. */
export interface OrderView {
  id: number;
  documentId: string;
  requestKey: string;
  reference: string;
  contentType: string;
  targetDocumentId: string;
  sourceLocale: string;
  targetLocale: string;
  lcSrc: string | null;
  lcTgt: string | null;
  tier: string | null;
  status: OrderStatus;
  gengoOrderId: string | null;
  credits: number | null;
  currency: string | null;
  options: Record<string, unknown> | null;
  segments: Array<{ key: string; kind: string; paths: string[] }>;
  orderedById: number | null;
  orderedByName: string | null;
  lastError: string | null;
  history: HistoryEntry[] | null;
  submittedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** `GET /gengo/orders/:id` and a document's latest order. */
  jobs?: JobView[];
  /** The nearest auto-approval among its reviewable jobs (null: none reviewable); the list and `jobs` answers. */
  autoApproveAt?: string | null;
  /** Its jobs by our status (the list only): `{ reviewable: 8, available: 3 }`. */
  jobCounts?: Record<string, number>;
  /** The entry's main field in the source locale (the list only; null when the admin may not read the type). */
  entryTitle?: string | null;
  /** A reviewer's choice per conflicting path. */
  resolutions?: Record<string, Resolution> | null;
  /** `GET /gengo/orders/:id` and a document's latest order: per conflicting path, both texts. */
  conflicts?: ConflictInfo[];
}

/** A conflict resolved by a reviewer: the person's text kept, or the translation taken over it. */
export interface Resolution {
  choice: 'keep' | 'take';
  at: string;
  by: string | null;
}

/** `POST /gengo/orders/:id/resolve` body. */
export interface ResolveRequest {
  /** The source path of the field (the conflict's `path`). */
  path: string;
  choice: Resolution['choice'];
}

/**
 * A person's words where a translation would land: the person's text now in the target and the
 * translation waiting, with why it was not written. Read fresh.
 */
export interface ConflictInfo {
  segmentKey: string;
  /** The source path (the order's); `resolve` takes it. */
  path: string;
  /** Where it is in the target, when known. */
  targetPath: string | null;
  /**
   * The field as the review view names it ("Title", "Sections › Hero › Title"); null for a path no
   * segment of the order has. Absent where the conflicts are not read for a person.
   */
  label?: string | null;
  reason: string;
  /** The person's text (a text block: its inline children); null when the place itself is the conflict. */
  current: unknown;
  /** The translation waiting (restored), or null when its chunks are not all in. */
  translation: unknown;
  jobIds: number[];
}

export interface Pagination {
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
}

/** `GET /gengo/orders` answer: `{ data: OrderView[], meta: { pagination } }`. */
export interface OrderList {
  results: OrderView[];
  pagination: Pagination;
}

/** `POST /gengo/orders` answer. */
export interface PlaceResult {
  /** One per target locale placed or found; `created: false` when the request had placed it already. */
  orders: Array<OrderView & { created: boolean }>;
  /** Locales not attempted because an earlier POST's outcome is unknown: send the request again later. */
  notPlaced: string[];
  /** With `onlyChanged`: locales not ordered because nothing changed since their last order. */
  unchanged: string[];
}

// The document-status route's types, in their own module (re-exported: one import path for both).
export * from './document-status';
