/**
 * The review routes (`/gengo/jobs/:id…`): one of our jobs, what a reviewer reads of it, and the
 * actions Gengo offers on it (approve, revise, reject, cancel, comments, revisions, feedback).
 */
import type { JobView } from './orders';

export type InlineText = {
  type: 'text';
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
  code?: boolean;
};

/** An inline node of a restored `blocks` segment: text, or a link of text. */
export type RestoredInline = InlineText | { type: 'link'; url: string; children: InlineText[] };

/**
 * The translator's text of a whole segment with our markup put back, as the apply step would write
 * it; a refusal carries the reason (the review then shows Gengo's raw text with a warning).
 */
export type RestoredView =
  | { ok: true; kind: 'string' | 'text' | 'richtext' | 'blocks'; value: string | RestoredInline[]; chunks: number }
  | { ok: false; reason: string };

/** `GET /gengo/jobs/:id` answer. */
export type JobDetail = JobView & { restored: RestoredView | null };

/** `POST /gengo/jobs/:id/approve` body. */
export interface ApproveRequest {
  rating?: 1 | 2 | 3 | 4 | 5 | null;
  forTranslator?: string | null;
  forGengo?: string | null;
  public?: boolean | null;
}

/** `POST /gengo/jobs/:id/revise` body. */
export interface ReviseRequest {
  comment: string;
}

/** `POST /gengo/jobs/:id/reject` body. */
export const REJECT_REASONS = ['quality', 'incomplete', 'other'] as const;

export interface RejectRequest {
  reason: (typeof REJECT_REASONS)[number];
  comment: string;
  captcha: string;
  followUp?: 'requeue' | 'cancel' | null;
}

/** `POST /gengo/jobs/:id/comments` body. */
export interface CommentRequest {
  body: string;
}

/** A message of a job's comment thread, as Gengo lists it (`GET/POST /gengo/jobs/:id/comments`). */
export interface JobComment {
  body: string;
  author: string;
  ctime: number | string;
}

/** `GET /gengo/jobs/:id/machine-preview` answer. */
export interface MachinePreview {
  status: string;
  machine: boolean;
  bodyTgt: string | null;
}
