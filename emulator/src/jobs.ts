import { createHash } from 'node:crypto';
import { nowS } from './clock';
import type { Emulator } from './context';
import { ErrorCode, GengoError } from './errors';
import { CURRENCY, etaSeconds, formatCredits } from './pricing';
import type { Feedback, Job, JobStatus } from './state';
import { machineTranslate, pseudoTranslate } from './translator';

/**
 * Job lifecycle: queued → available → pending → reviewable → approved, with revising, rejected,
 * canceled (only while available) and hold. Callbacks go out for exactly the events Gengo lists
 * (callback_urls.md): a job queued and ready for a translator (`available`), ready for review,
 * auto-approved (its auto_approve flag, or the auto-approval period), approved in Gengo's
 * dashboard (the control API), and translators' comments. Never for `pending`, nor for the
 * customer's own API calls (approve, revise, reject, cancel).
 */
const HAS_TRANSLATION: JobStatus[] = ['reviewable', 'approved', 'revising', 'rejected'];

/**
 * Gengo approves a reviewable job by itself after 72 hours, or 24 hours for each 1000 words
 * (units), whichever is the greatest (overview.md, "Automatic approval").
 */
export const AUTO_APPROVE_MIN_SECONDS = 72 * 3600;
export const autoApproveSeconds = (units: number) => Math.max(AUTO_APPROVE_MIN_SECONDS, (24 * 3600 * units) / 1000);

/** Emulated Unix seconds at which a reviewable job approves itself (undefined otherwise). */
export const autoApproveAt = (job: Job): number | undefined =>
  job.status === 'reviewable' && job.reviewableAt !== undefined
    ? Math.ceil(job.reviewableAt + autoApproveSeconds(job.unitCount))
    : undefined;

/** Captcha text of a job: 4 letters, new after each wrong answer (as Gengo issues a new one). */
export function captchaText(jobId: number, nonce: number): string {
  const digest = createHash('sha1').update(`gengo-emulator:${jobId}:${nonce}`).digest();
  const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  return Array.from(digest.subarray(0, 4), (b) => letters[b % letters.length]).join('');
}

/** A PNG showing the captcha text (captcha-image.ts), one URL per captcha. */
export const captchaUrl = (emu: Emulator, job: Job) =>
  `${emu.config.baseUrl}/captcha/${job.id}-${job.captchaNonce}.png`;

/** The job payload as Gengo's docs show it (ids, credits and unit_count as strings). */
export function jobPayload(emu: Emulator, job: Job, opts: { preMt?: boolean } = {}) {
  const out: Record<string, unknown> = {
    job_id: String(job.id),
    order_id: String(job.orderId),
    slug: job.slug,
    body_src: job.bodySrc,
    lc_src: job.lcSrc,
    lc_tgt: job.lcTgt,
    unit_count: String(job.unitCount),
    tier: job.tier,
    credits: formatCredits(job.creditsCents),
    currency: CURRENCY,
    status: job.status,
    eta: HAS_TRANSLATION.includes(job.status) || job.status === 'canceled' ? -1 : etaSeconds(job.unitCount, job.tier),
    ctime: job.ctime,
    callback_url: job.callbackUrl ?? '',
    auto_approve: job.autoApprove ? '1' : '0',
    custom_data: job.customData ?? '',
    preview_url: `${emu.config.baseUrl}/v2/translate/job/${job.id}/preview`,
  };
  if (job.groupId !== undefined) out.group_id = String(job.groupId);
  if (job.position !== undefined) out.position = job.position;
  if (job.type === 'file') out.type = 'file';
  if (job.status === 'reviewable') out.captcha_url = captchaUrl(emu, job);
  if (job.bodyTgt !== undefined && HAS_TRANSLATION.includes(job.status)) {
    out.body_tgt = job.bodyTgt;
    if (job.tier === 'machine') out.mt = 1;
  } else if (opts.preMt) {
    out.body_tgt = machineTranslate(job.bodySrc, job.lcTgt);
    out.mt = 1;
  }
  return out;
}

