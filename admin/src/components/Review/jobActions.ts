/**
 * What a reviewer may do with one Gengo job, from its status. Gengo's own status wins over ours
 * (a job we marked `conflict` or `stale` is still `reviewable` at Gengo and may be approved).
 */
export type JobAction = 'approve' | 'revise' | 'reject' | 'cancel' | 'preview' | 'comment';

export interface ReviewableJob {
  status: string;
  gengoStatus?: string | null;
  gengoJobId?: string | null;
}

const normalize = (s: string | null | undefined) => (s === 'cancelled' ? 'canceled' : (s ?? ''));

/** The status Gengo knows the job by, falling back to ours. */
export const effectiveStatus = (job: ReviewableJob): string => normalize(job.gengoStatus) || normalize(job.status);

const IN_PROGRESS = new Set(['available', 'pending', 'revising', 'hold']);

export const jobActions = (job: ReviewableJob): JobAction[] => {
  // Gengo has not created the job yet: nothing to act on.
  if (!job.gengoJobId && (job.status === 'queued' || !job.gengoStatus)) return [];
  const status = effectiveStatus(job);
  const actions: JobAction[] = [];
  if (status === 'reviewable') actions.push('approve', 'revise', 'reject');
  if (status === 'available' || status === 'queued') actions.push('cancel');
  if (IN_PROGRESS.has(status)) actions.push('preview');
  if (status !== 'canceled' && status !== 'rejected' && status !== 'queued') actions.push('comment');
  return actions;
};

/** The jobs of a field a reviewer can act on now (a job in error waits for the plugin, not the reviewer). */
export const reviewableJobs = <J extends { status: string; gengoStatus: string | null }>(jobs: J[]) =>
  jobs.filter((j) => (j.gengoStatus ?? j.status) === 'reviewable' && j.status !== 'error');

/** A locale's latest order has something a reviewer can look at. */
export const hasReviewableJobs = (jobs: ReviewableJob[] | undefined) =>
  (jobs ?? []).some((j) => jobActions(j).length > 0);

export interface ApproveForm {
  rating: number | null;
  forTranslator: string;
  forGengo: string;
  public: boolean;
}

/** The approve body the server validates: empty texts left out, rating 1–5 or none. */
export const approveBody = (f: ApproveForm) => ({
  ...(f.rating && f.rating >= 1 && f.rating <= 5 ? { rating: Math.round(f.rating) } : {}),
  ...(f.forTranslator.trim() ? { forTranslator: f.forTranslator.trim() } : {}),
  ...(f.forGengo.trim() ? { forGengo: f.forGengo.trim() } : {}),
  public: f.public,
});

export type RejectReason = 'quality' | 'incomplete' | 'other';
export interface RejectForm {
  reason: RejectReason;
  comment: string;
  captcha: string;
  followUp: 'requeue' | 'cancel';
}

export const rejectBody = (f: RejectForm) => ({
  reason: f.reason,
  comment: f.comment.trim(),
  captcha: f.captcha.trim(),
  followUp: f.followUp,
});
