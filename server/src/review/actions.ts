import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { GengoApiError, GengoUnconfirmedChangeError, type GengoClient, type Job, type NumLike } from '../gengo';
import { CaptchaFetchError, fetchCaptchaImage, type CaptchaImage } from '../gengo/captcha';
import type {
  ApproveRequest,
  EntryReviewQuery,
  JobDetail,
  MachinePreview,
  RejectRequest,
  RestoredView,
} from '../../../shared/contracts/review';
import { restoredView } from './restored';
import { createResolve } from './resolve';
import { createEntryReview } from './entry';
import { createFieldActions } from './fields';
import { toJobView, type JobView } from '../ordering';
import { announceJobMoves } from '../platform/job-moves';
import {
  decodeCustomData,
  idScope,
  normalizeStatus,
  OUR_MARKS,
  TRANSLATED,
  type JobRecord,
  type OrderRecord,
} from '../platform/records';
import { getService } from '../platform/services';
import type { ContentAccess } from '../platform/content-permissions';
import type { ConflictInfo } from '../../../shared/contracts/orders';

/**
 * Review of one of our jobs (routes take OUR job id or documentId): approve, revise, reject,
 * cancel, the comment thread, revisions, feedback, and Gengo's machine preview. Each action goes to
 * Gengo with the job's Gengo id, then the row is refreshed from Gengo's answer to a signed GET.
 */

/** The bodies of approve and reject, as validated (controllers/validation/review.ts). */
export type ApproveInput = ApproveRequest;
export type RejectInput = RejectRequest;

/**
 * Gengo said no (wrong captcha, wrong state…): a 400 carrying Gengo's message and code. An action
 * whose answer was lost and that did not take effect (the client read the job again) is a 400
 * saying so; for a reject, that a fresh captcha is needed.
 */
const refused = (err: unknown, what: string): never => {
  if (err instanceof GengoUnconfirmedChangeError)
    throw new errors.ApplicationError(err.message, {
      code: null,
      needsFreshCaptcha: err.needsFreshCaptcha,
      observed: err.observed,
    });
  if (err instanceof GengoApiError)
    throw new errors.ApplicationError(`Gengo refused to ${what}: ${err.gengoMessage ?? err.message}`, {
      code: err.code ?? null,
    });
  throw err;
};

