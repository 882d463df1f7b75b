import type { MessageDescriptor } from 'react-intl';
import type { TranslationState as ListState } from '../../../shared/contracts/translation-states';
import { getTranslation } from './getTranslation';

/**
 * The one status vocabulary of the admin (issue 20): every place a person reads where a
 * translation stands — the side panel, the review view, the orders page and its filter, the bulk
 * dialog, the list view's column — takes its words from here, so that "Awaiting review" means the
 * same everywhere and no raw value of Gengo's or ours ("reviewable", "ambiguous") reaches the screen.
 * Gengo asks integrations to say "translation", not "job" (ui_recommendations.md).
 */

/** Where the translation of one target locale stands. `data-status` attributes carry these keys. */
export type TranslationState =
  | 'error'
  | 'conflict'
  | 'needs-review'
  | 'stale'
  | 'awaiting-review'
  | 'queued'
  | 'available'
  | 'in-translation'
  | 'approved'
  | 'cancelled';

/** Our job statuses (shared/contracts/orders `JobStatus`) by the state a person reads. */
export const JOB_STATES: Record<string, TranslationState> = {
  queued: 'queued',
  available: 'available',
  pending: 'in-translation',
  revising: 'in-translation',
  hold: 'in-translation',
  reviewable: 'awaiting-review',
  approved: 'approved',
  canceled: 'cancelled',
  rejected: 'cancelled',
  conflict: 'conflict',
  stale: 'stale',
  error: 'error',
  needs_review: 'needs-review',
};

export const jobState = (jobStatus: string): TranslationState => JOB_STATES[jobStatus] ?? 'queued';

/**
 * One state for a target locale, from its latest order's status and its jobs by status. What
 * needs a person comes first (an error, a conflict, a review), then what is still moving: with 8
 * of 11 translations awaiting review the locale reads "Awaiting review · 8 of 11", not "Waiting
 * for a translator" because 3 are still out.
 */
export const translationState = (orderStatus: string, jobs: Record<string, number>): TranslationState => {
  const has = (...statuses: string[]) => statuses.some((s) => (jobs[s] ?? 0) > 0);
  if (orderStatus === 'failed' || has('error')) return 'error';
  if (has('conflict')) return 'conflict';
  // The orderer's rights to the target were revoked: a reviewer decides.
  if (has('needs_review')) return 'needs-review';
  if (has('stale')) return 'stale';
  if (has('reviewable')) return 'awaiting-review';
  if (orderStatus === 'cancelled') return 'cancelled';
  if (orderStatus === 'pending' || orderStatus === 'placing' || orderStatus === 'ambiguous' || has('queued'))
    return 'queued';
  if (has('available')) return 'available';
  if (has('pending', 'revising', 'hold')) return 'in-translation';
  const total = Object.values(jobs).reduce((a, b) => a + b, 0);
  if (total > 0 && has('approved') && (jobs.approved ?? 0) + (jobs.canceled ?? 0) + (jobs.rejected ?? 0) === total) {
    return 'approved';
  }
  if (has('canceled', 'rejected')) return 'cancelled';
  return 'queued';
};

/** How many of the locale's translations are in `state` (the "8" of "8 of 11"), and how many there are. */
export const stateCount = (state: TranslationState, jobs: Record<string, number>) => {
  const total = Object.values(jobs).reduce((a, b) => a + b, 0);
  const count = Object.entries(jobs)
    .filter(([s]) => jobState(s) === state)
    .reduce((a, [, n]) => a + n, 0);
  return { count, total };
};

export const STATE_MESSAGES: Record<TranslationState, MessageDescriptor & { defaultMessage: string }> = {
  error: { id: getTranslation('status.error'), defaultMessage: 'Error' },
  conflict: { id: getTranslation('status.conflict'), defaultMessage: 'Conflict to resolve' },
  'needs-review': { id: getTranslation('status.needs-review'), defaultMessage: 'Needs a reviewer' },
  stale: { id: getTranslation('status.stale'), defaultMessage: 'Source changed' },
  'awaiting-review': { id: getTranslation('status.awaiting-review'), defaultMessage: 'Awaiting review' },
  queued: { id: getTranslation('status.queued'), defaultMessage: 'Being ordered' },
  available: { id: getTranslation('status.available'), defaultMessage: 'Waiting for a translator' },
  'in-translation': { id: getTranslation('status.in-translation'), defaultMessage: 'In translation' },
  approved: { id: getTranslation('status.approved'), defaultMessage: 'Translated' },
  cancelled: { id: getTranslation('status.cancelled'), defaultMessage: 'Cancelled' },
};

export const STATE_VARIANTS: Record<TranslationState, 'danger' | 'warning' | 'secondary' | 'success' | 'neutral'> = {
  error: 'danger',
  conflict: 'warning',
  'needs-review': 'warning',
  stale: 'warning',
  'awaiting-review': 'warning',
  queued: 'neutral',
  available: 'secondary',
  'in-translation': 'secondary',
  approved: 'success',
  cancelled: 'neutral',
};

