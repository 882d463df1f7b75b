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
  /** Emulated seconds when the job last became reviewable (its auto-approval period starts). */
  reviewableAt?: number;
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

/** What a state file holds (JSON): the whole account, ids carry on after a restart. */
export interface StoreSnapshot {
  version: 1;
  balanceCents: number;
  spentCents: number;
  userSince: number;
  clockOffsetMs: number;
  next: { job: number; order: number; group: number };
  jobs: Job[];
  orders: Order[];
  groups: Group[];
  files: QuotedFile[];
  recentPayloads: Array<[string, number]>;
}

/** Statuses of a job whose translation exists (lazy loading answers only those). */
const TRANSLATED: ReadonlySet<JobStatus> = new Set(['reviewable', 'approved']);

export class Store {
  balanceCents = 0;
  spentCents = 0;
  userSince = Math.floor(Date.now() / 1000);
  /** How far the emulated clock runs ahead of real time (clock.ts). */
  clockOffsetMs = 0;
  jobs = new Map<number, Job>();
  /** Jobs by lazy-loading key: a POST looks up each of its jobs there, as Gengo's own index would. */
  private byLazyKey = new Map<string, Job[]>();
  /** Jobs that became reviewable and may be due for auto-approval (others are dropped lazily). */
  reviewable = new Set<Job>();
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
    if (job.status === 'reviewable') this.reviewable.add(job);
  }

  /**
   * Lazy loading (overview.md, jobs.md): jobs ordered before with the same content and language
   * pair whose translation exists, oldest first. The tier does not count.
   */
  lazyMatches(key: string): Job[] {
    return (this.byLazyKey.get(key) ?? []).filter((j) => TRANSLATED.has(j.status));
  }

  /** Jobs newest first. */
  jobsNewestFirst(): Job[] {
    return [...this.jobs.values()].sort((a, b) => b.ctimeMs - a.ctimeMs || b.id - a.id);
  }

  snapshot(): StoreSnapshot {
    return {
      version: 1,
      balanceCents: this.balanceCents,
      spentCents: this.spentCents,
      userSince: this.userSince,
      clockOffsetMs: this.clockOffsetMs,
      next: { job: this.nextJob, order: this.nextOrder, group: this.nextGroup },
      jobs: [...this.jobs.values()],
      orders: [...this.orders.values()],
      groups: [...this.groups.values()],
      files: [...this.files.values()],
      recentPayloads: [...this.recentPayloads],
    };
  }

  static fromSnapshot(s: StoreSnapshot): Store {
    if (s?.version !== 1) throw new Error('not a state file of this emulator (version 1)');
    const store = new Store(0);
    store.balanceCents = s.balanceCents;
    store.spentCents = s.spentCents;
    store.userSince = s.userSince;
    store.clockOffsetMs = s.clockOffsetMs ?? 0;
    store.nextJob = s.next.job;
    store.nextOrder = s.next.order;
    store.nextGroup = s.next.group;
    // The lazy-loading key is derived, not trusted from the file: the matching rule may change.
    for (const job of s.jobs) store.addJob({ ...job, lazyKey: lazyKeyOf(job.bodySrc, job.lcSrc, job.lcTgt) });
    for (const order of s.orders) store.orders.set(order.id, order);
    for (const group of s.groups) store.groups.set(group.id, group);
    for (const file of s.files) store.files.set(file.identifier, file);
    store.recentPayloads = new Map(s.recentPayloads ?? []);
    return store;
  }
}

/** Lazy loading matches on content and language pair (jobs.md: "100% matching in content and language pair"). */
export const lazyKeyOf = (bodySrc: string, lcSrc: string, lcTgt: string) =>
  JSON.stringify([bodySrc, lcSrc.toLowerCase(), lcTgt.toLowerCase()]);
