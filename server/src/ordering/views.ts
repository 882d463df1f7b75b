import type { JobView, OrderView } from '../../../shared/contracts/orders';
import { autoApproveAt } from '../gengo';
import type { JobRecord, OrderRecord } from '../platform/records';

/**
 * What routes answer about orders and jobs (shared/contracts/orders): the records without our
 * protected copies of the source (large, and only the receiving side needs them).
 */
export type { JobView, OrderView };

/** When Gengo approves this job by itself (null unless it is reviewable at Gengo). */
export const jobAutoApproveAt = (job: Pick<JobRecord, 'gengoStatus' | 'reviewableAt' | 'unitCount'>): string | null =>
  job.gengoStatus === 'reviewable' ? autoApproveAt(job.reviewableAt, job.unitCount) : null;

/** The nearest of some deadlines (ISO strings compare in time order), or null. */
export const nearest = (deadlines: Array<string | null | undefined>): string | null =>
  deadlines.reduce<string | null>((min, d) => (d && (!min || d < min) ? d : min), null);

export const toJobView = (job: JobRecord): JobView => {
  const { writtenHashes: _ignored, refusedHash: _refused, ...rest } = job;
  return { ...rest, reviewableAt: rest.reviewableAt ?? null, autoApproveAt: jobAutoApproveAt(job) };
};

/** What the target held when ordered stays with us (hashes, layout); the choices made are shown. */
const withoutState = (order: OrderRecord) => {
  // Relation gaps are answered by the document status only, filtered by what the admin may read.
  const { layout: _layout, baseline: _baseline, relationGaps: _gaps, ...rest } = order;
  return rest;
};

export const toOrderView = (order: OrderRecord, jobs?: JobRecord[]): OrderView => {
  const own = jobs?.filter((j) => j.orderId === order.id).map(toJobView);
  return {
    ...withoutState(order),
    credits: order.credits == null ? null : Number(order.credits),
    segments: (order.segments ?? []).map((s) => ({ key: s.key, kind: s.kind, paths: s.paths })),
    ...(own ? { jobs: own, autoApproveAt: nearest(own.map((j) => j.autoApproveAt)) } : {}),
  };
};
