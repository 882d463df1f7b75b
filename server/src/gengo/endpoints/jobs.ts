import { seg, type Call } from '../request';
import type { JobGroupResponse, JobsByIdsResponse, ListJobsParams, ListJobsResponse } from '../types';

type Id = number | string;

/** Ids per `translate/jobs/{ids}` call: keeps the URL short. */
export const JOBS_BY_IDS_CHUNK = 50;

export const jobsEndpoints = (call: Call) => ({
  /** `GET translate/jobs`: the most recent jobs (`job_id`, `ctime`), filtered. */
  listJobs: (params: ListJobsParams = {}) => call<ListJobsResponse>('GET', 'translate/jobs', { query: { ...params } }),

  /** `GET translate/jobs/{ids}`: full jobs by id (comma-separated, no spaces). */
  getJobs: (ids: Id[]) => {
    if (!ids.length) return Promise.resolve<JobsByIdsResponse>({ jobs: [] });
    return call<JobsByIdsResponse>('GET', `translate/jobs/${ids.map(seg).join(',')}`);
  },

  /** `GET translate/jobs/group/{group_id}`. */
  getJobGroup: (groupId: Id) => call<JobGroupResponse>('GET', `translate/jobs/group/${seg(groupId)}`),
});

export type JobsEndpoints = ReturnType<typeof jobsEndpoints>;
