/** Shapes of the bulk routes (`/gengo/bulk/quote`, `/gengo/bulk`, `/gengo/bulk/:id`), see the server's bulk service. */
import type { Tier } from './orders';

export interface BulkRequest {
  contentType: string;
  documentIds: string[];
  sourceLocale?: string;
  targetLocales: string[];
  tier?: Tier;
}

export interface BulkOrderRequest extends BulkRequest {
  comment?: string | null;
  idempotencyKey: string;
}

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
  skipped: Array<{ documentId: string; reason: string }>;
  balance: { credits: number; currency: string };
  budget: {
    perOrder: number | null;
    perMonth: number | null;
    spentThisMonth: number;
    check: { ok: boolean; reason?: string; message?: string };
  };
}

export type BatchStatus = 'queued' | 'running' | 'completed' | 'cancelled' | 'failed';

export interface BatchView {
  id: number;
  status: BatchStatus;
  contentType: string;
  sourceLocale: string;
  targetLocales: string[];
  tier: string | null;
  total: number;
  done: number;
  failed: number;
  pending: number;
  ordered: number;
  credits: number;
  currency: string | null;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
  createdByName: string | null;
  /** Why the run paused or stopped (e.g. Gengo unreachable: it resumes on its own). */
  lastError?: string | null;
  failures?: Array<{ documentId: string; title: string | null; reason: string }>;
}

/** A batch still moving: the dialog and the orders page keep polling it. */
export const isRunning = (b: Pick<BatchView, 'status'>) => b.status === 'queued' || b.status === 'running';

/** Share of the batch settled (done, failed or cancelled), 0..100. */
export const progressPercent = (b: Pick<BatchView, 'total' | 'pending'>) =>
  b.total > 0 ? Math.round(((b.total - b.pending) / b.total) * 100) : 100;

/** Why this quote cannot be ordered (the budget refuses it, or nothing is left to translate); null when it can. */
export const quoteRefusal = (q: Pick<BulkQuote, 'budget' | 'documents'>): string | null => {
  if (!q.budget.check.ok) return q.budget.check.message ?? q.budget.check.reason ?? 'budget';
  if (q.documents === 0) return 'nothing to translate';
  return null;
};
