/**
 * The review routes (`/gengo/jobs/:id…`): one of our jobs, what a reviewer reads of it, and the
 * actions Gengo offers on it (approve, revise, reject, cancel, comments, revisions, feedback).
 */
import type { ConflictInfo, JobView } from './orders';

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

/**
 * `GET /gengo/review?contentType=&documentId=&locale=`: an entry's translation into one locale, as a
 * reviewer reads it (its latest order), field by field.
 */
export interface EntryReviewQuery {
  contentType: string;
  documentId: string;
  locale: string;
}

/** A run of a readable text: the translator's words, or a part we protected (kept as it was). */
export interface ReadableRun {
  text: string;
  kept?: true;
}

/** A text shown to a reviewer: runs, or the raw text when its markers could not be read. */
export interface ReadableText {
  runs: ReadableRun[];
  /** Set when shown raw (a marker altered): why the translation cannot be written as it is. */
  warning?: string;
}

/** One segment of a field (a paragraph of a rich text, a whole short field), with its Gengo jobs. */
export interface ReviewSegment {
  key: string;
  kind: string;
  paths: string[];
  source: ReadableText;
  /** Null until every part of the segment is translated. */
  translation: ReadableText | null;
  /** The translation before the last revision (Gengo's previous revision), when there was one. */
  previous: ReadableText | null;
  /** Jobs by our id (a long text goes as several jobs). */
  jobIds: number[];
}

/**
 * A field of the entry as the content manager labels it: every segment under it, its jobs'
 * statuses, the translator's comments. Approved and revised as a whole.
 */
export interface ReviewField {
  /** `title`, `content` (a blocks field), `sections[0].title`: what the field actions take. */
  key: string;
  /** Labels from the root: ["Sections", "Hero", "Title"]. */
  label: string[];
  segments: ReviewSegment[];
  jobs: JobView[];
  /** One word for the field: its jobs' worst state (`reviewable` when some wait for the reviewer). */
  status: string;
  units: number;
  comments: Array<JobComment & { jobId: number }>;
}

export interface EntryReview {
  contentType: string;
  documentId: string;
  locale: string;
  sourceLocale: string;
  order: {
    id: number;
    status: string;
    tier: string | null;
    createdAt: string;
    autoApproveAt: string | null;
  };
  fields: ReviewField[];
  /** A person's words where a translation would land (both texts), per path. */
  conflicts: ConflictInfo[];
}

/** `POST /gengo/orders/:id/approve`: the fields named (none: every field waiting for review). */
export interface ApproveFieldsRequest extends ApproveRequest {
  fields?: string[] | null;
}

/** `POST /gengo/orders/:id/revise`: the fields named, the reason for the translator. */
export interface ReviseFieldsRequest {
  fields: string[];
  comment: string;
}

/** What a field action did, per job: every job is tried, each outcome said. */
export interface FieldActionResult {
  done: number[];
  failed: Array<{ jobId: number; message: string }>;
}
