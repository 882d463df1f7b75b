/**
 * One word for a target locale, from its latest order and its jobs' statuses: what an editor
 * needs to know at a glance. The worst state wins (an error hides a finished job).
 */
export type PanelStatus =
  | 'error'
  | 'conflict'
  | 'needs-review'
  | 'stale'
  | 'queued'
  | 'available'
  | 'in-translation'
  | 'awaiting-review'
  | 'approved'
  | 'cancelled';

export const panelStatus = (orderStatus: string, jobs: Record<string, number>): PanelStatus => {
  const has = (...statuses: string[]) => statuses.some((s) => (jobs[s] ?? 0) > 0);
  if (orderStatus === 'failed' || has('error')) return 'error';
  if (has('conflict')) return 'conflict';
  // The orderer's rights to the target were revoked: a reviewer decides.
  if (has('needs_review')) return 'needs-review';
  if (has('stale')) return 'stale';
  if (orderStatus === 'cancelled') return 'cancelled';
  if (orderStatus === 'pending' || orderStatus === 'placing' || orderStatus === 'ambiguous' || has('queued'))
    return 'queued';
  if (has('available')) return 'available';
  if (has('pending', 'revising', 'hold')) return 'in-translation';
  if (has('reviewable')) return 'awaiting-review';
  const total = Object.values(jobs).reduce((a, b) => a + b, 0);
  if (total > 0 && has('approved') && (jobs.approved ?? 0) + (jobs.canceled ?? 0) + (jobs.rejected ?? 0) === total) {
    return 'approved';
  }
  if (has('canceled', 'rejected')) return 'cancelled';
  return 'queued';
};

export const STATUS_LABELS: Record<PanelStatus, string> = {
  error: 'Error',
  conflict: 'Conflict',
  'needs-review': 'Needs review',
  stale: 'Stale',
  queued: 'Queued',
  available: 'Available',
  'in-translation': 'In translation',
  'awaiting-review': 'Awaiting review',
  approved: 'Approved',
  cancelled: 'Cancelled',
};

export const STATUS_VARIANTS: Record<PanelStatus, 'danger' | 'warning' | 'secondary' | 'success' | 'neutral'> = {
  error: 'danger',
  conflict: 'warning',
  'needs-review': 'warning',
  stale: 'warning',
  queued: 'neutral',
  available: 'secondary',
  'in-translation': 'secondary',
  'awaiting-review': 'warning',
  approved: 'success',
  cancelled: 'neutral',
};
