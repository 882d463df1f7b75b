import { accountEndpoints } from './endpoints/account';
import { glossaryEndpoints } from './endpoints/glossary';
import { jobEndpoints } from './endpoints/job';
import { jobsEndpoints } from './endpoints/jobs';
import { orderEndpoints } from './endpoints/order';
import { DEFAULT_RECONCILE, postJobsEndpoints, type ReconcileOptions } from './endpoints/post-jobs';
import { serviceEndpoints } from './endpoints/service';
import { stateChangeEndpoints } from './endpoints/state-changes';
import { sharedPacer, UNPACED, type RateLimitOptions } from './pacing';
import { createRequester, type RetryInfo } from './request';
import { DEFAULT_BACKOFF, type BackoffOptions } from './retry';
import { gengoUserAgent } from './version';

export const GENGO_BASE_URLS = {
  production: 'https://api.gengo.com/v2/',
  sandbox: 'https://api.sandbox.gengo.com/v2/',
} as const;

export type GengoEnvironment = keyof typeof GENGO_BASE_URLS;

export interface GengoClientOptions {
  publicKey: string;
  privateKey: string;
  /** `GENGO_BASE_URLS.production`, `.sandbox`, or any other (emulator, proxy) ending in `/v2/`. */
  baseUrl: string;
  /** Bound on one whole exchange (default 30 000 ms). */
  timeoutMs?: number;
  /** Retries of idempotent calls after transport errors, timeouts, 5xx and 429 (default 3). */
  retries?: number;
  /**
   * The site's public URL, sent in the User-Agent Gengo asks for (best_practices.md):
   * `Gengo strapi-plugin-gengo; Version <version>; <siteUrl>;`.
   */
  siteUrl?: string | null;
  /** Replaces the whole User-Agent. */
  userAgent?: string;
  /**
   * Pacing below Gengo's 150 requests a minute (pacing.ts), shared by every client of the process
   * on the same API host: default 120 a minute with bursts of 20. `false`: none.
   */
  rateLimit?: RateLimitOptions | false;
  /** Longest wait a 429 / 2800 answer's Retry-After may ask for before a retry (default 60 000 ms). */
  retryAfterMaxMs?: number;
  /** Milliseconds since the epoch (default Date.now): signs `ts`. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Backoff of retries (default 1 s ×1.6, ±23 %, ≤ 30 s). */
  backoff?: BackoffOptions;
  /** Reconciliation after an ambiguous `POST translate/jobs` (see endpoints/post-jobs.ts). */
  reconcile?: Partial<ReconcileOptions>;
  onRetry?: (info: RetryInfo) => void;
}

/** Checks and normalises a base URL: http(s), ending with `/`. */
export const normalizeBaseUrl = (baseUrl: string): string => {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new TypeError(`Gengo base URL is not a URL: ${JSON.stringify(baseUrl)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`Gengo base URL must be http(s): ${JSON.stringify(baseUrl)}`);
  }
  url.search = '';
  url.hash = '';
  const s = url.toString();
  return s.endsWith('/') ? s : `${s}/`;
};

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A typed Gengo API v2 client. Makes no call when created. One method per endpoint:
 * see README of this folder or `index.ts` for the list.
 */
export const createGengoClient = (options: GengoClientOptions) => {
  if (!options.publicKey || !options.privateKey) throw new TypeError('Gengo client needs a public and a private key');
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const baseUrl = normalizeBaseUrl(options.baseUrl);
  const call = createRequester({
    publicKey: options.publicKey,
    privateKey: options.privateKey,
    baseUrl,
    timeoutMs: options.timeoutMs ?? 30_000,
    userAgent: options.userAgent ?? gengoUserAgent({ siteUrl: options.siteUrl }),
    now,
    sleep,
    retries: options.retries ?? 3,
    backoff: { ...DEFAULT_BACKOFF, ...(options.backoff ?? {}) },
    onRetry: options.onRetry,
    pacer: options.rateLimit === false ? UNPACED : sharedPacer(new URL(baseUrl).origin, options.rateLimit),
    retryAfterMaxMs: options.retryAfterMaxMs ?? 60_000,
  });

  const jobs = jobsEndpoints(call);
  const order = orderEndpoints(call);
  const ordering = postJobsEndpoints({
    call,
    jobs,
    getOrder: order.getOrder,
    now,
    sleep,
    reconcile: { ...DEFAULT_RECONCILE, ...(options.reconcile ?? {}) },
  });

  return {
    baseUrl,
    /** The account (public: it travels in every request); with `baseUrl`, the space Gengo's ids live in. */
    publicKey: options.publicKey,
    ...accountEndpoints(call),
    ...glossaryEndpoints(call),
    ...jobEndpoints(call),
    ...jobs,
    ...ordering,
    ...order,
    ...stateChangeEndpoints({ call, getJobs: jobs.getJobs, getOrder: order.getOrder }),
    ...serviceEndpoints(call),
  };
};

export type GengoClient = ReturnType<typeof createGengoClient>;
