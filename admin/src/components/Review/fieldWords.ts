/**
 * The words for a field's state in the review view, in one place (to follow the plugin's shared
 * status vocabulary when it lands). Keys are the server's field statuses (review/entry.ts).
 */
export const FIELD_STATUS_WORDS: Record<string, string> = {
  reviewable: 'Awaiting review',
  approved: 'Approved',
  revising: 'Being corrected',
  pending: 'In translation',
  available: 'Waiting for a translator',
  hold: 'On hold at Gengo',
  queued: 'Queued',
  conflict: 'Conflict',
  stale: 'Source changed since',
  error: 'Error',
  needs_review: 'Needs review',
  rejected: 'Rejected',
  canceled: 'Cancelled',
};

export const FIELD_STATUS_VARIANTS: Record<string, 'danger' | 'warning' | 'secondary' | 'success' | 'neutral'> = {
  reviewable: 'warning',
  approved: 'success',
  revising: 'secondary',
  pending: 'secondary',
  available: 'secondary',
  hold: 'warning',
  queued: 'neutral',
  conflict: 'warning',
  stale: 'warning',
  error: 'danger',
  needs_review: 'warning',
  rejected: 'neutral',
  canceled: 'neutral',
};

/** The jobs of a field a reviewer can act on now. */
export const reviewableJobs = <J extends { status: string; gengoStatus: string | null }>(jobs: J[]) =>
  jobs.filter((j) => (j.gengoStatus ?? j.status) === 'reviewable' && j.status !== 'error');
