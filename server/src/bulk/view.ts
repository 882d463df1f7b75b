import type { BatchView } from '../../../shared/contracts/bulk';
import type { BatchItemRecord, BatchRecord } from './records';

/** What the bulk routes answer about a batch: the shape is in contracts/bulk.ts (the admin reads it too). */
export type { BatchView };

export const toBatchView = (b: BatchRecord, failures?: BatchItemRecord[]): BatchView => ({
  id: b.id,
  status: b.status,
  contentType: b.contentType,
  sourceLocale: b.sourceLocale,
  targetLocales: b.targetLocales ?? [],
  tier: b.tier,
  total: b.total,
  done: b.done,
  failed: b.failed,
  pending: Math.max(0, b.total - b.done - b.failed - b.cancelled),
  ordered: b.ordered,
  credits: Math.round(Number(b.credits ?? 0) * 100) / 100,
  currency: b.currency ?? null,
  createdAt: b.createdAt,
  updatedAt: b.updatedAt,
  finishedAt: b.finishedAt ?? null,
  createdByName: b.requestedByName ?? null,
  lastError: b.lastError ?? null,
  ...(failures
    ? {
        failures: failures.map((i) => ({
          documentId: i.targetDocumentId,
          title: i.title ?? null,
          reason: i.reason ?? 'Unknown error',
        })),
      }
    : {}),
});
