import { normalizeQuoteAnswer } from '../answers/quote';
import { GengoIncompleteAnswerError } from '../errors';
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
  /**
   * `POST translate/service/quote`: price and unit count; orders nothing, so it is retried. Both
   * shapes of Gengo's answer come back keyed by our keys; a job we asked about without a usable
   * price is a `GengoIncompleteAnswerError`, never a price of 0.
   */
  getQuote: async (request: QuoteRequest): Promise<QuoteResponse> => {
    const path = 'translate/service/quote';
    const answer = await call<{ jobs?: unknown } | undefined>('POST', path, { data: request, idempotent: true });
    const asked = Object.keys(request.jobs);
    const { jobs, missing } = normalizeQuoteAnswer(asked, answer?.jobs);
    if (missing.length)
      throw new GengoIncompleteAnswerError({
        request: { method: 'POST', url: path, path },
        missing,
        asked: asked.length,
      });
    return { ...answer, jobs };
  },
  /** `POST translate/service/quote/file` (multipart): uploads files and quotes them. */
  getFileQuote: (request: FileQuoteRequest) =>
    call<FileQuoteResponse>('POST', 'translate/service/quote/file', {
      data: { jobs: request.jobs },
      files: request.files,
      idempotent: true,
    }),
});