function notify(emu: Emulator, job: Job, event: string) {
  if (!job.callbackUrl) return;
  emu.callbacks.send(job.callbackUrl, 'job', jobPayload(emu, job), { event, jobId: String(job.id) });
}

function expect(job: Job, allowed: JobStatus[], code: number = ErrorCode.INVALID_JOB_STATUS) {
  if (!allowed.includes(job.status))
    throw new GengoError(code, `Job ${job.id} is ${job.status}; this needs ${allowed.join(' or ')}`);
}

function refund(emu: Emulator, job: Job) {
  emu.store.balanceCents += job.creditsCents;
  emu.store.spentCents -= job.creditsCents;
}

/** Asynchronous creation done (or a rejected job requeued): translators can see the job. Machine jobs complete at once. */
export function makeAvailable(emu: Emulator, job: Job) {
  expect(job, ['queued', 'rejected']);
  if (job.tier === 'machine') {
    job.bodyTgt = machineTranslate(job.bodySrc, job.lcTgt);
    job.status = 'approved';
    notify(emu, job, 'approved');
    return;
  }
  job.status = 'available';
  notify(emu, job, 'available');
}

/** A translator starts: no callback (callback_urls.md lists none for it). */
export function pickUp(emu: Emulator, job: Job) {
  expect(job, ['available']);
  job.status = 'pending';
}

/** The translator hands in text (first submission or after a revision request). */
export function submitTranslation(emu: Emulator, job: Job) {
  expect(job, ['pending', 'revising']);
  job.bodyTgt = pseudoTranslate(job.bodySrc, job.lcTgt);
  job.revisions.push({ rev_id: job.revisions.length + 1, ctime: nowS(emu), body_tgt: job.bodyTgt });
  if (job.autoApprove) {
    job.status = 'approved';
    notify(emu, job, 'approved');
  } else {
    job.status = 'reviewable';
    job.reviewableAt = nowS(emu);
    emu.store.reviewable.add(job);
    job.captchaNonce++;
    job.captcha = captchaText(job.id, job.captchaNonce);
    notify(emu, job, 'reviewable');
  }
}

/**
 * Approval. `api`: the customer's PUT (answered, no callback); `dashboard`: in Gengo's dashboard
 * (the control API, auto mode); `auto`: the auto-approval period ran out. The last two call back.
 */
export function approve(emu: Emulator, job: Job, feedback?: Feedback, by: 'api' | 'dashboard' | 'auto' = 'api') {
  expect(job, ['reviewable'], ErrorCode.NOT_REVIEWABLE);
  if (feedback && Object.values(feedback).some((v) => v !== undefined)) job.feedback = feedback;
  job.status = 'approved';
  if (by !== 'api') notify(emu, job, 'approved');
}

/** Reviewable jobs whose auto-approval period is over are approved (with a callback). */
export function sweepAutoApprovals(emu: Emulator) {
  const now = nowS(emu);
  for (const job of emu.store.reviewable) {
    const due = autoApproveAt(job);
    if (due === undefined) emu.store.reviewable.delete(job);
    else if (now >= due) {
      emu.store.reviewable.delete(job);
      approve(emu, job, undefined, 'auto');
    }
  }
}

export function revise(emu: Emulator, job: Job, comment: string) {
  expect(job, ['reviewable'], ErrorCode.NOT_REVIEWABLE);
  job.comments.push({ body: comment, author: 'customer', ctime: nowS(emu) });
  job.status = 'revising';
}

