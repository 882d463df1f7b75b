import { normalizePostJobsAnswer } from '../answers/post-jobs';
import { GengoAmbiguousOrderError, GengoApiError, type GengoRequestInfo } from '../errors';
import { backoffDelay, isAmbiguousPostFailure } from '../retry';
import type { Call } from '../request';
import { unixSeconds } from '../signing';
import type {
  Job,
  JobPayload,
  NumLike,
  OrderResponse,
  PostJobsRequest,
  PostJobsResponse,
  PostJobsResult,
} from '../types';
import { JOBS_BY_IDS_CHUNK, type JobsEndpoints } from './jobs';

/*
 * Ordering without double orders
 * ==============================
 * `POST translate/jobs` spends credits. Sending it twice after a failure that hides whether Gengo
 * processed it (a timeout, a reset connection, a 5xx, a 2xx without an envelope) could create two
 * orders and charge twice. Gengo has no idempotency key, so:
 *
 * 1. Every order carries a caller-chosen `reference` (a UUID): each job's `custom_data` contains it
 *    (set when the job has none; a job whose custom_data lacks it is refused before sending).
 * 2. `submittedAfter` = Unix time before sending, minus a skew margin (server and client clocks).
 * 3. The POST itself is retried by the requester only when it provably did not reach Gengo
 *    (connection refused, DNS failure) or Gengo refused it with 429: nothing was created then.
 *    A Gengo error envelope (insufficient credits, bad payload…) is an answer: thrown as is.
 * 4. After an ambiguous failure the client never posts again. It reconciles: lists
 *    `translate/jobs?timestamp_after=<submittedAfter>`, fetches those jobs by id, keeps the ones whose
 *    custom_data contains the reference, and answers their order (totals from
 *    `translate/order/{id}`) with `reconciled: true`. Jobs are created asynchronously, so it looks a
 *    few times with backoff (`reconcile.attempts`, `reconcile.delayMs`).
 *    Gengo's error 1754 (an identical payload was posted in the last minutes) is handled the same
 *    way: the payload carries our unique reference, so an earlier send of it did arrive.
 * 5. Found nothing: absence is no proof (the jobs may still be queued), so it throws
 *    `GengoAmbiguousOrderError` (reference, submittedAfter). The caller keeps the order pending and
 *    resolves it later with `findOrderByReference(reference, submittedAfter)`; only the caller can
 *    decide, after long enough, that nothing was created and order again.
 */

export interface ReconcileOptions {
  /** Listings tried after an ambiguous failure (default 4). */
  attempts: number;
  /** Wait before the 2nd listing; grows ×1.6 (default 2000 ms). */
  delayMs: number;
  /** Subtracted from the local clock for `timestamp_after` (default 600 s). */
  skewSeconds: number;
}

/** Gengo's "identical payload posted recently" error. */
export const IDENTICAL_PAYLOAD_CODE = 1754;

const needsReconciliation = (error: unknown): boolean =>
  isAmbiguousPostFailure(error) || (error instanceof GengoApiError && error.code === IDENTICAL_PAYLOAD_CODE);

export const DEFAULT_RECONCILE: ReconcileOptions = { attempts: 4, delayMs: 2000, skewSeconds: 600 };

export interface PostJobsOptions {
  /** Unique per order attempt (a UUID): 8–128 characters, placed in every job's custom_data. */
  reference: string;
}

const MAX_CUSTOM_DATA_BYTES = 1024;

/** Puts the reference in each job's custom_data (or checks it is there). Throws TypeError otherwise. */
export const stampReference = (jobs: Record<string, JobPayload>, reference: string): Record<string, JobPayload> => {
  if (typeof reference !== 'string' || reference.length < 8 || reference.length > 128) {
    throw new TypeError('postJobs: `reference` must be a unique string of 8 to 128 characters (a UUID)');
  }
  const out: Record<string, JobPayload> = {};
  for (const [key, job] of Object.entries(jobs)) {
    const customData = job.custom_data ?? reference;
    if (!customData.includes(reference)) {
      throw new TypeError(`postJobs: ${key}.custom_data must contain the order reference`);
    }
    if (Buffer.byteLength(customData, 'utf8') > MAX_CUSTOM_DATA_BYTES) {
      throw new TypeError(`postJobs: ${key}.custom_data exceeds ${MAX_CUSTOM_DATA_BYTES} bytes`);
    }
    out[key] = { type: 'text', ...job, custom_data: customData };
  }
  return out;
};

