import { GengoApiError, GengoError, GengoUnconfirmedChangeError, type GengoRequestInfo } from '../errors';
import { seg, type Call } from '../request';
import { isAmbiguousFailure } from '../retry';
import type {
  ApproveAction,
  BulkJobsAction,
  BulkJobsResponse,
  Job,
  JobAction,
  JobsByIdsResponse,
  NumLike,
  OrderResponse,
  RejectAction,
  StateChangeResult,
} from '../types';

/*
 * State changes: a job is approved, revised, rejected or cancelled once
 * ==========================================================================
 * These PUT/DELETE calls are not idempotent in effect: sent again after a first attempt that
 * worked, Gengo answers "Job is not reviewable" (2250) or "cannot be cancelled" (2252) for an
 * action that happened, and a reject's captcha cannot be used twice. So:
 *
 * 1. The call is sent once. The requester retries it only when it provably did not reach Gengo
 *    (connection refused, DNS) or Gengo throttled it (429 / 2800): nothing was done then.
 * 2. After an ambiguous failure (timeout, reset connection, a 5xx or a 2xx without Gengo's
 *    envelope) the job is read again (a GET, retried as reads are): in the state the action leads
 *    to → success, `outcome: 'confirmed'`; otherwise `GengoUnconfirmedChangeError` (for a reject:
 *    a fresh captcha is needed, the old one is never sent again).
 * 3. A "wrong state" answer (2250, 2252, 2650) is checked the same way: when the job is already in
 *    the state the action leads to (a caller's retry of a call that worked, or the same change made
 *    elsewhere), it is success; otherwise Gengo's refusal stands and is thrown as it came.
 * `archive` is the exception: archiving twice changes nothing, and no job payload shows it, so it
 * is retried like a read.
 */

/** Gengo's "the job is not in a state for this" codes. */
export const WRONG_STATE_CODES: ReadonlySet<number> = new Set([2250, 2252, 2650]);

type Id = NumLike;
export type StateAction = 'approve' | 'revise' | 'reject' | 'cancel';

const statusOf = (job: Job) => (job.status === 'cancelled' ? 'canceled' : String(job.status));

/** The statuses a job is in once the action took effect. A rejected job may be cancelled at once (follow_up). */
export const STATES_AFTER: Record<StateAction, ReadonlySet<string>> = {
  approve: new Set(['approved']),
  revise: new Set(['revising']),
  reject: new Set(['rejected', 'canceled']),
  cancel: new Set(['canceled']),
};

const isWrongState = (err: unknown): err is GengoApiError => {
  if (!(err instanceof GengoApiError)) return false;
  if (err.code !== undefined) return WRONG_STATE_CODES.has(err.code);
  const details = Object.values(err.jobErrors).flat();
  return details.length > 0 && details.every((d) => WRONG_STATE_CODES.has(d.code));
};

interface Change<R> {
  action: StateAction;
  target: string;
  ids: string[];
  send: () => Promise<R>;
  /** Reads the target again: whether the change is in effect, each job's status, the jobs read. */
  check: () => Promise<{ done: boolean; observed: Record<string, string>; jobs: Job[] }>;
  request: GengoRequestInfo;
}

const applyOnce = async <R>(change: Change<R>): Promise<StateChangeResult<R>> => {
  try {
    return { outcome: 'answered', response: await change.send() };
  } catch (error) {
    const wrongState = isWrongState(error);
    if (!wrongState && !isAmbiguousFailure(error)) throw error;
    let seen: Awaited<ReturnType<Change<R>['check']>> | undefined;
    try {
      seen = await change.check();
    } catch (readError) {
      // Gengo said no and cannot be asked again now: its refusal stands.
      if (wrongState) throw error;
      // A definite answer to the re-read (unknown job…) says more than "unknown".
      if (readError instanceof GengoApiError && readError.code !== undefined) throw readError;
    }
    if (seen?.done) return { outcome: 'confirmed', response: {} as R, jobs: seen.jobs };
    if (wrongState) throw error;
    throw new GengoUnconfirmedChangeError({
      request: error instanceof GengoError ? error.request : change.request,
      action: change.action,
      target: change.target,
      jobIds: change.ids,
      observed: seen?.observed ?? {},
      cause: error,
    });
  }
};

export interface StateChangeDeps {
  call: Call;
  getJobs: (ids: Id[]) => Promise<JobsByIdsResponse>;
  getOrder: (id: Id) => Promise<OrderResponse>;
}

