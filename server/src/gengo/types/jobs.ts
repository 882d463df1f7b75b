/**
 * Requests and responses of the Gengo API v2, as documented on Gengo's pages. Gengo sends some
 * numbers as strings (credits, ids in order listings): those fields are typed `number | string`.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';
export type NumLike = number | string;

export type Tier = 'machine' | 'standard' | 'pro' | 'ultra';

export type JobStatus =
  | 'queued'
  | 'available'
  | 'pending'
  | 'reviewable'
  | 'approved'
  | 'revising'
  | 'rejected'
  | 'canceled'
  | 'cancelled'
  | 'hold';

/** One error as Gengo reports it. */
export interface GengoErrorDetail {
  code: number;
  msg: string;
}

export interface GengoOkEnvelope<T> {
  opstat: 'ok';
  response: T;
}

export interface GengoErrorEnvelope {
  opstat: 'error';
  /** `{code, msg}`, or per-job errors keyed like the payload: `{ job_1: [{code, msg}] }`. */
  err: Partial<GengoErrorDetail> & Record<string, unknown>;
}

// ---------------------------------------------------------------- jobs

/** One job of a `POST translate/jobs` (or quote) payload. */
export interface JobPayload {
  /** `text` (default here) or `file` with the `identifier` of a file quote. */
  type?: 'text' | 'file';
  identifier?: string;
  slug: string;
  body_src: string;
  lc_src: string;
  lc_tgt: string;
  tier: Tier;
  auto_approve?: 0 | 1;
  comment?: string;
  callback_url?: string;
  /** Up to 1 KB. */
  custom_data?: string;
  force?: 0 | 1;
  use_preferred?: 0 | 1;
  position?: number;
  purpose?: string;
  tone?: string;
  glossary_id?: number;
  max_chars?: number;
  attachments?: { url: string; filename: string; mime_type: string }[];
}

export interface PostJobsRequest {
  /** Keyed payloads (`job_1`, `job_2`…). */
  jobs: Record<string, JobPayload>;
  as_group?: 0 | 1;
  allow_fork?: 0 | 1;
  /** A comment for the whole order. */
  comment?: string;
}

export interface Job {
  job_id: NumLike;
  order_id?: NumLike;
  slug: string;
  body_src: string;
  body_tgt?: string;
  lc_src: string;
  lc_tgt: string;
  unit_count: NumLike;
  tier: Tier;
  credits: NumLike;
  currency: string;
  status: JobStatus;
  eta: number;
  callback_url?: string;
  auto_approve: NumLike | boolean;
  ctime: number;
  custom_data?: string;
  captcha_url?: string;
  preview_url?: string;
  mt?: number;
  file_url_src?: string;
  file_url_tgt?: string;
}

/**
 * `POST translate/jobs`. New jobs: `order_id, job_count, credits_used, currency`. Payloads that were
 * already translated (lazy loading) add `jobs`: keyed lists, or a list of lists for repeats.
 */
export interface PostJobsResponse {
  order_id?: NumLike;
  job_count: NumLike;
  credits_used: NumLike;
  currency: string;
  jobs?: Record<string, Job[]> | Job[][];
}

/**
 * Which Gengo job(s) serve each job key of a `POST translate/jobs`, read from whichever documented
 * shape Gengo answered (answers/post-jobs.ts): nothing listed (all new), `jobs` keyed by our keys
 * with a list each (old jobs, lazy loading), `jobs` as a list of lists (repeats sharing one job,
 * charged once), or a mix.
 */
export interface PostedJobs {
  /**
   * Every key we posted, in posting order: the jobs Gengo listed for it (the first is the one to
   * follow; more when `force` was used in past POSTs). `[]` when Gengo listed none: a new job of
   * the order, whose id comes later (callbacks, the order, custom_data).
   */
  byKey: Record<string, Job[]>;
  /** Each job Gengo listed, once, with every posted key it serves (several for repeats). */
  jobs: Array<{ job: Job; keys: string[] }>;
  /** Jobs Gengo listed that match no key we posted: reported, never guessed onto a key. */
  unmatched: Job[];
}

