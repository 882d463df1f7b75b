/**
 * Gengo API v2 client. Imports nothing from Strapi.
 *
 *   account/stats GET ............................ getAccountStats()
 *   account/balance GET .......................... getAccountBalance()
 *   account/me GET ............................... getAccountMe()
 *   account/preferred_translators GET ............ getPreferredTranslators()
 *   translate/glossary GET ....................... listGlossaries()
 *   translate/glossary/{id} GET .................. getGlossary(id)
 *   translate/job/{id} GET ....................... getJob(id, { preMt })
 *   translate/job/{id} PUT ....................... updateJob(id, action) / approveJob / reviseJob / rejectJob  (once)
 *   translate/job/{id} DELETE .................... cancelJob(id)  (once)
 *   translate/job/{id}/preview GET ............... getJobPreview(id) → Buffer
 *   translate/job/{id}/revisions GET ............. listJobRevisions(id)
 *   translate/job/{id}/revision/{rev} GET ........ getJobRevision(id, rev)
 *   translate/job/{id}/feedback GET .............. getJobFeedback(id)
 *   translate/job/{id}/comments GET .............. listJobComments(id)
 *   translate/job/{id}/comment POST .............. postJobComment(id, body)
 *   translate/jobs GET ........................... listJobs({ status, timestamp_after, count })
 *   translate/jobs/{ids} GET ..................... getJobs(ids)
 *   translate/jobs/group/{id} GET ................ getJobGroup(id)
 *   translate/jobs POST .......................... postJobs(request, { reference })  (never double-orders)
 *   translate/jobs PUT ........................... updateJobs(action) / approveJobs / reviseJobs / rejectJobs (once) / archiveJobs
 *   translate/order/{id} GET ..................... getOrder(id)
 *   translate/order/{id} DELETE .................. cancelOrder(id)  (once)
 *   translate/order/{id}/comments GET ............ listOrderComments(id)
 *   translate/order/{id}/comment POST ............ postOrderComment(id, body)
 *   translate/service/languages GET .............. getLanguages()
 *   translate/service/language_pairs GET ......... getLanguagePairs({ lc_src })
 *   translate/service/language_matrix GET ........ getLanguageMatrix({ lc_src, lc_tgt })
 *   translate/service/quote POST ................. getQuote(request)
 *   translate/service/quote/file POST ............ getFileQuote(request)  (multipart)
 *   (reconciliation) ............................. findOrderByReference(reference, submittedAfter)
 * "(once)": a state change, sent once and confirmed by reading the job again (endpoints/state-changes.ts).
 */
export { createGengoClient, normalizeBaseUrl, GENGO_BASE_URLS } from './client';
export type { GengoClient, GengoClientOptions, GengoEnvironment } from './client';
export {
  GengoError,
  GengoApiError,
  GengoTransportError,
  GengoTimeoutError,
  GengoAmbiguousOrderError,
  GengoIncompleteAnswerError,
  GengoUnconfirmedChangeError,
  redactUrl,
  isRetryableStatus,
} from './errors';
export type { GengoRequestInfo } from './errors';
export { signTimestamp, authParams, unixSeconds } from './signing';
export {
  backoffDelay,
  isRetryable,
  isAmbiguousFailure,
  isAmbiguousPostFailure,
  isThrottled,
  DEFAULT_BACKOFF,
} from './retry';
export { normalizePostJobsAnswer } from './answers/post-jobs';
export { normalizeQuoteAnswer } from './answers/quote';
export { STATES_AFTER, WRONG_STATE_CODES } from './endpoints/state-changes';
export { DEFAULT_RATE_LIMIT, sharedPacer } from './pacing';
export { AUTO_APPROVE_WARN_MS, autoApproveAt, autoApprovePeriodMs } from './auto-approval';
export type { RateLimitOptions, Pacer } from './pacing';
export type { BackoffOptions } from './retry';
export { DEFAULT_RECONCILE, stampReference } from './endpoints/post-jobs';
export type { ReconcileOptions, PostJobsOptions } from './endpoints/post-jobs';
export type { RetryInfo } from './request';
export { DEFAULT_USER_AGENT, PLUGIN_VERSION, APP_NAME, gengoUserAgent } from './version';
export * from './types';
