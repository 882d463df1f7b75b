import type { Call } from '../request';
import type {
  FileQuoteRequest,
  FileQuoteResponse,
  Language,
  LanguageMatrixParams,
  LanguageMatrixResponse,
  LanguagePair,
  QuoteRequest,
  QuoteResponse,
} from '../types';

export const serviceEndpoints = (call: Call) => ({
  /** `GET translate/service/languages`. */
  getLanguages: () => call<Language[]>('GET', 'translate/service/languages'),
  /** `GET translate/service/language_pairs`, optionally for one source language. */
  getLanguagePairs: (params: { lc_src?: string } = {}) =>
    call<LanguagePair[]>('GET', 'translate/service/language_pairs', { query: { ...params } }),
  /** `GET translate/service/language_matrix`. */
  getLanguageMatrix: (params: LanguageMatrixParams = {}) =>
    call<LanguageMatrixResponse>('GET', 'translate/service/language_matrix', { query: { ...params } }),
  /** `POST translate/service/quote`: price and unit count; orders nothing, so it is retried. */
  getQuote: (request: QuoteRequest) =>
    call<QuoteResponse>('POST', 'translate/service/quote', { data: request, idempotent: true }),
  /** `POST translate/service/quote/file` (multipart): uploads files and quotes them. */
  getFileQuote: (request: FileQuoteRequest) =>
    call<FileQuoteResponse>('POST', 'translate/service/quote/file', {
      data: { jobs: request.jobs },
      files: request.files,
      idempotent: true,
    }),
});
