import type { Job } from '../gengo';
import { decodeCustomData } from '../records/types';

/**
 * Jobs grouped by their order's reference (custom_data), groups in the order first seen and jobs
 * in their order within each, with their place in `list`: a slice cut between groups holds all of
 * an order's jobs at hand, so its segments are written in one update. Jobs that are not ours
 * (`ref` null) stay alone.
 */
export const byOrder = (list: Job[]): Array<{ job: Job; index: number; ref: string | null }> => {
  const groups = new Map<string, Array<{ job: Job; index: number; ref: string | null }>>();
  list.forEach((job, index) => {
    const ref = decodeCustomData(job.custom_data)?.ref ?? null;
    const key = ref ?? `#${index}`;
    const group = groups.get(key) ?? [];
    group.push({ job, index, ref });
    groups.set(key, group);
  });
  return [...groups.values()].flat();
};

