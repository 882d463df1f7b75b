import { nowS } from './clock';
import type { Emulator } from './context';
import { ErrorCode, GengoError, GengoErrorBody, KeyedGengoError } from './errors';
import { TINY_JPEG } from './images';
import { approve, cancel, jobPayload, reject, revise } from './jobs';
import { placeOrder } from './ordering';
import { parseFlag } from './payloads';
import { ApiContext, dataOf, RawAnswer, Route } from './router';
import { Feedback, Job, JOB_STATUSES, JobStatus } from './state';

/** translate/job/{id}…, translate/jobs… — Gengo's job and jobs pages. */

export function jobOr2100(emu: Emulator, id: string): Job {
  const job = /^\d+$/.test(id) ? emu.store.job(id) : undefined;
  if (!job) throw new GengoError(ErrorCode.JOB_ACCESS, `Unauthorized job access (job ${id})`);
  return job;
}

const reqString = (v: unknown, code: number, field: string) => {
  if (typeof v !== 'string' || !v.trim()) throw new GengoError(code, `${field} is a required field`);
  return v;
};

/** Approve/revise/reject one job from its action object (shared by job PUT and jobs PUT). */
function applyAction(emu: Emulator, job: Job, action: string, a: Record<string, unknown>) {
  switch (action) {
    case 'approve': {
      let rating: number | undefined;
      if (a.rating !== undefined && a.rating !== null && a.rating !== '') {
        rating = Number(a.rating);
        if (!Number.isInteger(rating) || rating < 1 || rating > 5)
          throw new GengoError(ErrorCode.RATING_RESTRICTION, 'rating must be an integer from 1 to 5');
      }
      const pub = parseFlag(a.public);
      if (pub === 'invalid') throw new GengoError(ErrorCode.PUBLIC_INVALID, 'public flag must be a boolean');
      const fb: Feedback = {
        rating,
        for_translator: typeof a.for_translator === 'string' ? a.for_translator : undefined,
        for_mygengo: typeof a.for_mygengo === 'string' ? a.for_mygengo : undefined,
        public: pub === undefined ? undefined : pub ? 1 : 0,
      };
      return approve(emu, job, fb);
    }
    case 'revise':
      return revise(emu, job, reqString(a.comment, ErrorCode.COMMENT_REQUIRED, 'comment'));
    case 'reject': {
      const reason = reqString(a.reason, ErrorCode.REASON_REQUIRED, 'reason');
      if (!['quality', 'incomplete', 'other'].includes(reason))
        throw new GengoError(ErrorCode.REASON_REQUIRED, 'reason must be quality, incomplete or other');
      const comment = reqString(a.comment, ErrorCode.COMMENT_REQUIRED, 'comment');
      const captcha = reqString(a.captcha, ErrorCode.CAPTCHA_REQUIRED, 'captcha');
      const followUp = a.follow_up ?? 'requeue';
      if (followUp !== 'requeue' && followUp !== 'cancel')
        throw new GengoError(ErrorCode.FOLLOW_UP_INVALID, 'Invalid follow-up value');
      return reject(emu, job, { reason, comment, captcha, followUp });
    }
    case 'archive':
      if (job.status !== 'approved')
        throw new GengoError(ErrorCode.INVALID_JOB_STATUS, 'Only approved jobs can be archived');
      job.archived = true;
      return;
    default:
      throw new GengoError(ErrorCode.INVALID_JOB_STATUS, `unknown action "${action}"`);
  }
}

function jobGet(ctx: ApiContext) {
  const job = jobOr2100(ctx.emu, ctx.match[0]);
  return { job: jobPayload(ctx.emu, job, { preMt: parseFlag(ctx.params.get('pre_mt')) === true }) };
}

function jobPut(ctx: ApiContext) {
  const job = jobOr2100(ctx.emu, ctx.match[0]);
  const data = dataOf(ctx);
  applyAction(ctx.emu, job, String(data.action ?? ''), data);
  return {};
}

