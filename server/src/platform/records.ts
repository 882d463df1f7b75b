import type { ProtectedSegment, SegmentKind, TargetLayout, TextOwner } from '../content';
import type { JobStatus as GengoJobStatus } from '../gengo';

/**
 * The contract between the ordering side (quote/order/review) and the receiving side
 * (callback/apply/reconcile): what an order stores about its segments, and what each Gengo job
 * carries in `custom_data`. Rows live in plugin::gengo.order / plugin::gengo.job
 * (content-types/*); their shapes are below.
 */

/** One segment of an order, stored in `order.segments` (JSON). */
export interface OrderedSegment {
  /** Stable within the order: `s0`, `s1`… */
  key: string;
  kind: SegmentKind;
  /** Every field path the translation is written to (identical sources share one segment). */
  paths: string[];
  /** `Segment.hash` of the source at order time: a source changed since is "stale". */
  sourceHash: string;
  /** Our copy of the protected parts: restoring reads this, never the translator's text. */
  protected: ProtectedSegment;
  /** From splitForGengo: n chunks ⇒ n-1 separators (empty when the segment went as one job). */
  separators: string[];
}

/** What the target held at a translated path when ordered. */
export interface BaselineEntry {
  targetPath: string;
  /** `valueHash` of the leaf's value. */
  hash: string;
  owner: TextOwner;
}

/** A conflict resolved by a reviewer: the person's text kept, or the translation taken over it. */
export interface Resolution {
  choice: 'keep' | 'take';
  at: string;
  by: string | null;
}

/** `custom_data` of every job (JSON, well under Gengo's 1 KB). */
export interface JobCustomData {
  /** order.reference */
  ref: string;
  /** segment key */
  s: string;
  /** chunk index */
  c: number;
  /**
   * The reference of the POST when it carried the jobs of several orders (a bulk order's page):
   * what finds that POST again after an ambiguous failure.
   */
  g?: string;
}

export type OrderStatus = 'pending' | 'placing' | 'placed' | 'completed' | 'failed' | 'cancelled' | 'ambiguous';

/** Our job status: Gengo's own (one spelling of canceled), or one of ours. */
export type JobStatus = Exclude<GengoJobStatus, 'cancelled'> | 'conflict' | 'stale' | 'error';

export interface HistoryEntry {
  at: string;
  status: string;
  note?: string;
}

export interface OrderRecord {
  id: number;
  documentId: string;
  requestKey: string;
  reference: string;
  contentType: string;
  targetDocumentId: string;
  sourceLocale: string;
  targetLocale: string;
  lcSrc: string | null;
  lcTgt: string | null;
  tier: string | null;
  status: OrderStatus;
  gengoOrderId: string | null;
  credits: number | string | null;
  currency: string | null;
  options: Record<string, unknown> | null;
  segments: OrderedSegment[] | null;
  /** Where the translated leaves go in the target, recorded when ordering (`recordLayout`). */
  layout?: TargetLayout | null;
  /** Per source path, what the target held there when ordered. */
  baseline?: Record<string, BaselineEntry> | null;
  /** A reviewer's choice per conflicting source path. */
  resolutions?: Record<string, Resolution> | null;
  orderedById: number | null;
  orderedByName: string | null;
  lastError: string | null;
  history: HistoryEntry[] | null;
  submittedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface JobRecord {
  id: number;
  documentId: string;
  orderId: number;
  gengoJobId: string | null;
  segmentKey: string;
  chunkIndex: number;
  chunkCount: number;
  sourceHash: string | null;
  gengoStatus: string | null;
  status: JobStatus;
  unitCount: number | null;
  credits: number | string | null;
  bodyTgt: string | null;
  /** Hash of the body_tgt last written into the entry, with the Gengo status it had then. */
  appliedHash: string | null;
  appliedStatus: string | null;
  appliedAt: string | null;
  /** path → hash of the value the plugin wrote: a different value now means a person edited it. */
  writtenHashes: Record<string, string> | null;
  /** sha256 of (revision, schema) of a write Strapi refused: not tried again until either changes. */
  refusedHash?: string | null;
  captchaUrl: string | null;
  lastError: string | null;
  history: HistoryEntry[] | null;
}

export const encodeCustomData = (data: JobCustomData): string => JSON.stringify(data);

/** Parses a job's custom_data; anything else (another app's jobs on the same account) is null. */
export const decodeCustomData = (raw: unknown): JobCustomData | null => {
  if (typeof raw !== 'string' || !raw) return null;
  try {
    const value = JSON.parse(raw);
    if (value && typeof value.ref === 'string' && typeof value.s === 'string' && Number.isInteger(value.c)) {
      return { ref: value.ref, s: value.s, c: value.c, ...(typeof value.g === 'string' ? { g: value.g } : {}) };
    }
  } catch {
    // not ours
  }
  return null;
};

/** Gengo spells it "cancelled" in places and "canceled" in others: one spelling on our rows. */
export const normalizeStatus = (status: unknown): string =>
  status === 'cancelled' ? 'canceled' : String(status ?? '');

/** Gengo statuses whose body_tgt is a translation a person may read (its segment may be written). */
export const TRANSLATED = new Set(['reviewable', 'approved']);

/** Our own marks on a job row: they stay until the apply step decides again. */
export const OUR_MARKS = new Set(['conflict', 'stale', 'error']);
