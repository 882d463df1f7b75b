import type { Tier } from '../gengo/types/jobs';
import type { BudgetCheck } from '../ordering/budget';
import type { BatchStatus } from '../bulk/records';

/**
 * What the bulk routes answer (`POST /gengo/bulk/quote`, `GET /gengo/bulk/:id`…). Types only,
 * from modules that import nothing of Strapi's: the admin imports them from here (type-only, gone
 * from its bundle) instead of keeping a copy that could drift.
 */
export type { BatchStatus, BudgetCheck };

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
  budget: { perOrder: number | null; perMonth: number | null; spentThisMonth: number; check: BudgetCheck };
}

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