export interface PostJobsDeps {
  call: Call;
  jobs: Pick<JobsEndpoints, 'listJobs' | 'getJobs'>;
  getOrder: (id: NumLike) => Promise<OrderResponse>;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  reconcile: ReconcileOptions;
}

export const postJobsEndpoints = (deps: PostJobsDeps) => {
  const findOrderByReference = async (reference: string, submittedAfter: number): Promise<PostJobsResult | null> => {
    const listed = await deps.jobs.listJobs({ timestamp_after: submittedAfter });
    const ids = (Array.isArray(listed) ? listed : []).map((j) => j.job_id);
    const matches: Job[] = [];
    for (let i = 0; i < ids.length; i += JOBS_BY_IDS_CHUNK) {
      const { jobs } = await deps.jobs.getJobs(ids.slice(i, i + JOBS_BY_IDS_CHUNK));
      for (const job of jobs ?? []) if (job.custom_data?.includes(reference)) matches.push(job);
    }
    if (!matches.length) return null;

    const orderId = matches.find((j) => j.order_id != null)?.order_id;
    const sumCredits = matches.reduce((s, j) => s + Number(j.credits ?? 0), 0);
    const base: PostJobsResult = {
      order_id: orderId,
      job_count: matches.length,
      credits_used: Math.round(sumCredits * 100) / 100,
      currency: matches[0].currency,
      reconciled: true,
      reference,
      // Jobs found by their reference are new jobs of the order, not answered at once.
      answered: normalizePostJobsAnswer({}, undefined),
    };
    if (orderId == null) return base;
    try {
      const { order } = await deps.getOrder(orderId);
      return {
        ...base,
        job_count: order.total_jobs ?? base.job_count,
        credits_used: order.total_credits ?? base.credits_used,
        currency: order.currency ?? base.currency,
      };
    } catch {
      return base;
    }
  };

  const postJobs = async (request: PostJobsRequest, opts: PostJobsOptions): Promise<PostJobsResult> => {
    const data: PostJobsRequest = { ...request, jobs: stampReference(request.jobs, opts.reference) };
    const submittedAfter = unixSeconds(deps.now()) - deps.reconcile.skewSeconds;
    try {
      const response = await deps.call<PostJobsResponse>('POST', 'translate/jobs', { data, idempotent: false });
      const answered = normalizePostJobsAnswer(data.jobs, response?.jobs);
      return { ...response, reconciled: false, reference: opts.reference, answered };
    } catch (error) {
      if (!needsReconciliation(error)) throw error;
      let lastReconcileError: unknown;
      for (let attempt = 0; attempt < deps.reconcile.attempts; attempt++) {
        if (attempt > 0)
          await deps.sleep(backoffDelay(attempt - 1, { baseDelayMs: deps.reconcile.delayMs, jitter: 0.1 }));
        try {
          const found = await findOrderByReference(opts.reference, submittedAfter);
          if (found) return { ...found, answered: normalizePostJobsAnswer(data.jobs, undefined) };
        } catch (reconcileError) {
          lastReconcileError = reconcileError;
        }
      }
      const request: GengoRequestInfo = (error as any)?.request ?? {
        method: 'POST',
        url: 'translate/jobs',
        path: 'translate/jobs',
      };
      const ambiguous = new GengoAmbiguousOrderError({
        request,
        reference: opts.reference,
        submittedAfter,
        cause: error,
      });
      if (lastReconcileError) (ambiguous as any).reconcileError = lastReconcileError;
      throw ambiguous;
    }
  };

  return { postJobs, findOrderByReference };
};
