import { GengoApiError, GengoTransportError, isRetryableStatus } from './errors';
import type { HttpMethod } from './types';

/**
 * Exponential backoff with jitter, as deepl-node's BackoffTimer: the first wait is `baseDelayMs`
 * (1 s by default), each next one ×1.6, each randomised by ±23 %, and never above `maxDelayMs`.
 */
export interface BackoffOptions {
  baseDelayMs?: number;
  multiplier?: number;
  /** Fraction of the delay added or removed at random (0.23 → ±23 %). */
  jitter?: number;
  maxDelayMs?: number;
  /** Injected for deterministic tests; defaults to Math.random. */
  random?: () => number;
}

export const DEFAULT_BACKOFF = { baseDelayMs: 1000, multiplier: 1.6, jitter: 0.23, maxDelayMs: 30_000 };

/** Delay before retry number `attempt` (0 for the first retry). */
export const backoffDelay = (attempt: number, opts: BackoffOptions = {}): number => {
  const base = opts.baseDelayMs ?? DEFAULT_BACKOFF.baseDelayMs;
  const multiplier = opts.multiplier ?? DEFAULT_BACKOFF.multiplier;
  const jitter = opts.jitter ?? DEFAULT_BACKOFF.jitter;
  const max = opts.maxDelayMs ?? DEFAULT_BACKOFF.maxDelayMs;
  const random = opts.random ?? Math.random;
  const raw = Math.min(base * multiplier ** attempt, max);
  const jittered = raw * (1 + jitter * (2 * random() - 1));
  return Math.max(0, Math.min(Math.round(jittered), max));
};

/**
 * Whether a failed call may be sent again.
 * - Idempotent calls (GET, PUT, DELETE, and POSTs that change nothing, like quotes): after a
 *   transport error, a timeout, an HTTP 5xx or 429.
 * - Other POSTs (orders, comments): only when the request provably was not processed: the
 *   connection was never made (refused, DNS), or Gengo answered 429 (rate limit, nothing done).
 * A Gengo error envelope with a 2xx/4xx status is an answer, never retried.
 */
export const isRetryable = (err: unknown, idempotent: boolean): boolean => {
  if (err instanceof GengoTransportError) return idempotent || !err.maybeSent;
  if (err instanceof GengoApiError) {
    if (isThrottled(err)) return true;
    return idempotent && isRetryableStatus(err.status);
  }
  return false;
};

/** Gengo's throttle (throttling.md: 150 requests a minute): HTTP 429, or code 2800 "API temporarily unavailable". */
export const GENGO_THROTTLED_CODE = 2800;

/** Gengo refused the call unprocessed because of its rate limit: waiting (Retry-After) and sending again is safe. */
export const isThrottled = (err: unknown): boolean =>
  err instanceof GengoApiError && (err.status === 429 || err.code === GENGO_THROTTLED_CODE);

export const isIdempotentMethod = (method: HttpMethod): boolean => method !== 'POST';

/**
 * Whether a failure leaves open that a call which changes something was processed (the ambiguous
 * case): no complete answer, a 5xx, or a 2xx that is not Gengo's envelope.
 */
export const isAmbiguousFailure = (err: unknown): boolean => {
  if (err instanceof GengoTransportError) return err.maybeSent;
  if (err instanceof GengoApiError) {
    // A 5xx, or a 2xx that is not Gengo's envelope (a proxy's page, a truncated body).
    return err.status >= 500 || (err.status < 300 && typeof err.body === 'string');
  }
  return false;
};

/** The ambiguous case of a `POST translate/jobs` (see endpoints/post-jobs.ts). */
export const isAmbiguousPostFailure = isAmbiguousFailure;

/** `Retry-After` in ms (seconds or an HTTP date), or undefined. */
export const parseRetryAfter = (value: string | undefined, nowMs: number): number | undefined => {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
};