/** translate/jobs PUT: all-or-nothing bulk action; errors keyed by job id. */
function jobsPut(ctx: ApiContext) {
  const data = dataOf(ctx);
  const action = String(data.action ?? '');
  if (!Array.isArray(data.job_ids) || data.job_ids.length === 0)
    throw new GengoError(ErrorCode.JOB_ID_REQUIRED, 'job_id is a required field');
  const items = data.job_ids.map((x) =>
    x && typeof x === 'object' ? (x as Record<string, unknown>) : ({ job_id: x } as Record<string, unknown>)
  );
  // Dry-run on copies first so one bad job leaves every job untouched.
  const errors: Record<string, GengoErrorBody[]> = {};
  const seen = new Set<string>();
  for (const item of items) {
    const id = String(item.job_id ?? '');
    let probe: Job | undefined;
    try {
      if (seen.has(id)) throw new GengoError(ErrorCode.INVALID_JOB_STATUS, `job ${id} is listed twice`);
      seen.add(id);
      const job = jobOr2100(ctx.emu, id);
      probe = { ...job, comments: [...job.comments] };
      applyAction(dryRun(ctx.emu), probe, action, { ...data, ...item });
    } catch (err) {
      if (!(err instanceof GengoError)) throw err;
      errors[id] = [err.body()];
      // A wrong captcha burns the old one, as on the single-job PUT: the error's new
      // captcha_url must be the job's real captcha.
      const job = ctx.emu.store.job(id);
      if (err.code === ErrorCode.CAPTCHA_INVALID && job && probe) {
        job.captcha = probe.captcha;
        job.captchaNonce = probe.captchaNonce;
      }
    }
  }
  if (Object.keys(errors).length) throw new KeyedGengoError(errors);
  const rejected: unknown[] = [];
  for (const item of items) {
    const job = jobOr2100(ctx.emu, String(item.job_id));
    applyAction(ctx.emu, job, action, { ...data, ...item });
    if (action === 'reject')
      rejected.push({
        job_id: job.id,
        rejection_reason: job.rejection?.reason,
        rejection_comments: job.rejection?.comment,
        worker_id: 4,
        customer_id: 3,
      });
  }
  return action === 'reject' ? { jobs: rejected } : {};
}

/** An emulator whose side effects (callbacks, money) go nowhere: for validating bulk actions. */
function dryRun(emu: Emulator): Emulator {
  const store = Object.create(emu.store);
  store.balanceCents = 0;
  store.spentCents = 0;
  return { ...emu, store, callbacks: { send: () => undefined } as never };
}

function jobsList(ctx: ApiContext) {
  const statusParam = ctx.params.get('status');
  const status = statusParam === 'cancelled' ? 'canceled' : statusParam;
  if (status && !JOB_STATUSES.includes(status as JobStatus))
    throw new GengoError(ErrorCode.INVALID_JOB_STATUS, 'Invalid job status');
  const after = ctx.params.get('timestamp_after');
  const countParam = ctx.params.get('count');
  // Gengo: count defaults to 10, at most 200 (larger values are capped); with only
  // timestamp_after and no count, every job since then.
  let count = after ? Infinity : 10;
  if (countParam) {
    const n = Number.parseInt(countParam, 10);
    count = Number.isFinite(n) ? Math.min(Math.max(n, 1), 200) : 10;
  }
  const jobs = ctx.emu.store
    .jobsNewestFirst()
    .filter((j) => j.status !== 'queued')
    .filter((j) => !status || j.status === status)
    .filter((j) => !after || j.ctime > Number(after))
    .slice(0, count);
  return jobs.map((j) => ({ job_id: j.id, ctime: j.ctime }));
}

function jobsByIds(ctx: ApiContext) {
  const ids = ctx.match[0]
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return { jobs: ids.map((id) => jobPayload(ctx.emu, jobOr2100(ctx.emu, id))) };
}