/** The client's answer to `postJobs`: Gengo's, or the order found by reconciliation. */
export interface PostJobsResult extends PostJobsResponse {
  /** True when the POST failed ambiguously and the order was found by its reference. */
  reconciled: boolean;
  /** The reference placed in each job's custom_data. */
  reference: string;
  /** Gengo's `jobs` normalized: which job(s) serve each posted key (all `[]` when reconciled). */
  answered: PostedJobs;
}

export interface ListJobsParams {
  status?: 'available' | 'pending' | 'reviewable' | 'approved' | 'rejected' | 'canceled';
  /** Unix seconds. */
  timestamp_after?: number;
  /** Default 10, maximum 200. */
  count?: number;
}

export type ListJobsResponse = { job_id: NumLike; ctime: NumLike }[];

export interface JobsByIdsResponse {
  jobs: Job[];
}

export interface JobGroupResponse {
  jobs: Job[];
  [key: string]: unknown;
}

// ---------------------------------------------------------------- job actions

export interface ApproveAction {
  action: 'approve';
  rating?: 1 | 2 | 3 | 4 | 5;
  for_translator?: string;
  for_mygengo?: string;
  public?: 0 | 1;
}
export interface ReviseAction {
  action: 'revise';
  comment: string;
}
export interface RejectAction {
  action: 'reject';
  reason: 'quality' | 'incomplete' | 'other';
  comment: string;
  captcha: string;
  follow_up?: 'requeue' | 'cancel';
}
export type JobAction = ApproveAction | ReviseAction | RejectAction;

/** `PUT translate/jobs`: one action for several jobs. */
export type BulkJobsAction =
  | { action: 'approve'; job_ids: ({ job_id: NumLike } & Omit<ApproveAction, 'action'>)[] }
  | { action: 'revise'; job_ids: ({ job_id: NumLike } & Omit<ReviseAction, 'action'>)[] }
  | { action: 'reject'; job_ids: ({ job_id: NumLike } & Omit<RejectAction, 'action'>)[] }
  | { action: 'archive'; job_ids: NumLike[] };

export interface BulkJobsResponse {
  jobs?: { job_id: NumLike; [key: string]: unknown }[];
  [key: string]: unknown;
}

/**
 * What a state change (approve, revise, reject, cancel) returned. `answered`: Gengo answered the
 * call. `confirmed`: the answer was lost (timeout, reset, a 5xx without Gengo's envelope) or was a
 * "wrong state" refusal, and the job(s), read again, are in the state the action leads to.
 */
export interface StateChangeResult<R = Record<string, unknown>> {
  outcome: 'answered' | 'confirmed';
  /** Gengo's answer (`{}` when confirmed by reading the job again). */
  response: R;
  /** The job(s) as read again, when confirmed. */
  jobs?: Job[];
}

export interface Comment {
  body: string;
  author: 'customer' | 'worker' | string;
  ctime: number;
  [key: string]: unknown;
}
export interface CommentsResponse {
  thread: Comment[];
}

export interface Revision {
  rev_id?: NumLike;
  ctime: number;
  body_tgt?: string;
  [key: string]: unknown;
}
export interface RevisionsResponse {
  job_id: NumLike;
  revisions: Revision[];
}
export interface RevisionResponse {
  revision: Revision;
}
export interface FeedbackResponse {
  feedback: { rating?: NumLike; for_translator?: string; [key: string]: unknown };
}

// ---------------------------------------------------------------- orders

export interface Order {
  order_id: NumLike;
  as_group?: NumLike;
  total_jobs?: NumLike;
  total_credits?: NumLike;
  total_units?: NumLike;
  currency?: string;
  jobs_queued?: NumLike;
  jobs_available?: NumLike[];
  jobs_pending?: NumLike[];
  jobs_reviewable?: NumLike[];
  jobs_approved?: NumLike[];
  jobs_revising?: NumLike[];
  jobs_rejected?: NumLike[];
  jobs_cancelled?: NumLike[];
  jobs_held?: NumLike[];
  [key: string]: unknown;
}
export interface OrderResponse {
  order: Order;
}
