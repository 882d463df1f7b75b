import type { ProtectedSegment, SegmentKind } from '../content';
import type { JobStatus as GengoJobStatus } from '../gengo';
import type { HistoryEntry, JobStatus, JobView, OrderStatus, OrderView } from '../../../shared/contracts/orders';

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

/** A job status of ours is Gengo's, one spelling of canceled, or one of our marks: checked here. */
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _jobStatusIsGengos: SameKeys<JobStatus, Exclude<GengoJobStatus, 'cancelled'> | 'conflict' | 'stale' | 'error'> =
  true;
void _jobStatusIsGengos;

export type { HistoryEntry, JobStatus, OrderStatus };

/** An order row: what the routes answer (OrderView), with the protected copies of the source. */
export interface OrderRecord extends Omit<OrderView, 'segments' | 'jobs' | 'entryTitle' | 'credits' | 'autoApproveAt'> {
  credits: number | string | null;
  segments: OrderedSegment[] | null;
}

/** A job row: what the routes answer (JobView), with the hashes of what the plugin wrote. */
export interface JobRecord extends Omit<JobView, 'autoApproveAt'> {
  /** path → hash of the value the plugin wrote: a different value now means a person edited it. */
  writtenHashes: Record<string, string> | null;
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
