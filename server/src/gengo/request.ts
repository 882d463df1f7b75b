import { GengoApiError } from './errors';
import type { Pacer } from './pacing';
import {
  backoffDelay,
  isIdempotentMethod,
  isRetryable,
  isThrottled,
  parseRetryAfter,
  type BackoffOptions,
} from './retry';
import { createTransport, type SendOptions, type TransportConfig } from './transport';
import type { HttpMethod } from './types';

export interface RequestConfig extends TransportConfig {
  /** Retries after the first attempt (0 = none). */
  retries: number;
  backoff: BackoffOptions;
  sleep: (ms: number) => Promise<void>;
  onRetry?: (info: RetryInfo) => void;
  /** Every request waits here for its turn (pacing.ts). */
  pacer: Pacer;
  /** Longest `Retry-After` honoured (a throttled minute: 60 s). */
  retryAfterMaxMs: number;
}

export interface RetryInfo {
  method: HttpMethod;
  path: string;
  attempt: number;
  delayMs: number;
  error: unknown;
}

export interface CallOptions extends SendOptions {
  /**
   * Whether sending the call twice is harmless. Defaults to true for GET/PUT/DELETE and false for
   * POST; read-only POSTs (quotes) set it.
   */
  idempotent?: boolean;
  /** Overrides the client's retry count for this call. */
  retries?: number;
}

export type Call = <T>(method: HttpMethod, path: string, opts?: CallOptions) => Promise<T>;

/**
 * Sends a call with retries: exponential backoff with jitter (retry.ts), honouring `Retry-After`
 * (up to `retryAfterMaxMs`). Each attempt waits for its turn (pacing.ts) and is signed again with
 * a fresh `ts`. A throttled answer (429 / 2800) holds every call of the process to that host for
 * its Retry-After, not only this one.
 */
export const createRequester = (config: RequestConfig): Call => {
  const send = createTransport(config);
  const maxDelay = config.backoff.maxDelayMs ?? 30_000;

  return async function call<T>(method: HttpMethod, path: string, opts: CallOptions = {}): Promise<T> {
    const idempotent = opts.idempotent ?? isIdempotentMethod(method);
    const retries = opts.retries ?? config.retries;
    for (let attempt = 0; ; attempt++) {
      try {
        return (await config.pacer.run(() => send<T>(method, path, opts))).value;
      } catch (error) {
        if (attempt >= retries || !isRetryable(error, idempotent)) throw error;
        const retryAfter =
          error instanceof GengoApiError && (isThrottled(error) || error.status === 503)
            ? parseRetryAfter(error.retryAfter, config.now())
            : undefined;
        const delayMs =
          retryAfter !== undefined
            ? Math.min(retryAfter, config.retryAfterMaxMs)
            : Math.min(backoffDelay(attempt, config.backoff), maxDelay);
        if (isThrottled(error)) config.pacer.pause(delayMs);
        config.onRetry?.({ method, path, attempt: attempt + 1, delayMs, error });
        await config.sleep(delayMs);
      }
    }
  };
};

/** Encodes a path segment (ids come from callers and from Gengo). */
export const seg = (value: string | number): string => encodeURIComponent(String(value));
