import type { Job } from '../gengo';
import { groupBy } from '../platform/group-by';
import { decodeCustomData } from '../platform/records';

/**
 * Jobs grouped by their order's reference (custom_data), groups in the order first seen and jobs
 * in their order within each, with their place in `list`: a slice cut between groups holds all of
 * an order's jobs at hand, so its segments are written in one update. Jobs that are not ours
 * (`ref` null) stay alone.
 */
export const byOrder = (list: Job[]): Array<{ job: Job; index: number; ref: string | null }> => {
  const placed = list.map((job, index) => ({ job, index, ref: decodeCustomData(job.custom_data)?.ref ?? null }));
  return [...groupBy(placed, (p) => p.ref ?? `#${p.index}`).values()].flat();
};
