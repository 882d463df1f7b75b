import { seg, type Call } from '../request';
import type { CommentsResponse, FeedbackResponse, Job, RevisionResponse, RevisionsResponse } from '../types';

type Id = number | string;

/** Reads and comments of one job; its state changes are in state-changes.ts. */
export const jobEndpoints = (call: Call) => ({
  /** `GET translate/job/{id}`; `preMt` asks for a machine translation while the human one is pending. */
  getJob: (id: Id, opts: { preMt?: boolean } = {}) =>
    call<{ job: Job }>('GET', `translate/job/${seg(id)}`, { query: { pre_mt: opts.preMt ? 1 : undefined } }),

  /** `GET translate/job/{id}/preview`: a JPEG of the translation. */
  getJobPreview: (id: Id) => call<Buffer>('GET', `translate/job/${seg(id)}/preview`, { binary: true }),

  /** `GET translate/job/{id}/revisions`. */
  listJobRevisions: (id: Id) => call<RevisionsResponse>('GET', `translate/job/${seg(id)}/revisions`),
  /** `GET translate/job/{id}/revision/{rev_id}`. */
  getJobRevision: (id: Id, revId: Id) =>
    call<RevisionResponse>('GET', `translate/job/${seg(id)}/revision/${seg(revId)}`),

  /** `GET translate/job/{id}/feedback`. */
  getJobFeedback: (id: Id) => call<FeedbackResponse>('GET', `translate/job/${seg(id)}/feedback`),

  /** `GET translate/job/{id}/comments`: the job's thread. */
  listJobComments: (id: Id) => call<CommentsResponse>('GET', `translate/job/${seg(id)}/comments`),
  /** `POST translate/job/{id}/comment`. Not retried once it may have been received (no duplicates). */
  postJobComment: (id: Id, body: string) =>
    call<Record<string, unknown>>('POST', `translate/job/${seg(id)}/comment`, { data: { body } }),
});
