/**
 * `GET /gengo/document-statuses`: the content manager's list view asks once per page how each
 * entry's translations stand, one word per target locale (the "Translations" column), and which
 * entries have something awaiting review (its "Needs review" filter).
 */

/**
 * - `up-to-date`: the latest order is translated and written (every job approved).
 * - `in-progress`: ordered, Gengo is translating (or the order is being placed).
 * - `awaiting-review`: a translation waits for a reviewer (Gengo's reviewable, or ours to decide).
 * - `conflict`: a person's text in the target and the translation differ: someone must choose.
 * - `stale`: the translation could not be applied as ordered (its source version is gone, or it
 *   failed to write): order again.
 * - `missing`: never ordered (or the last order failed or was cancelled).
 */
export const TRANSLATION_STATES = [
  'up-to-date',
  'in-progress',
  'awaiting-review',
  'conflict',
  'stale',
  'missing',
] as const;
export type TranslationState = (typeof TRANSLATION_STATES)[number];

export interface DocumentStatusesQuery {
  contentType: string;
  /** The entries of the page (up to 100); absent with `state`: every entry in that state. */
  documentIds?: string[];
  /** The locale the list shows (left out of the targets). */
  locale?: string;
  /** Only entries with a target locale in this state (the "Needs review" filter). */
  state?: TranslationState;
}

export interface DocumentStatuses {
  contentType: string;
  /** The target locales the user may read, in the site's order (one badge each). */
  locales: string[];
  /** Per entry, per target locale, its state (every locale of `locales` present). */
  documents: Record<string, Record<string, TranslationState>>;
}
