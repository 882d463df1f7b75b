import type { BatchStatus } from '../../../shared/contracts/bulk';
/** Rows of plugin::gengo.batch and plugin::gengo.batch-item (see their schemas). */

export type { BatchStatus };
export type BatchItemStatus = 'pending' | 'running' | 'done' | 'failed' | 'cancelled';

export interface BatchRecord {
  id: number;
  requestKey: string;
  status: BatchStatus;
  contentType: string;
  sourceLocale: string;
  targetLocales: string[];
  tier: string;
  options: { comment?: string | null; autoApprove?: boolean | null } | null;
  total: number;
  done: number;
  failed: number;
  cancelled: number;
  ordered: number;
  credits: number | string | null;
  currency: string | null;
  skipped: Array<{ documentId: string; reason: string }> | null;
  requestedById: number | null;
  requestedByName: string | null;
  lastError: string | null;
  finishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export type LocalePrices = Record<string, { credits: number; currency: string }>;

export interface BatchItemRecord {
  id: number;
  batchId: number;
  targetDocumentId: string;
  title: string | null;
  status: BatchItemStatus;
  prices: LocalePrices | null;
  attempts: number;
  ordered: number;
  credits: number | string | null;
  orderIds: number[] | null;
  reason: string | null;
}
