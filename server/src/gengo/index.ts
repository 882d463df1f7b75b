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
 *   translate/job/{id} PUT ....................... updateJob(id, action) / approveJob / reviseJob / rejectJob
 *   translate/job/{id} DELETE .................... cancelJob(id)
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
 *   translate/jobs PUT ........................... updateJobs(action) / approveJobs / reviseJobs / rejectJobs / archiveJobs
 *   translate/order/{id} GET ..................... getOrder(id)
 *   translate/order/{id} DELETE .................. cancelOrder(id)
 *   translate/order/{id}/comments GET ............ listOrderComments(id)
 *   translate/order/{id}/comment POST ............ postOrderComment(id, body)
 *   translate/service/languages GET .............. getLanguages()
 *   translate/service/language_pairs GET ......... getLanguagePairs({ lc_src })
 *   translate/service/language_matrix GET ........ getLanguageMatrix({ lc_src, lc_tgt })
 *   translate/service/quote POST ................. getQuote(request)
 *   translate/service/quote/file POST ............ getFileQuote(request)  (multipart)
 *   (reconciliation) ............................. findOrderByReference(reference, submittedAfter)
 */
export { createGengoClient, normalizeBaseUrl, GENGO_BASE_URLS } from './client';
export type { GengoClient, GengoClientOptions, GengoEnvironment } from './client';
export {
  GengoError,
  GengoApiError,
  GengoTransportError,
  GengoTimeoutError,
  GengoAmbiguousOrderError,
  redactUrl,
  isRetryableStatus,
} from './errors';
export type { GengoRequestInfo } from './errors';
export { signTimestamp, authParams, unixSeconds } from './signing';
export { backoffDelay, isRetryable, isAmbiguousPostFailure, DEFAULT_BACKOFF } from './retry';
export type { BackoffOptions } from './retry';
export { DEFAULT_RECONCILE, stampReference } from './endpoints/post-jobs';
export type { ReconcileOptions, PostJobsOptions } from './endpoints/post-jobs';
export type { RetryInfo } from './request';
export { DEFAULT_USER_AGENT, PLUGIN_VERSION } from './version';
export * from './types';
