/**
 * The bulk routes (`/gengo/bulk/quote`, `/gengo/bulk`, `/gengo/bulk/:id`): their shapes are the
 * server's, from shared/contracts (types only); what the admin derives from them is below.
 */
import type { BatchView, BulkQuote } from '../../../shared/contracts/bulk';

export type { BatchStatus, BatchView, BulkOrderRequest, BulkQuote, BulkRequest } from '../../../shared/contracts/bulk';

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
