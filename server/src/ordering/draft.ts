import type { JobPayload, Tier } from '../gengo';
import type { OrderRecord } from '../platform/records';
import type { PreparedSource } from './source';
import type { NewJob, NewOrder } from './store';
import type { PlannedTarget } from './quote';
import { buildJobPayloads, orderComment } from './plan';

/**
 * An order as decided before anything is sent: the source, how it is ordered, what earlier
 * requests placed already, and the targets still to place. From it come the rows recorded before
 * the POST and the POST's jobs, the same way whether a document is posted alone or with others.
 * Pure: no Strapi, no network.
 */

export interface OrderingUser {
  id: number | null;
  name: string | null;
}

export interface OrderOptions {
  autoApprove: boolean;
  asGroup: boolean;
  allowFork: boolean;
  glossaryId: number | null;
  usePreferred: boolean;
  comment: string | null;
  /** The orderer chose to replace a person's text the target holds now (listed by the quote). */
  replaceExisting?: boolean;
  /** false: every segment ordered from Gengo, the translation memory not used ("order again anyway"). */
  reuseMemory?: boolean;
}

export interface OrderDraft {
  prepared: PreparedSource;
  tier: Tier;
  options: OrderOptions;
  user: OrderingUser;
  /** Per target locale, the key its order is recorded under. */
  requestKeys: Map<string, string>;
  /** Target locales an earlier request placed already. */
  found: Map<string, OrderRecord>;
  /** The targets still to place, planned and priced. */
  planned: PlannedTarget[];
  attachments: JobPayload['attachments'];
  callbackUrl: string | null;
  /** The Gengo id space it is placed in (platform/records.ts `idScope`). */
  scope: string | null;
}

/** The comment for the order of one target (what Gengo shows its translator). */
export const targetComment = (d: OrderDraft, target: PlannedTarget): string =>
  orderComment(d.prepared.typeName, d.prepared.uid, target.plan.fields, d.options.comment);

/** The order row recorded (`placing`) before its POST. */
export const orderRow = (
  d: OrderDraft,
  target: PlannedTarget,
  reference: string,
  options: OrderOptions = d.options
): NewOrder => ({
  requestKey: d.requestKeys.get(target.locale)!,
  reference,
  contentType: d.prepared.uid,
  targetDocumentId: d.prepared.documentId,
  sourceLocale: d.prepared.sourceLocale,
  targetLocale: target.locale,
  lcSrc: d.prepared.lcSrc,
  lcTgt: target.lcTgt,
  tier: d.tier,
  status: 'placing',
  gengoOrderId: null,
  credits: target.quote.credits,
  currency: target.quote.currency || null,
  options: { ...options, comment: targetComment(d, target) },
  segments: target.plan.segments,
  layout: target.state?.layout ?? null,
  baseline: target.state?.baseline ?? null,
  orderedById: d.user.id,
  orderedByName: d.user.name,
  lastError: null,
  submittedAt: null,
  scope: d.scope,
});

/** One row per chunk: one Gengo job each. */
export const jobRows = (target: PlannedTarget): NewJob[] =>
  target.plan.chunks.map((c) => ({
    segmentKey: c.segmentKey,
    chunkIndex: c.chunkIndex,
    chunkCount: c.chunkCount,
    sourceHash: c.sourceHash,
  }));

/** The target's jobs as posted, each carrying the order's reference (and the POST's, when shared). */
export const jobPayloads = (
  d: OrderDraft,
  target: PlannedTarget,
  reference: string,
  group?: string
): Record<string, JobPayload> =>
  buildJobPayloads(target.plan, {
    reference,
    group,
    lcSrc: d.prepared.lcSrc,
    lcTgt: target.lcTgt,
    tier: d.tier,
    typeName: d.prepared.typeName,
    autoApprove: d.options.autoApprove,
    callbackUrl: d.callbackUrl,
    usePreferred: d.options.usePreferred,
    glossaryId: d.options.glossaryId,
    attachments: d.attachments,
    force: d.options.reuseMemory === false,
  });
