/// <reference lib="es2022.error" />
import type { GengoErrorDetail, HttpMethod } from './types';

/** Query/form fields whose values never leave the client in an error, a log line or a message. */
const SECRET_PARAMS = ['api_key', 'api_sig', 'private_key', 'privateKey'];

/**
 * The URL with credential values replaced (octokit's RequestError does the same for tokens):
 * `...?api_key=[REDACTED]&ts=1700000000&api_sig=[REDACTED]`.
 */
export const redactUrl = (url: string): string =>
  url.replace(new RegExp(`([?&](?:${SECRET_PARAMS.join('|')})=)[^&#]*`, 'gi'), '$1[REDACTED]');

export interface GengoRequestInfo {
  method: HttpMethod;
  /** Redacted: no api_key / api_sig values. */
  url: string;
  /** The endpoint path, e.g. `translate/jobs`. */
  path: string;
}

/** Base class of every error the Gengo client throws. */
export class GengoError extends Error {
  readonly request: GengoRequestInfo;

  constructor(message: string, request: GengoRequestInfo, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.request = { ...request, url: redactUrl(request.url) };
  }

  get method(): HttpMethod {
    return this.request.method;
  }

  get url(): string {
    return this.request.url;
  }
}

/**
 * Gengo answered, and the answer is a failure: `{"opstat":"error","err":{…}}` (with any HTTP status,
 * 200 included), or an HTTP error status without a usable envelope (a proxy's 502 page).
 */
export class GengoApiError extends GengoError {
  /** HTTP status of the answer (200 when Gengo reports the error in the body only). */
  readonly status: number;
  /** Gengo's error code (`err.code`); undefined for per-job errors only, or a non-Gengo answer. */
  readonly code: number | undefined;
  /** Gengo's message (`err.msg`), unchanged. */
  readonly gengoMessage: string | undefined;
  /** Errors of single jobs of a multi-job payload, keyed like the payload (`job_1`…). */
  readonly jobErrors: Record<string, GengoErrorDetail[]>;
  /** The parsed body (the envelope), or up to 2 KB of a non-JSON body. */
  readonly body: unknown;
  /** The `Retry-After` header of the answer, if any (429/503). */
  readonly retryAfter: string | undefined;

  constructor(args: {
    request: GengoRequestInfo;
    status: number;
    code?: number;
    gengoMessage?: string;
    jobErrors?: Record<string, GengoErrorDetail[]>;
    body?: unknown;
    message?: string;
    retryAfter?: string;
    cause?: unknown;
  }) {
    const jobErrors = args.jobErrors ?? {};
    const message =
      args.message ?? describeApiError(args.status, args.code, args.gengoMessage, jobErrors, args.request);
    super(message, args.request, { cause: args.cause });
    this.status = args.status;
    this.code = args.code;
    this.gengoMessage = args.gengoMessage;
    this.jobErrors = jobErrors;
    this.body = args.body;
    this.retryAfter = args.retryAfter;
  }

  /** Gengo's code 1000: the keys or the signature were refused. */
  get isAuthenticationError(): boolean {
    return this.code === 1000;
  }
}

const describeApiError = (
  status: number,
  code: number | undefined,
  msg: string | undefined,
  jobErrors: Record<string, GengoErrorDetail[]>,
  request: GengoRequestInfo
): string => {
  const where = `${request.method} ${request.path}`;
  if (code !== undefined || msg) return `Gengo error${code !== undefined ? ` ${code}` : ''}: ${msg ?? ''} (${where})`;
  const keys = Object.keys(jobErrors);
  if (keys.length) {
    const first = jobErrors[keys[0]][0];
    const more = keys.length > 1 ? ` and ${keys.length - 1} more job(s)` : '';
    return `Gengo error for ${keys[0]}: ${first?.code ?? ''} ${first?.msg ?? ''}${more} (${where})`;
  }
  return `Gengo answered HTTP ${status} (${where})`;
};

/** No (complete) answer: connection refused or reset, DNS failure, timeout. */
export class GengoTransportError extends GengoError {
  /** The system or axios error code: ECONNREFUSED, ECONNRESET, ETIMEDOUT, EAI_AGAIN… */
  readonly code: string | undefined;
  /**
   * Whether the request can have reached Gengo. False only when the connection was never made
   * (refused, DNS failure): then a POST is provably not processed.
   */
  readonly maybeSent: boolean;
  readonly timedOut: boolean;

