/**
 * The list view's "Translations" column reads `GET /gengo/document-statuses` once per page: every
 * cell asks for its entry, and the asks of one render are sent together (the cells of a page mount
 * in the same commit, before the timer below fires).
 */
import type { DocumentStatuses } from '../../../shared/contracts/translation-states';
import type { Locale } from './orders';

export type { DocumentStatuses, TranslationState } from '../../../shared/contracts/translation-states';
export { TRANSLATION_STATES } from '../../../shared/contracts/translation-states';

export const DOCUMENT_STATUSES_PATH = '/gengo/document-statuses';
/** The route's limit, and the content manager's largest page. */
const MAX_IDS = 100;

type Get = <T>(url: string, config?: { params?: Record<string, unknown> }) => Promise<{ data: T }>;

interface Batch {
  ids: Set<string>;
  answer: Promise<DocumentStatuses>;
}

/** Batches still collecting ids, per type and listed locale. */
const open = new Map<string, Batch>();

/** The states of `documentId`'s translations, fetched with the other cells of the same render. */
export const loadTranslationStates = (
  get: Get,
  contentType: string,
  locale: string | undefined,
  documentId: string
): Promise<DocumentStatuses> => {
  const key = `${contentType}\u0000${locale ?? ''}`;
  const batch = open.get(key);
  if (batch && batch.ids.size < MAX_IDS) {
    batch.ids.add(documentId);
    return batch.answer;
  }
  const ids = new Set([documentId]);
  const answer = new Promise<DocumentStatuses>((resolve, reject) => {
    setTimeout(() => {
      if (open.get(key)?.ids === ids) open.delete(key);
      get<{ data: DocumentStatuses }>(DOCUMENT_STATUSES_PATH, {
        params: { contentType, documentIds: [...ids].join(','), ...(locale ? { locale } : {}) },
      }).then(({ data }) => resolve(data.data), reject);
    }, 0);
  });
  open.set(key, { ids, answer });
  return answer;
};

/** The entries of a type with a translation awaiting review (the "Needs review" filter). */
export const loadNeedsReview = async (get: Get, contentType: string, locale: string | undefined) => {
  const { data } = await get<{ data: DocumentStatuses }>(DOCUMENT_STATUSES_PATH, {
    params: { contentType, state: 'awaiting-review', ...(locale ? { locale } : {}) },
  });
  return Object.keys(data.data.documents);
};

let localeNames: Promise<Record<string, string>> | null = null;

/** The site's locale names by code, asked once per admin session (a failure is asked again). */
export const loadLocaleNames = (get: Get): Promise<Record<string, string>> => {
  localeNames ??= get<Locale[]>('/i18n/locales').then(
    ({ data }) => Object.fromEntries(data.map((l) => [l.code, l.name])),
    (err) => {
      localeNames = null;
      throw err;
    }
  );
  return localeNames;
};