function groupGet(ctx: ApiContext) {
  const group = ctx.emu.store.groups.get(Number(ctx.match[0]));
  if (!group) throw new GengoError(ErrorCode.GROUP_ACCESS, 'Unauthorized job group access');
  return { jobs: group.jobIds.map((id) => ({ job_id: String(id) })), ctime: group.ctime };
}

function commentPost(ctx: ApiContext) {
  const job = jobOr2100(ctx.emu, ctx.match[0]);
  const body = dataOf(ctx).body;
  job.comments.push({
    body: reqString(body, ErrorCode.COMMENT_BODY_REQUIRED, 'body'),
    author: 'customer',
    ctime: nowS(ctx.emu),
  });
  return {};
}

function revisionGet(ctx: ApiContext) {
  const job = jobOr2100(ctx.emu, ctx.match[0]);
  const rev = job.revisions.find((r) => String(r.rev_id) === ctx.match[1]);
  if (!rev) throw new GengoError(ErrorCode.REVISION_ACCESS, 'Unauthorized revision access');
  return { revision: { ctime: rev.ctime, body_tgt: rev.body_tgt } };
}

export const jobRoutes: Route[] = [
  { method: 'GET', path: 'translate/job/:id', auth: 'signed', handler: jobGet },
  { method: 'PUT', path: 'translate/job/:id', auth: 'signed', handler: jobPut },
  {
    method: 'DELETE',
    path: 'translate/job/:id',
    auth: 'signed',
    handler: (ctx) => (cancel(ctx.emu, jobOr2100(ctx.emu, ctx.match[0])), {}),
  },
  {
    method: 'GET',
    path: 'translate/job/:id/preview',
    auth: 'signed',
    handler: (ctx) => (jobOr2100(ctx.emu, ctx.match[0]), new RawAnswer('image/jpeg', TINY_JPEG)),
  },
  {
    method: 'GET',
    path: 'translate/job/:id/revisions',
    auth: 'signed',
    handler: (ctx) => {
      const job = jobOr2100(ctx.emu, ctx.match[0]);
      return {
        job_id: String(job.id),
        revisions: job.revisions.map((r) => ({ rev_id: String(r.rev_id), ctime: r.ctime })),
      };
    },
  },
  { method: 'GET', path: 'translate/job/:id/revision/:rev', auth: 'signed', handler: revisionGet },
  // gengo-python asks for revisions/{id} (plural); Gengo's page says revision/{id}: serve both.
  { method: 'GET', path: 'translate/job/:id/revisions/:rev', auth: 'signed', handler: revisionGet },
  {
    method: 'GET',
    path: 'translate/job/:id/feedback',
    auth: 'signed',
    handler: (ctx) => {
      const fb = jobOr2100(ctx.emu, ctx.match[0]).feedback;
      return {
        feedback: fb
          ? { rating: fb.rating !== undefined ? String(fb.rating) : '', for_translator: fb.for_translator ?? '' }
          : {},
      };
    },
  },
  { method: 'POST', path: 'translate/job/:id/comment', auth: 'signed', handler: commentPost },
  {
    method: 'GET',
    path: 'translate/job/:id/comments',
    auth: 'signed',
    handler: (ctx) => ({ thread: jobOr2100(ctx.emu, ctx.match[0]).comments }),
  },
  { method: 'GET', path: 'translate/jobs', auth: 'signed', handler: jobsList },
  {
    method: 'POST',
    path: 'translate/jobs',
    auth: 'signed',
    handler: (ctx) => placeOrder(ctx.emu, dataOf(ctx), ctx.params.get('data') ?? ''),
  },
  { method: 'PUT', path: 'translate/jobs', auth: 'signed', handler: jobsPut },
  { method: 'GET', path: 'translate/jobs/group/:group', auth: 'signed', handler: groupGet },
  { method: 'GET', path: 'translate/jobs/:ids', auth: 'signed', handler: jobsByIds },
];