  constructor(
    message: string,
    request: GengoRequestInfo,
    opts: { code?: string; maybeSent: boolean; timedOut?: boolean; cause?: unknown }
  ) {
    super(message, request, { cause: opts.cause });
    this.code = opts.code;
    this.maybeSent = opts.maybeSent;
    this.timedOut = opts.timedOut ?? false;
  }
}

/** The call took longer than `timeoutMs` (the whole exchange, not one socket read). */
export class GengoTimeoutError extends GengoTransportError {
  readonly timeoutMs: number;

  constructor(request: GengoRequestInfo, timeoutMs: number, cause?: unknown) {
    super(`Gengo did not answer within ${timeoutMs} ms (${request.method} ${request.path})`, request, {
      code: 'ETIMEDOUT',
      maybeSent: true,
      timedOut: true,
      cause,
    });
    this.timeoutMs = timeoutMs;
  }
}

/**
 * A `POST translate/jobs` failed in a way that leaves open whether Gengo created the order
 * (timeout, connection reset, 5xx), and reconciliation found no job carrying the reference yet.
 * Do not post again: resolve later with `client.findOrderByReference(reference, submittedAfter)`.
 */
export class GengoAmbiguousOrderError extends GengoError {
  readonly reference: string;
  /** Unix seconds, taken before the POST was sent (minus the skew margin). */
  readonly submittedAfter: number;

  constructor(args: { request: GengoRequestInfo; reference: string; submittedAfter: number; cause: unknown }) {
    super(
      `Gengo order ${args.reference} is in an unknown state: the POST failed ambiguously and no job carrying the reference was found yet; do not re-post, reconcile later`,
      args.request,
      { cause: args.cause }
    );
    this.reference = args.reference;
    this.submittedAfter = args.submittedAfter;
  }
}

/**
 * Gengo answered, but without what was asked: a quote lacking a price for a job we asked about
 * (`missing` holds our keys). Never read as a price of 0.
 */
export class GengoIncompleteAnswerError extends GengoError {
  readonly missing: string[];

  constructor(args: { request: GengoRequestInfo; missing: string[]; asked: number }) {
    super(
      `Gengo's answer has no usable price for ${args.missing.join(', ')} (asked about ${args.asked} job(s)): nothing is priced from it`,
      args.request
    );
    this.missing = args.missing;
  }
}

/**
 * A state change (approve, revise, reject, cancel) whose outcome is not known: its answer was lost
 * (timeout, reset connection, a 5xx without Gengo's envelope), the call was not sent again (it
 * changes a job once), and the job(s), read again, are not in the state the action leads to — or
 * could not be read. `observed`: each job's status as read (absent when it could not be read).
 * A reject is never sent twice with the same captcha: `needsFreshCaptcha` says to ask for a new one.
 */
export class GengoUnconfirmedChangeError extends GengoError {
  readonly action: string;
  readonly jobIds: string[];
  readonly observed: Record<string, string>;
  readonly needsFreshCaptcha: boolean;

  constructor(args: {
    request: GengoRequestInfo;
    action: string;
    /** What the action was on, for the message: `job 123`, `jobs 1, 2`, `order 9`. */
    target: string;
    jobIds: string[];
    observed: Record<string, string>;
    cause: unknown;
  }) {
    const needsFreshCaptcha = args.action === 'reject';
    const seen = Object.entries(args.observed).map(([id, status]) => `job ${id} is ${status}`);
    const state = seen.length ? `read again, ${seen.join(', ')}` : 'it could not be read again';
    const next = needsFreshCaptcha
      ? 'a fresh captcha is needed to reject it again'
      : 'the change may not have happened; try again';
    super(`Gengo's answer to ${args.action} ${args.target} was lost and ${state}: ${next}`, args.request, {
      cause: args.cause,
    });
    this.action = args.action;
    this.jobIds = args.jobIds;
    this.observed = args.observed;
    this.needsFreshCaptcha = needsFreshCaptcha;
  }
}

/** Whether `err` says the request was answered with an HTTP 5xx (or 429) and is worth retrying. */
export const isRetryableStatus = (status: number): boolean => status === 429 || status >= 500;