/**
 * The list view's "Translations" column reads a locale's state across entries (shared/contracts
 * `TranslationState`): the words a person already met in the panel and the review view where the
 * states are the same ("Awaiting review", "Conflict to resolve", "Source changed"), three more
 * where the column says something the panel does not.
 */
export const LIST_STATE_MESSAGES: Record<ListState, MessageDescriptor & { defaultMessage: string }> = {
  'up-to-date': { id: getTranslation('status.up-to-date'), defaultMessage: 'Up to date' },
  'in-progress': { id: getTranslation('status.in-progress'), defaultMessage: 'In progress' },
  'awaiting-review': STATE_MESSAGES['awaiting-review'],
  conflict: STATE_MESSAGES.conflict,
  stale: STATE_MESSAGES.stale,
  missing: { id: getTranslation('status.missing'), defaultMessage: 'Missing' },
};

/** An order's status (shared/contracts/orders `ORDER_STATUSES`) in words, for the orders page and its filter. */
export const ORDER_MESSAGES: Record<string, MessageDescriptor & { defaultMessage: string }> = {
  pending: { id: getTranslation('status.order.pending'), defaultMessage: 'Not sent yet' },
  placing: { id: getTranslation('status.order.placing'), defaultMessage: 'Being ordered' },
  placed: { id: getTranslation('status.order.placed'), defaultMessage: 'Ordered, in progress' },
  completed: { id: getTranslation('status.order.completed'), defaultMessage: 'Translated' },
  failed: { id: getTranslation('status.order.failed'), defaultMessage: 'Order failed' },
  cancelled: { id: getTranslation('status.order.cancelled'), defaultMessage: 'Cancelled' },
  ambiguous: { id: getTranslation('status.order.ambiguous'), defaultMessage: 'Unconfirmed: being checked with Gengo' },
};

export const ORDER_VARIANTS: Record<string, 'danger' | 'warning' | 'secondary' | 'success' | 'neutral'> = {
  pending: 'neutral',
  placing: 'neutral',
  placed: 'secondary',
  completed: 'success',
  failed: 'danger',
  cancelled: 'neutral',
  ambiguous: 'warning',
};

/** A bulk order's status in words (the dialog and the orders page's batches). */
export const BATCH_MESSAGES: Record<string, MessageDescriptor & { defaultMessage: string }> = {
  queued: { id: getTranslation('status.batch.queued'), defaultMessage: 'Waiting to start' },
  running: { id: getTranslation('status.batch.running'), defaultMessage: 'Ordering' },
  completed: { id: getTranslation('status.batch.completed'), defaultMessage: 'All ordered' },
  cancelled: { id: getTranslation('status.batch.cancelled'), defaultMessage: 'Cancelled' },
  failed: { id: getTranslation('status.batch.failed'), defaultMessage: 'Stopped' },
};

const WITH_COUNT: MessageDescriptor & { defaultMessage: string } = {
  id: getTranslation('status.withCount'),
  defaultMessage: '{status} · {count} of {total}',
};

type Format = (descriptor: MessageDescriptor, values?: Record<string, any>) => string;

/**
 * The words, bound to react-intl's `formatMessage`: `const words = statusWords(formatMessage)`.
 * A plain function (no hook) so that tables and lists can call it per row.
 */
export const statusWords = (formatMessage: Format) => ({
  /** "Awaiting review". */
  state: (state: TranslationState) => formatMessage(STATE_MESSAGES[state]),
  /** "Awaiting review · 8 of 11" (the bare word with one translation, or none counted). */
  stateWithCount: (state: TranslationState, jobs: Record<string, number>) => {
    const { count, total } = stateCount(state, jobs);
    const word = formatMessage(STATE_MESSAGES[state]);
    return total > 1 && count > 0 ? formatMessage(WITH_COUNT, { status: word, count, total }) : word;
  },
  /** A locale's state in the list view's column: "Up to date", "Conflict to resolve". */
  listState: (state: ListState) => formatMessage(LIST_STATE_MESSAGES[state]),
  /** A job's (a translation's) status: "reviewable" → "Awaiting review". */
  job: (jobStatus: string) => formatMessage(STATE_MESSAGES[jobState(jobStatus)]),
  order: (orderStatus: string) =>
    ORDER_MESSAGES[orderStatus] ? formatMessage(ORDER_MESSAGES[orderStatus]) : orderStatus,
  batch: (batchStatus: string) =>
    BATCH_MESSAGES[batchStatus] ? formatMessage(BATCH_MESSAGES[batchStatus]) : batchStatus,
});

export type StatusWords = ReturnType<typeof statusWords>;
