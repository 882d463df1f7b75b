import type { GengoErrorDetail, JobPayload, NumLike, Tier } from './jobs';

/** Account, glossary and service (languages, quotes) endpoints. */

// ---------------------------------------------------------------- account

export interface AccountBalance {
  credits: NumLike;
  currency: string;
  [key: string]: unknown;
}
export interface AccountStats {
  credits_spent?: NumLike;
  user_since?: number;
  currency?: string;
  [key: string]: unknown;
}
export interface AccountMe {
  email?: string;
  full_name?: string;
  display_name?: string;
  language_code?: string;
  [key: string]: unknown;
}
export interface PreferredTranslators {
  lc_src: string;
  lc_tgt: string;
  tier: Tier;
  translators: { id: NumLike; number_of_jobs?: NumLike; last_login?: number }[];
}

// ---------------------------------------------------------------- glossaries

export interface Glossary {
  id: NumLike;
  title?: string;
  source_language_code?: string;
  target_languages?: unknown[];
  [key: string]: unknown;
}

// ---------------------------------------------------------------- service

export interface Language {
  lc: string;
  language: string;
  localized_name?: string;
  unit_type?: 'word' | 'character' | string;
}
export interface LanguagePair {
  lc_src: string;
  lc_tgt: string;
  tier: Tier;
  unit_price: NumLike;
  currency?: string;
}
export interface LanguageMatrixParams {
  lc_src?: string;
  lc_tgt?: string;
}
export type LanguageMatrixResponse = Record<string, unknown>;

export interface QuoteRequest {
  jobs: Record<string, Pick<JobPayload, 'type' | 'body_src' | 'lc_src' | 'lc_tgt' | 'tier'> & Partial<JobPayload>>;
}
export interface QuotedJob {
  unit_count: NumLike;
  credits: NumLike;
  eta: number;
  currency: string;
  lc_src?: string;
  lc_tgt?: string;
  tier?: Tier;
  [key: string]: unknown;
}
export interface QuoteResponse {
  jobs: Record<string, QuotedJob>;
}

export interface FileQuoteJob {
  type: 'file';
  file_key: string;
  lc_src: string;
  lc_tgt: string;
  tier: Tier;
}
export interface FileQuoteRequest {
  jobs: Record<string, FileQuoteJob>;
  /** Contents keyed by `file_key`. */
  files: Record<string, { filename: string; content: Buffer | string; contentType?: string }>;
}
export interface FileQuoteResponse {
  /** Per file: a quote with the `identifier` to order it with, or that file's error. */
  jobs: Record<
    string,
    (QuotedJob & { identifier?: string }) | { err: GengoErrorDetail & { filename?: string; key?: string } }
  >;
}
