/**
 * The bulk routes (`/gengo/bulk/quote`, `/gengo/bulk`, `/gengo/bulk/:id`): what the admin sends,
 * and the server's answers (their shapes live in server/src/contracts, imported as types only).
 */
import type { BatchView, BulkQuote } from '../../../server/src/contracts/bulk';
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

export type { BatchStatus, BatchView, BulkQuote } from '../../../server/src/contracts/bulk';

/** A batch still moving: the dialog and the orders page keep polling it. */
export const isRunning = (b: Pick<BatchView, 'status'>) => b.status === 'queued' || b.status === 'running';

/** Share of the batch settled (done, failed or cancelled), 0..100. */
export const progressPercent = (b: Pick<BatchView, 'total' | 'pending'>) =>
  b.total > 0 ? Math.round(((b.total - b.pending) / b.total) * 100) : 100;

/** Why this quote cannot be ordered (the budget refuses it, or nothing is left to translate); null when it can. */
export const quoteRefusal = (q: Pick<BulkQuote, 'budget' | 'documents'>): string | null => {
  const { check } = q.budget;
  if (check.ok === false) return check.message || check.reason;
  if (q.documents === 0) return 'nothing to translate';
  return null;
};