const createReviewService = ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => getService(strapi, 'ordering').store;
  const client = () => getService(strapi, 'settings').client();
  /** Side effects started after an action and not awaited by the request (see `settled`). */
  const pending = new Set<Promise<unknown>>();
  const entryReview = createEntryReview(strapi);

  /** Gengo creates jobs after the order: finds this order's jobs by their custom_data. */
  const discover = async (gengo: GengoClient, row: JobRecord): Promise<string | null> => {
    const order = await store().findOrder(row.orderId);
    if (!order?.gengoOrderId) return null;
    const { order: o } = await gengo.getOrder(order.gengoOrderId);
    const ids = new Set<string>();
    for (const [key, value] of Object.entries(o))
      if (key.startsWith('jobs_') && Array.isArray(value)) (value as NumLike[]).forEach((id) => ids.add(String(id)));
    const { jobs } = await gengo.getJobs([...ids]);
    for (const job of jobs ?? []) {
      const data = decodeCustomData(job.custom_data);
      if (data?.ref !== order.reference) continue;
      const match = await store().findJobByParts(order.id, data.s, data.c);
      if (match && !match.gengoJobId)
        await store().setGengoJobId(match.id, String(job.job_id), { scope: idScope(gengo) });
    }
    return (await store().findJob(String(row.id)))?.gengoJobId ?? null;
  };

  const resolve = async (id: string): Promise<{ row: JobRecord; gengoJobId: string; gengo: GengoClient }> => {
    const row = await store().findJob(id);
    if (!row) throw new errors.NotFoundError(`Job ${id} not found`);
    // Its Gengo id was found to name another job (receiving/locate.ts): nothing to act on at Gengo.
    if (!row.gengoJobId && row.status === 'error' && row.lastError)
      throw new errors.ApplicationError(row.lastError, { code: null });
    const gengo = await client();
    const gengoJobId = row.gengoJobId ?? (await discover(gengo, row));
    if (!gengoJobId) throw new errors.ApplicationError(`Gengo has not created job ${id} yet: try again in a moment`);
    return { row: { ...row, gengoJobId }, gengoJobId, gengo };
  };

  /** Stores Gengo's view of the job; hands it to the receiving side, which applies translations. */
  const refresh = async (row: JobRecord, job: Job, note?: string): Promise<JobView> => {
    const gengoStatus = normalizeStatus(job.status);
    const data: Partial<JobRecord> = { gengoStatus, captchaUrl: job.captcha_url ?? null };
    if (!TRANSLATED.has(gengoStatus) && !OUR_MARKS.has(row.status)) data.status = gengoStatus as JobRecord['status'];
    // The move is recorded here, before the receiving side sees the job: announced here too.
    if ((gengoStatus === 'reviewable' || gengoStatus === 'approved') && row.gengoStatus !== gengoStatus) {
      const order = await store().findOrder(row.orderId);
      if (order) await announceJobMoves(strapi, [{ order, row, gengoStatus }]);
    }
    const updated = await store().updateJob(row, data, note);
    // Writing an approved translation into the entry is the receiving side's (also its poller's).
    const run = Promise.resolve()
      .then(() => getService(strapi, 'receiving').syncJob(job))
      .catch((err: any) => strapi.log.error(`[gengo] sync of job ${job.job_id} failed: ${err?.message ?? err}`))
      .finally(() => pending.delete(run));
    pending.add(run);
    return toJobView(updated);
  };

  /** The whole segment this job belongs to, restored from its chunks (this one as Gengo just sent it). */
  const restore = async (row: JobRecord, job: Job): Promise<RestoredView | null> => {
    const bodyTgt = typeof job.body_tgt === 'string' && job.body_tgt ? job.body_tgt : null;
    if (!bodyTgt) return null;
    const order = await store().findOrder(row.orderId);
    const segment = order?.segments?.find((s) => s.key === row.segmentKey);
    const chunks = (await store().jobsOf([row.orderId]))
      .filter((r) => r.segmentKey === row.segmentKey)
      .map((r) => (r.id === row.id ? { chunkIndex: r.chunkIndex, bodyTgt } : r));
    return restoredView(segment, chunks);
  };

  /** A row whose text came from the translation memory: no Gengo job, so no Gengo action but approval. */
  const reusedRow = async (id: string): Promise<JobRecord | null> => {
    const row = await store().findJob(id);
    return row?.reusedFrom && !row.gengoJobId ? row : null;
  };

  /** Approving a reused text is ours alone: the row approved, then written like a delivered approval. */
  const approveReused = async (row: JobRecord): Promise<JobView> => {
    if (row.gengoStatus !== 'reviewable')
      throw new errors.ApplicationError(`This reused translation is ${row.gengoStatus}, not awaiting review`, {
        code: null,
      });
    // Its segment's other chunks (same remembered text) are approved with it: one decision.
    const segmentRows = (await store().jobsOf([row.orderId])).filter(
      (r) => r.segmentKey === row.segmentKey && r.reusedFrom && r.gengoStatus === 'reviewable'
    );
    for (const r of segmentRows)
      await store().updateJob(
        r,
        { gengoStatus: 'approved', ...(OUR_MARKS.has(r.status) ? {} : { status: 'approved' }) },
        'approved (reused from the translation memory)'
      );
    await getService(strapi, 'receiving').request(row.orderId, row.segmentKey);
    return toJobView((await store().findJob(String(row.id))) ?? row);
  };

  const act = async (id: string, what: string, call: (gengo: GengoClient, gengoJobId: string) => Promise<unknown>) => {
    if (await reusedRow(id))
      throw new errors.ApplicationError(
        `This text was reused from the translation memory: there is no Gengo job to ${what}. Order the entry again with "order again anyway" for a new translation.`,
        { code: null }
      );
    const { row, gengoJobId, gengo } = await resolve(id);
    try {
      await call(gengo, gengoJobId);
    } catch (err) {
      // A refused reject gets a new captcha: keep the row's captcha_url current.
      if (err instanceof GengoApiError || err instanceof GengoUnconfirmedChangeError)
        await gengo
          .getJob(gengoJobId)
          .then(({ job }) => refresh(row, job))
          .catch(() => undefined);
      refused(err, what);
    }
    const { job } = await gengo.getJob(gengoJobId);
    return refresh(row, job, what);
  };

  const approve = async (id: string, input: ApproveInput) => {
    const reused = await reusedRow(id);
    if (reused) return approveReused(reused);
    return act(id, 'approve', (g, gid) =>
      g.approveJob(gid, {
        ...(input.rating ? { rating: input.rating } : {}),
        ...(input.forTranslator ? { for_translator: input.forTranslator } : {}),
        ...(input.forGengo ? { for_mygengo: input.forGengo } : {}),
        ...(input.public != null ? { public: input.public ? 1 : 0 } : {}),
      })
    );
  };
  const revise = (id: string, comment: string) => act(id, 'request a revision', (g, gid) => g.reviseJob(gid, comment));
  const fields = createFieldActions(strapi, entryReview, (jobId) => ({
    approve: (input) => approve(String(jobId), input),
    revise: (comment) => revise(String(jobId), comment),
  }));

  return {
    /** Resolves once the side effects started by earlier actions are done (shutdown, tests). */
    async settled(): Promise<void> {
      while (pending.size) await Promise.allSettled([...pending]);
    },

    /**
     * The job, refreshed from Gengo (its captcha_url too) when Gengo has created it, with
     * `restored`: the translated segment with our markup put back (null before any translation).
     */
    async get(id: string): Promise<JobDetail> {
      const { row, gengoJobId, gengo } = await resolve(id);
      const { job } = await gengo.getJob(gengoJobId);
      const view = await refresh(row, job);
      return { ...view, restored: await restore(row, job) };
    },

    /** The image of the job's current captcha, fetched from the URL Gengo gives for this job only. */
    async captcha(id: string): Promise<CaptchaImage> {
      const { row, gengoJobId, gengo } = await resolve(id);
      const { job } = await gengo.getJob(gengoJobId);
      await refresh(row, job);
      if (!job.captcha_url)
        throw new errors.NotFoundError(`Job ${id} has no captcha: Gengo gives one only while a job is reviewable`);
      return fetchCaptchaImage(job.captcha_url, { apiBaseUrl: gengo.baseUrl }).catch((err) => {
        if (err instanceof CaptchaFetchError) throw new errors.ApplicationError(err.message);
        throw err;
      });
    },

    approve,
    revise,

    reject: (id: string, input: RejectInput) =>
      act(id, 'reject', (g, gid) =>
        g.rejectJob(gid, {
          reason: input.reason,
          comment: input.comment,
          captcha: input.captcha,
          follow_up: input.followUp ?? 'requeue',
        })
      ),

    /** Gengo cancels only `available` jobs (overview.md): refused here first with a clear message. */
    cancel: (id: string) =>
      act(id, 'cancel', async (g, gid) => {
        const { job } = await g.getJob(gid);
        const status = normalizeStatus(job.status);
        if (status !== 'available')
          throw new errors.ApplicationError(
            `Only a job still available to translators can be cancelled; this one is ${status}`,
            { status }
          );
        return g.cancelJob(gid);
      }),

    async comments(id: string) {
      const { gengoJobId, gengo } = await resolve(id);
      const { thread } = await gengo.listJobComments(gengoJobId);
      return thread ?? [];
    },

    async postComment(id: string, body: string) {
      const { gengoJobId, gengo } = await resolve(id);
      await gengo.postJobComment(gengoJobId, body).catch((err) => refused(err, 'post the comment'));
      const { thread } = await gengo.listJobComments(gengoJobId);
      return thread ?? [];
    },

    async revisions(id: string) {
      const { gengoJobId, gengo } = await resolve(id);
      return (await gengo.listJobRevisions(gengoJobId)).revisions ?? [];
    },

    async revision(id: string, revId: string) {
      const { gengoJobId, gengo } = await resolve(id);
      return (await gengo.getJobRevision(gengoJobId, revId).catch((err) => refused(err, 'show the revision'))).revision;
    },

    async feedback(id: string) {
      const { gengoJobId, gengo } = await resolve(id);
      return (await gengo.getJobFeedback(gengoJobId).catch((err) => refused(err, 'show the feedback'))).feedback;
    },

    /** A conflict resolved per path: keep the person's text, or take the translation. */
    resolve: createResolve(strapi),

    /** `GET /gengo/review`: an entry's translation into one locale, field by field. */
    entry: (q: EntryReviewQuery, access: ContentAccess) => entryReview.get(q, access),
    /** An order's conflicts named by their field's label, as `entry` names them. */
    labelledConflicts: (order: OrderRecord, conflicts: ConflictInfo[]) =>
      entryReview.labelledConflicts(order, conflicts),
    /** `POST /gengo/orders/:id/approve|revise`: a field (or all) acted on, job by job. */
    fields,

    /** Gengo's machine translation (`pre_mt`) while the human one is in progress; the human one after. */
    async machinePreview(id: string): Promise<MachinePreview> {
      const { gengoJobId, gengo } = await resolve(id);
      const { job } = await gengo.getJob(gengoJobId, { preMt: true });
      const status = normalizeStatus(job.status);
      return { status, machine: !TRANSLATED.has(status), bodyTgt: job.body_tgt ?? null };
    },
  };
};

export type ReviewService = ReturnType<typeof createReviewService>;
export default createReviewService;
