import { seg, type Call } from '../request';
import type {
  BulkJobsAction,
  BulkJobsResponse,
  JobGroupResponse,
  JobsByIdsResponse,
  ListJobsParams,
  ListJobsResponse,
} from '../types';

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

  /** `PUT translate/jobs`: one action (approve, revise, reject, archive) on several jobs. */
  updateJobs: (action: BulkJobsAction) => call<BulkJobsResponse>('PUT', 'translate/jobs', { data: action }),
  approveJobs: (jobs: Extract<BulkJobsAction, { action: 'approve' }>['job_ids']) =>
    call<BulkJobsResponse>('PUT', 'translate/jobs', { data: { action: 'approve', job_ids: jobs } }),
  reviseJobs: (jobs: Extract<BulkJobsAction, { action: 'revise' }>['job_ids']) =>
    call<BulkJobsResponse>('PUT', 'translate/jobs', { data: { action: 'revise', job_ids: jobs } }),
  rejectJobs: (jobs: Extract<BulkJobsAction, { action: 'reject' }>['job_ids']) =>
    call<BulkJobsResponse>('PUT', 'translate/jobs', { data: { action: 'reject', job_ids: jobs } }),
  archiveJobs: (ids: Id[]) =>
    call<BulkJobsResponse>('PUT', 'translate/jobs', { data: { action: 'archive', job_ids: ids } }),
});

export type JobsEndpoints = ReturnType<typeof jobsEndpoints>;
