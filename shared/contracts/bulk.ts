/**
 * The bulk routes (`POST /gengo/bulk/quote`, `POST /gengo/bulk`, `GET /gengo/bulk`,
 * `GET /gengo/bulk/:id`, `POST /gengo/bulk/:id/cancel`): a selection of the list view ordered as
 * one batch that the server works through on its own.
 */
import type { ReusedSummary } from './memory';
import type { BudgetView, Tier } from './orders';

export type BatchStatus = 'queued' | 'running' | 'completed' | 'cancelled' | 'failed';

/** `POST /gengo/bulk/quote` body. */
export interface BulkRequest {
  contentType: string;
  documentIds: string[];
  /** null or absent: the i18n default locale. */
  sourceLocale?: string | null;
  targetLocales: string[];
  tier?: Tier | null;
}

/** `POST /gengo/bulk` body (an `Idempotency-Key` header stands for `idempotencyKey`). */
export interface BulkOrderRequest extends BulkRequest {
  comment?: string | null;
  autoApprove?: boolean | null;
  /** Same key (same user), same batch; derived from the request when absent. */
  idempotencyKey?: string | null;
}

/** `POST /gengo/bulk/quote` answer. */
export interface BulkQuote {
  contentType: string;
  sourceLocale: string;
  targetLocales: string[];
  tier: Tier;
  documents: number;
  units: number;
  credits: number;
  currency: string;
  /** Seconds. */
  eta: number;
  locales: Array<{ locale: string; lcTgt: string | null; offered: boolean; units: number; credits: number }>;
  /** Segments the translation memory stands in for, over the selection: not ordered, 0 credits. */
  reused?: ReusedSummary;
  skipped: Array<{ documentId: string; reason: string }>;
  balance: { credits: number; currency: string };
  budget: BudgetView;
}

/** A batch as `GET /gengo/bulk`, `GET /gengo/bulk/:id` and `POST /gengo/bulk` answer it. */
export interface BatchView {
  id: number;
  status: BatchStatus;
  contentType: string;
  sourceLocale: string;
  targetLocales: string[];
  tier: string;
  total: number;
  done: number;
  failed: number;
  pending: number;
  ordered: number;
  /**
   * Documents whose orders are all completed (every translation approved): `GET /gengo/bulk/:id`
   * and `POST /gengo/bulk` only, not the list.
   */
  translated?: number;
  credits: number;
  currency: string | null;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
  createdByName: string | null;
  /** Why the run paused or stopped (e.g. Gengo unreachable: it resumes on its own). */
  lastError: string | null;
  failures?: Array<{ documentId: string; title: string | null; reason: string }>;
}
