import { createHash } from 'node:crypto';
import type { ProtectedSegment, SegmentKind, TargetLayout, TextOwner } from '../content';
import type { JobStatus as GengoJobStatus } from '../gengo';
import type {
  HistoryEntry,
  JobStatus,
  JobView,
  OrderStatus,
  OrderView,
  RelationGap,
  Resolution,
} from '../../../shared/contracts/orders';

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
const _jobStatusIsGengos: SameKeys<
  JobStatus,
  Exclude<GengoJobStatus, 'cancelled'> | 'conflict' | 'stale' | 'error' | 'needs_review'
> = true;
void _jobStatusIsGengos;

export type { HistoryEntry, JobStatus, OrderStatus, RelationGap, Resolution };

/** An order row: what the routes answer (OrderView), with the protected copies of the source. */
export interface OrderRecord extends Omit<OrderView, 'segments' | 'jobs' | 'entryTitle' | 'credits' | 'autoApproveAt'> {
  credits: number | string | null;
  segments: OrderedSegment[] | null;
  /** The Gengo id space the order was placed in (`idScope`): null on rows older than scopes. */
  scope: string | null;
  /** Where the translated leaves go in the target, recorded when ordering (`recordLayout`). */
  layout?: TargetLayout | null;
  /** Per source path, what the target held there when ordered. */
  baseline?: Record<string, BaselineEntry> | null;
  /** Relations the order's latest write left empty (no version of the related entry in the target locale). */
  relationGaps?: { at: string; items: RelationGap[] } | null;
}

/** A job row: what the routes answer (JobView), with the hashes of what the plugin wrote. */
export interface JobRecord extends Omit<JobView, 'autoApproveAt'> {
  /** path → hash of the value the plugin wrote: a different value now means a person edited it. */
  writtenHashes: Record<string, string> | null;
  /** The Gengo id space of `gengoJobId` (`idScope`): null on rows older than scopes. */
  scope: string | null;
  /**
   * Set when the Gengo job is another row's (a repeat Gengo answered with one shared job, or an
   * old job lazy loading answered): that job's identity (`jobIdentity` of its custom_data).
   */
  sharedJobKey: string | null;
  /** sha256 of (revision, schema) of a write Strapi refused: not tried again until either changes. */
  refusedHash?: string | null;
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

/**
 * Our own marks on a job row: they stay until the apply step decides again. `needs_review`: the
 * admin who ordered may no longer write the target (rights revoked, user removed or blocked).
 */
export const OUR_MARKS = new Set(['conflict', 'stale', 'error', 'needs_review']);

/**
 * The id space of Gengo's job and order ids: the API (sandbox, production, an emulator) and the
 * account. An id means nothing outside its space: a site that tested on the sandbox, or an
 * emulator started again without its state, hands out ids the database already holds.
 */
export const idScope = (client: { baseUrl: string; publicKey: string }): string =>
  createHash('sha256').update(`${client.baseUrl}\n${client.publicKey}`).digest('hex').slice(0, 16);

/** Which job a Gengo job is, from its custom_data: `ref/segment/chunk` when ours, else a hash of it. */
export const jobIdentity = (customData: unknown): string => {
  const data = decodeCustomData(customData);
  if (data) return rowIdentity(data.ref, data.s, data.c);
  return `other:${createHash('sha256')
    .update(String(customData ?? ''))
    .digest('hex')
    .slice(0, 24)}`;
};

export const rowIdentity = (reference: string, segmentKey: string, chunkIndex: number): string =>
  `${reference}/${segmentKey}/${chunkIndex}`;

/** The identity of the Gengo job a row is bound to: the job it shares, else its own. */
export const boundIdentity = (row: JobRecord, order: Pick<OrderRecord, 'reference'>): string =>
  row.sharedJobKey ?? rowIdentity(order.reference, row.segmentKey, row.chunkIndex);
