/** What applying a segment came to, by segment (apply.ts); the callers (sync, review) report it. */
export type ApplyState =
  'waiting' | 'applied' | 'already' | 'held' | 'conflict' | 'stale' | 'error' | 'needs_review' | 'missing';
export interface ApplyOutcome {
  state: ApplyState;
  detail?: string;
}
export interface ApplyOptions {
  /** Write even over a person's edit or a changed source (an admin's decision in review). */
  force?: boolean;
}