export const stateChangeEndpoints = ({ call, getJobs, getOrder }: StateChangeDeps) => {
  /** Whether every job of `ids` is in a state `action` leads to. */
  const checkJobs = (action: StateAction, ids: string[]) => async () => {
    const { jobs } = await getJobs(ids);
    const byId = new Map((jobs ?? []).map((j) => [String(j.job_id), j]));
    const observed: Record<string, string> = {};
    for (const id of ids) if (byId.has(id)) observed[id] = statusOf(byId.get(id)!);
    const done = ids.every((id) => STATES_AFTER[action].has(observed[id] ?? ''));
    return { done, observed, jobs: ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])) };
  };

  const onJob = <R>(action: StateAction, id: Id, method: 'PUT' | 'DELETE', data?: unknown) => {
    const path = `translate/job/${seg(id)}`;
    return applyOnce<R>({
      action,
      target: `job ${id}`,
      ids: [String(id)],
      send: () => call<R>(method, path, { data, idempotent: false }),
      check: checkJobs(action, [String(id)]),
      request: { method, url: path, path },
    });
  };

  const onJobs = (
    action: Exclude<BulkJobsAction['action'], 'archive'>,
    jobIds: Array<{ job_id: NumLike }>,
    data: unknown
  ) => {
    const ids = jobIds.map((j) => String(j.job_id));
    return applyOnce<BulkJobsResponse>({
      action,
      target: `jobs ${ids.join(', ')}`,
      ids,
      send: () => call<BulkJobsResponse>('PUT', 'translate/jobs', { data, idempotent: false }),
      check: checkJobs(action, ids),
      request: { method: 'PUT', url: 'translate/jobs', path: 'translate/jobs' },
    });
  };

  const updateJob = (id: Id, action: JobAction) => onJob<Record<string, unknown>>(action.action, id, 'PUT', action);

  const updateJobs = (action: BulkJobsAction): Promise<StateChangeResult<BulkJobsResponse>> => {
    if (action.action === 'archive')
      return call<BulkJobsResponse>('PUT', 'translate/jobs', { data: action }).then((response) => ({
        outcome: 'answered' as const,
        response,
      }));
    return onJobs(action.action, action.job_ids, action);
  };

  return {
    /** `PUT translate/job/{id}`: approve, revise or reject one job, once (see the header). */
    updateJob,
    approveJob: (id: Id, feedback: Omit<ApproveAction, 'action'> = {}) =>
      updateJob(id, { action: 'approve', ...feedback }),
    reviseJob: (id: Id, comment: string) => updateJob(id, { action: 'revise', comment }),
    /** After a lost answer the captcha is never sent again: `GengoUnconfirmedChangeError.needsFreshCaptcha`. */
    rejectJob: (id: Id, rejection: Omit<RejectAction, 'action'>) => updateJob(id, { action: 'reject', ...rejection }),
    /** `DELETE translate/job/{id}`: cancels a job still `available`. */
    cancelJob: (id: Id) => onJob<Record<string, unknown>>('cancel', id, 'DELETE'),

    /** `PUT translate/jobs`: one action (approve, revise, reject, archive) on several jobs. */
    updateJobs,
    approveJobs: (jobs: Extract<BulkJobsAction, { action: 'approve' }>['job_ids']) =>
      updateJobs({ action: 'approve', job_ids: jobs }),
    reviseJobs: (jobs: Extract<BulkJobsAction, { action: 'revise' }>['job_ids']) =>
      updateJobs({ action: 'revise', job_ids: jobs }),
    rejectJobs: (jobs: Extract<BulkJobsAction, { action: 'reject' }>['job_ids']) =>
      updateJobs({ action: 'reject', job_ids: jobs }),
    archiveJobs: (ids: Id[]) => updateJobs({ action: 'archive', job_ids: ids }),

    /** `DELETE translate/order/{id}`: cancels the order's jobs still available; confirmed when none is left. */
    cancelOrder: (id: Id) => {
      const path = `translate/order/${seg(id)}`;
      return applyOnce<Record<string, unknown>>({
        action: 'cancel',
        target: `order ${id}`,
        ids: [],
        send: () => call<Record<string, unknown>>('DELETE', path, { idempotent: false }),
        check: async () => {
          const { order } = await getOrder(id);
          const available = (order.jobs_available ?? []).map(String);
          const observed = Object.fromEntries(available.map((j) => [j, 'available']));
          return { done: !available.length, observed, jobs: [] };
        },
        request: { method: 'DELETE', url: path, path },
      });
    },
  };
};
