import type { Tier } from './languages';

/**
 * The emulator's in-memory world: one customer account, its orders, jobs, groups, comments,
 * revisions and uploaded quote files. Pure data plus lookups; behaviour lives in jobs.ts and
 * ordering.ts so tests of lifecycle rules don't need a server.
 */
export type JobStatus =
  'queued' | 'available' | 'pending' | 'reviewable' | 'approved' | 'revising' | 'rejected' | 'canceled' | 'hold';

export const JOB_STATUSES: JobStatus[] = [
  'queued',
  'available',
  'pending',
  'reviewable',
  'approved',
  'revising',
  'rejected',
  'canceled',
  'hold',
];

export interface Comment {
  body: string;
  author: 'customer' | 'worker';
  ctime: number;
}

export interface Revision {
  rev_id: number;
  ctime: number;
  body_tgt: string;
}

export interface Feedback {
  rating?: number;
  for_translator?: string;
  for_mygengo?: string;
  public?: number;
}

export interface Job {
  id: number;
  orderId: number;
  groupId?: number;
  type: 'text' | 'file';
  slug: string;
  bodySrc: string;
  bodyTgt?: string; // last text the translator submitted
  lcSrc: string;
  lcTgt: string;
  tier: Tier;
  unitCount: number;
  creditsCents: number;
  status: JobStatus;
  callbackUrl?: string;
  autoApprove: boolean;
  ctime: number; // seconds
  ctimeMs: number; // ordering of jobs created within one second
  customData?: string;
  position?: number;
  comments: Comment[];
  revisions: Revision[];
  feedback?: Feedback;
  captcha: string;
  captchaNonce: number;
  archived: boolean;
  heldFrom?: JobStatus;
  rejection?: { reason: string; comment: string; followUp: 'requeue' | 'cancel' };
  lazyKey: string;
}

export interface Order {
  id: number;
  jobIds: number[];
  asGroup: boolean;
  groupId?: number;
  ctime: number;
  creditsCents: number;
  comments: Comment[];
}

export interface Group {
  id: number;
  jobIds: number[];
  ctime: number;
}

export interface QuotedFile {
  identifier: string;
  filename: string;
  text: string;
  lcSrc: string;
  unitCount: number;
}

export class Store {
  balanceCents = 0;
  spentCents = 0;
  readonly userSince = Math.floor(Date.now() / 1000);
  jobs = new Map<number, Job>();
  /** Jobs by lazy-loading key: a POST looks up each of its jobs there, as Gengo's own index would. */
  private byLazyKey = new Map<string, Job[]>();
  orders = new Map<number, Order>();
  groups = new Map<number, Group>();
  files = new Map<string, QuotedFile>();
  /** Recently posted translate/jobs payloads (hash → seconds), for Gengo's error 1754. */
  recentPayloads = new Map<string, number>();
  private nextJob = 1000001;
  private nextOrder = 500001;
  private nextGroup = 9001;

  constructor(startCredits: number) {
    this.balanceCents = Math.round(startCredits * 100);
  }

  newJobId = () => this.nextJob++;
  newOrderId = () => this.nextOrder++;
  newGroupId = () => this.nextGroup++;

  job(id: number | string): Job | undefined {
    return this.jobs.get(Number(id));
  }

  addJob(job: Job) {
    this.jobs.set(job.id, job);
    const same = this.byLazyKey.get(job.lazyKey);
    if (same) same.push(job);
    else this.byLazyKey.set(job.lazyKey, [job]);
  }

  /** Jobs with the same lazy-loading key, oldest first (canceled and rejected ones don't count). */
  lazyMatches(key: string): Job[] {
    return (this.byLazyKey.get(key) ?? []).filter((j) => j.status !== 'canceled' && j.status !== 'rejected');
  }

  /** Jobs newest first. */
  jobsNewestFirst(): Job[] {
    return [...this.jobs.values()].sort((a, b) => b.ctimeMs - a.ctimeMs || b.id - a.id);
  }
}

export const lazyKeyOf = (bodySrc: string, lcSrc: string, lcTgt: string, tier: string) =>
  JSON.stringify([bodySrc, lcSrc.toLowerCase(), lcTgt.toLowerCase(), tier]);
