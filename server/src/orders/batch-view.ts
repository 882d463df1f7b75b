import type { BatchItemRecord, BatchRecord } from '../records/batch';

/** What the bulk routes answer about a batch (docs: plan/bulk-contract.md, admin/src/api mirrors it). */
export interface BatchView {
  id: number;
  status: BatchRecord['status'];
  contentType: string;
  sourceLocale: string;
  targetLocales: string[];
  tier: string;
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
  lastError: string | null;
  failures?: Array<{ documentId: string; title: string | null; reason: string }>;
}

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
    ? { failures: failures.map((i) => ({ documentId: i.targetDocumentId, title: i.title ?? null, reason: i.reason ?? 'Unknown error' })) }
    : {}),
});
