/**
 * Events the plugin emits on Strapi's event hub (`strapi.eventHub`), also offered as webhook events
 * (Settings → Webhooks, or `POST /admin/webhooks` with `events: ['gengo.job.approved', …]`). A
 * webhook receives `{ event, createdAt, ...payload }`.
 *
 * Payloads carry ids, the content type, documentId, locales, field paths and credits: never a
 * field's text (a webhook reader may not be allowed to read it) and never a key.
 */
export const GENGO_EVENTS = {
  GENGO_ORDER_PLACED: 'gengo.order.placed',
  GENGO_ORDER_FAILED: 'gengo.order.failed',
  GENGO_JOB_REVIEWABLE: 'gengo.job.reviewable',
  GENGO_JOB_APPROVED: 'gengo.job.approved',
  GENGO_JOB_CONFLICT: 'gengo.job.conflict',
  GENGO_TRANSLATION_APPLIED: 'gengo.translation.applied',
  GENGO_BUDGET_EXCEEDED: 'gengo.budget.exceeded',
} as const;

export type GengoEventName = (typeof GENGO_EVENTS)[keyof typeof GENGO_EVENTS];

/** Which order, of which entry, into which locale: in every order and job event. */
export interface OrderRef {
  /** The plugin's order id (`GET /gengo/orders/:orderId`). */
  orderId: number;
  /** Our reference of the order (Gengo's custom_data carries it). */
  reference: string;
  gengoOrderId: string | null;
  contentType: string;
  /** The entry's documentId (source and target locales share it). */
  documentId: string;
  sourceLocale: string;
  targetLocale: string;
  tier: string | null;
}

export interface OrderPlacedEvent extends OrderRef {
  credits: number | null;
  currency: string | null;
  jobCount: number;
  /** Field paths ordered, e.g. `title`, `blocks.0.body`. */
  fields: string[];
  /** The admin who ordered (null: the site itself, e.g. translate on publish). */
  orderedById: number | null;
}

export interface OrderFailedEvent extends OrderRef {
  /** Why (Gengo's refusal, or "never received"): no field text. */
  reason: string | null;
}

/** One job row of an order moved at Gengo (a shared Gengo job: one event per order it serves). */
export interface JobEvent extends OrderRef {
  /** The plugin's job id. */
  jobId: number;
  gengoJobId: string | null;
  segmentKey: string;
  chunkIndex: number;
  /** The field paths this job's text goes to. */
  fields: string[];
  unitCount: number | null;
}

export interface JobConflictEvent extends OrderRef {
  jobIds: number[];
  segmentKey: string;
  /** The field paths not written because a person's text is there (or its place is gone). */
  fields: string[];
}

export interface TranslationAppliedEvent extends OrderRef {
  segmentKey: string;
  jobIds: number[];
  /** The field paths written into the target locale. */
  fields: string[];
  /** `reviewable`: written for review; `approved`: final. */
  status: 'reviewable' | 'approved';
}

export interface BudgetExceededEvent {
  contentType: string | null;
  documentId: string | null;
  sourceLocale: string | null;
  targetLocales: string[];
  /** `order-cap` (per-order cap), `month-cap` (monthly cap) or `balance` (Gengo account balance). */
  reason: string;
  /** What the refused order (or bulk order) would cost, in credits. */
  cost: number;
  balance: number | null;
  /** The admin whose order was refused (null: the site itself). */
  userId: number | null;
  /** A bulk order (list view) refused: how many entries it had; documentId is then null. */
  documents?: number;
}

export interface GengoEventPayloads {
  'gengo.order.placed': OrderPlacedEvent;
  'gengo.order.failed': OrderFailedEvent;
  'gengo.job.reviewable': JobEvent;
  'gengo.job.approved': JobEvent;
  'gengo.job.conflict': JobConflictEvent;
  'gengo.translation.applied': TranslationAppliedEvent;
  'gengo.budget.exceeded': BudgetExceededEvent;
}
