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
  /** Write over a person's text the target holds now (the quote lists it). */
  replaceExisting?: boolean;
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
  /** Fields whose target text a person wrote (kept, as a conflict, unless "replace" is chosen). */
  personText?: string[];
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
  latest: {
    id: number;
    credits: number | null;
    currency: string | null;
    lastError: string | null;
    createdAt: string;
    jobs?: JobView[];
    conflicts?: ConflictInfo[];
  };
}

/** A conflict of an order: the person's text and the translation of one field. */
export interface ConflictInfo {
  segmentKey: string;
  path: string;
  targetPath: string | null;
  reason: string;
  current: unknown;
  translation: unknown;
  jobIds: number[];
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

/** One of our jobs as the routes answer it (`GET /gengo/jobs/:id`, an order's `jobs`). */
export interface JobView {
  id: number;
  documentId: string;
  orderId: number;
  gengoJobId: string | null;
  segmentKey: string;
  chunkIndex: number;
  chunkCount: number;
  gengoStatus: string | null;
  status: string;
  unitCount: number | null;
  credits: number | string | null;
  bodyTgt: string | null;
  captchaUrl: string | null;
  lastError: string | null;
}

/** An order as `GET /gengo/orders` lists it. */
export interface OrderView {
  id: number;
  documentId: string;
  reference: string;
  contentType: string;
  targetDocumentId: string;
  sourceLocale: string;
  targetLocale: string;
  tier: string | null;
  status: string;
  gengoOrderId: string | null;
  credits: number | null;
  currency: string | null;
  orderedByName: string | null;
  /** The entry's main field in the source locale (list only; null when the admin may not read the type). */
  entryTitle?: string | null;
  lastError: string | null;
  submittedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Pagination {
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
}

/** A message of a job's comment thread, as Gengo lists it. */
export interface JobComment {
  body: string;
  author: string;
  ctime: number | string;
}

export interface MachinePreview {
  status: string;
  machine: boolean;
  bodyTgt: string | null;
}

export const ORDER_STATUSES = [
  'pending',
  'placing',
  'placed',
  'completed',
  'failed',
  'cancelled',
  'ambiguous',
] as const;

/** A translated segment with our markup put back (`GET /gengo/jobs/:id` → `restored`). */
export type RestoredView =
  | { ok: true; kind: 'string' | 'text' | 'richtext' | 'blocks'; value: string | RestoredInline[]; chunks: number }
  | { ok: false; reason: string };

export type RestoredInline =
  | {
      type: 'text';
      text: string;
      bold?: boolean;
      italic?: boolean;
      underline?: boolean;
      strikethrough?: boolean;
      code?: boolean;
    }
  | {
      type: 'link';
      url: string;
      children: Array<{
        type: 'text';
        text: string;
        bold?: boolean;
        italic?: boolean;
        underline?: boolean;
        strikethrough?: boolean;
        code?: boolean;
      }>;
    };
