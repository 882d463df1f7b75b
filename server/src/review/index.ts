/**
 * Review: a reviewer's actions on one of our jobs (approve, revise, reject, cancel, comments), and
 * what Gengo keeps about it (revisions, feedback, machine preview), with the translated segment
 * shown restored. Writing the approved text is the receiving side's.
 */
export { default } from './actions';
export type { ApproveInput, RejectInput, ReviewService } from './actions';
export type { ResolveInput } from './resolve';
