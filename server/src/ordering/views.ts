import type { JobView, OrderView } from '../../../shared/contracts/orders';
import type { JobRecord, OrderRecord } from '../platform/records';

/**
 * What routes answer about orders and jobs (shared/contracts/orders): the records without our
 * protected copies of the source (large, and only the receiving side needs them).
 */
export type { JobView, OrderView };

export const toJobView = (job: JobRecord): JobView => {
  const { writtenHashes: _ignored, refusedHash: _refused, ...rest } = job;
  return rest;
};

/** What the target held when ordered stays with us (hashes, layout); the choices made are shown. */
const withoutState = (order: OrderRecord) => {
  const { layout: _layout, baseline: _baseline, ...rest } = order;
  return rest;
};

export const toOrderView = (order: OrderRecord, jobs?: JobRecord[]): OrderView => ({
  ...withoutState(order),
  credits: order.credits == null ? null : Number(order.credits),
  segments: (order.segments ?? []).map((s) => ({ key: s.key, kind: s.kind, paths: s.paths })),
  ...(jobs ? { jobs: jobs.filter((j) => j.orderId === order.id).map(toJobView) } : {}),
});