export function reject(
  emu: Emulator,
  job: Job,
  r: { reason: string; comment: string; captcha: string; followUp: 'requeue' | 'cancel' }
) {
  expect(job, ['reviewable'], ErrorCode.NOT_REVIEWABLE);
  if (r.captcha.trim().toUpperCase() !== job.captcha) {
    job.captchaNonce++;
    job.captcha = captchaText(job.id, job.captchaNonce);
    throw new GengoError(ErrorCode.CAPTCHA_INVALID, 'Invalid captcha challenge', 200, {
      captcha_url: captchaUrl(emu, job),
    });
  }
  job.rejection = { reason: r.reason, comment: r.comment, followUp: r.followUp };
  job.comments.push({ body: r.comment, author: 'customer', ctime: nowS(emu) });
  job.status = 'rejected';
  if (r.followUp === 'cancel') refund(emu, job);
}

/** Cancel: only while the job is `available` (overview.md, "Cancelling jobs"); Gengo's 2252 otherwise. */
export function cancel(emu: Emulator, job: Job) {
  expect(job, ['available'], ErrorCode.CANNOT_CANCEL);
  job.status = 'canceled';
  refund(emu, job);
}

export function hold(job: Job) {
  expect(job, ['queued', 'available', 'pending', 'revising']);
  job.heldFrom = job.status;
  job.status = 'hold';
}

/** A translator's comment: stored in the thread and sent as a `comment` callback. */
export function workerComment(emu: Emulator, job: Job, body: string) {
  const ctime = nowS(emu);
  job.comments.push({ body, author: 'worker', ctime });
  if (!job.callbackUrl) return;
  const payload = {
    job_id: String(job.id),
    body,
    ctime: String(ctime),
    custom_data: job.customData ?? '',
    author: 'worker',
  };
  emu.callbacks.send(job.callbackUrl, 'comment', payload, { event: 'comment', jobId: String(job.id) });
}

/**
 * One natural step forward, as Gengo's people would make it. Returns false at rest points:
 * approved, canceled, rejected-and-cancelled, and reviewable unless `approveReviewable` (the
 * customer approving in Gengo's dashboard).
 */
export function step(emu: Emulator, job: Job, opts: { approveReviewable: boolean }): boolean {
  switch (job.status) {
    case 'queued':
      makeAvailable(emu, job);
      return true;
    case 'available':
      pickUp(emu, job);
      return true;
    case 'pending':
    case 'revising':
      submitTranslation(emu, job);
      return true;
    case 'reviewable':
      if (!opts.approveReviewable) return false;
      approve(emu, job, undefined, 'dashboard');
      return true;
    case 'rejected':
      if (job.rejection?.followUp !== 'requeue') return false;
      job.rejection = undefined;
      makeAvailable(emu, job); // requeued: another translator takes it from scratch
      return true;
    case 'hold':
      job.status = job.heldFrom ?? 'available';
      job.heldFrom = undefined;
      return true;
    default:
      return false;
  }
}

/**
 * Control API: move a job to `target` through the same transitions (and callbacks) as real
 * life. Forward targets are reached step by step; revising/rejected pass through reviewable.
 */
export function advance(emu: Emulator, job: Job, target: JobStatus) {
  const goTo = (wanted: JobStatus) => {
    for (let i = 0; i < 10 && job.status !== wanted; i++) {
      if (!step(emu, job, { approveReviewable: wanted === 'approved' })) break;
    }
  };
  switch (target) {
    case 'canceled':
      if (job.status === 'queued') makeAvailable(emu, job); // Gengo's queue creates it first
      return cancel(emu, job);
    case 'hold':
      return hold(job);
    case 'revising':
      goTo('reviewable');
      return revise(emu, job, 'Revision requested (emulator control)');
    case 'rejected':
      goTo('reviewable');
      return reject(emu, job, {
        reason: 'other',
        comment: 'Rejected (emulator control)',
        captcha: job.captcha,
        followUp: 'requeue',
      });
    case 'queued':
      if (job.status !== 'queued') throw new GengoError(ErrorCode.INVALID_JOB_STATUS, 'A job cannot go back to queued');
      return;
    default:
      goTo(target);
      if (job.status !== target)
        throw new GengoError(ErrorCode.INVALID_JOB_STATUS, `Job ${job.id} stopped at ${job.status}, not ${target}`);
  }
}
