import type { Core } from '@strapi/strapi';
import { PLUGIN_ID, UIDS } from '../constants';
import { GengoApiError, type Job } from '../gengo';
import { pluginConfig } from '../platform/config';
import { createMinuteWindow } from '../platform/minute-window';
import { decodeCustomData } from '../platform/records';
import type { SerialQueue } from '../platform/serial-queue';
import { getService } from '../platform/services';
import { parseCallbackBody } from './callback-body';
import { storeComments, type CommentThread } from './comments';
import { createJobIntake } from './intake';
import type { JobSync } from './sync';
import { createCallbackToken } from './token';

/**
 * Gengo's callbacks: the URL sent with every job (`callback_url`), its secret token, and what a
 * verified callback starts. A callback is only a hint that a job changed: its body is never
 * trusted, the job is fetched again from Gengo (signed GET) in the receiving queue, after the
 * route has already answered.
 */
export const CALLBACK_PATH = `/api/${PLUGIN_ID}/callback/`;

export type CallbackKind = 'job' | 'comment';

export const createCallbacks = (strapi: Core.Strapi, { queue, sync }: { queue: SerialQueue; sync: JobSync }) => {
  const token = createCallbackToken(strapi);
  const settings = () => getService(strapi, 'settings');

  const logFailure = (gengoJobId: string, kind: CallbackKind, err: any) => {
    // Gengo refusing the job (not this account's, unknown id): a forged or stray callback, ignored.
    const level = err instanceof GengoApiError && err.code !== undefined && err.code !== 1000 ? 'warn' : 'error';
    strapi.log[level](`[gengo] callback for job ${gengoJobId} (${kind}) not applied: ${err?.message ?? err}`);
  };

  /** Every Gengo GET of the intake takes a start from this window (config `callbackRequestsPerMinute`). */
  const window = createMinuteWindow(() => pluginConfig(strapi).callbackRequestsPerMinute);
  class IntakeClosed extends Error {}
  const paced = async <R>(call: () => Promise<R>): Promise<R> => {
    if (!(await window.take())) throw new IntakeClosed('The callback intake is closed: left to the poller');
    return call();
  };

  /**
   * Gengo's view of the jobs: one call for all of them. An id Gengo refuses (not this account's,
   * unknown) fails the whole call: the batch is split in halves, each asked again, down to the
   * refused ids, with at most `2 × ⌈log2 n⌉ + 1` more calls (one refused id among 50 costs 12
   * more, not 50 parallel single-job GETs); ids still unresolved then are left to the poller.
   */
  const fetchJobs = async (ids: string[]): Promise<Job[]> => {
    const client = await settings().client();
    const ask = (part: string[]) =>
      paced(async () =>
        part.length === 1 ? [(await client.getJob(part[0])).job] : ((await client.getJobs(part)).jobs ?? [])
      );
    try {
      return await ask(ids);
    } catch (err) {
      // Gengo down or slow: the poller catches up.
      if (!(err instanceof GengoApiError) || err.code === undefined || ids.length === 1) throw err;
    }
    let budget = 2 * Math.ceil(Math.log2(ids.length)) + 1;
    const found: Job[] = [];
    const unresolved: string[] = [];
    const split = async (part: string[]): Promise<void> => {
      if (budget <= 0) return void unresolved.push(...part);
      budget--;
      try {
        found.push(...(await ask(part)));
      } catch (err) {
        if (!(err instanceof GengoApiError) || err.code === undefined) return void unresolved.push(...part);
        if (part.length === 1) return logFailure(part[0], 'job', err);
        const half = Math.ceil(part.length / 2);
        await split(part.slice(0, half));
        await split(part.slice(half));
      }
    };
    const half = Math.ceil(ids.length / 2);
    await split(ids.slice(0, half));
    await split(ids.slice(half));
    if (unresolved.length)
      strapi.log.warn(
        `[gengo] callbacks: ${unresolved.length} job(s) of a batch Gengo refused were not re-checked (the poller will): ${unresolved.slice(0, 10).join(', ')}${unresolved.length > 10 ? '…' : ''}`
      );
    return found;
  };

  /** Dropped ids are told once per flood (and then every 1,000), never once each. */
  let dropped = 0;
  const onDropped = (gengoJobId: string) => {
    if (dropped++ % 1000 === 0)
      strapi.log.warn(
        `[gengo] callbacks: ${pluginConfig(strapi).callbackMaxQueuedIds} job ids are waiting already (config callbackMaxQueuedIds); job ${gengoJobId} and ${dropped > 1 ? `${dropped - 1} more` : 'those after it'} are left to the poller`
      );
  };
  const maxQueued = () => pluginConfig(strapi).callbackMaxQueuedIds;
  const reported = (jobs: Job[], kind: CallbackKind) => (results: PromiseSettledResult<unknown>[]) =>
    results.forEach((r, i) => r.status === 'rejected' && logFailure(String(jobs[i].job_id), kind, r.reason));
  const failed = (kind: CallbackKind) => (ids: string[], err: unknown) => {
    if (!(err instanceof IntakeClosed)) ids.forEach((id) => logFailure(id, kind, err));
  };

  const intake = createJobIntake<Job>({
    fetch: fetchJobs,
    // Callbacks come a few at a time: gathered, a stream of them is fetched and recorded in
    // batches of dozens (one GET, one commit) instead of one per handful.
    gatherMs: pluginConfig(strapi).callbackGatherMs,
    maxQueued,
    onDropped,
    process: (jobs, ids) => queue.run(`jobs:${ids.join(',')}`, () => sync.syncJobs(jobs)).then(reported(jobs, 'job')),
    onError: failed('job'),
    track: (work) => void queue.track(work),
  });

  /**
   * Comment callbacks, batched like job callbacks: their jobs fetched together (a comment may be
   * the first we hear of a job), then each of our jobs' thread read (one GET each: Gengo has no
   * batch for threads), all paced by the window; repeated callbacks of a job collapse while
   * waiting. Written in the queue: the jobs synced, then the new comments stored.
   */
  const comments = createJobIntake<{ job: Job; thread: CommentThread }>({
    fetch: async (ids) => {
      const client = await settings().client();
      const out: Array<{ job: Job; thread: CommentThread }> = [];
      for (const job of await fetchJobs(ids)) {
        const id = String(job.job_id);
        const ours =
          decodeCustomData(job.custom_data) !== null ||
          (await strapi.db.query(UIDS.job).findOne({ where: { gengoJobId: id }, select: ['id'] }));
        if (!ours) continue;
        try {
          out.push({ job, thread: (await paced(() => client.listJobComments(id))).thread ?? [] });
        } catch (err) {
          if (err instanceof IntakeClosed) throw err;
          logFailure(id, 'comment', err);
        }
      }
      return out;
    },
    gatherMs: pluginConfig(strapi).callbackGatherMs,
    maxQueued,
    onDropped,
    process: (items, ids) =>
      queue.run(`comments:${ids.join(',')}`, async () => {
        const jobs = items.map((i) => i.job);
        reported(jobs, 'comment')(await sync.syncJobs(jobs));
        for (const { job, thread } of items) await storeComments(strapi, String(job.job_id), thread);
      }),
    onError: failed('comment'),
    track: (work) => void queue.track(work),
  });

  const urlFor = (publicUrl: string | null, plain: string | null): string | null => {
    if (!publicUrl || !plain) return null;
    return `${publicUrl.replace(/\/+$/, '')}${CALLBACK_PATH}${encodeURIComponent(plain)}`;
  };

  /**
   * Queues the work for a verified callback and returns at once. Job callbacks go through the
   * intake (gathered into batched fetches; one job's callbacks waiting together collapse into
   * one); comment callbacks through the comment intake. Failures are logged: the poller catches up.
   */
  const accept = (kind: CallbackKind, gengoJobId: string): void => {
    (kind === 'job' ? intake : comments).add(gengoJobId);
  };

  return {
    /** At bootstrap: makes the token when there is none. */
    ensureToken: () => token.ensure(),
    verifyToken: (candidate: unknown) => token.verify(candidate),

    /** The `callback_url` for jobs: null without a public URL (then only the poller applies). */
    async callbackUrl(): Promise<string | null> {
      const { publicUrl } = await settings().getEffective();
      return urlFor(publicUrl, await token.plain());
    },

    /** The callback URL and whether its token was re-created (the settings page's line). */
    async callbackUrlState(): Promise<{ callbackUrl: string | null; tokenRecreatedAt: string | null }> {
      const { publicUrl } = await settings().getEffective();
      const callbackUrl = urlFor(publicUrl, await token.plain());
      return { callbackUrl, tokenRecreatedAt: await token.recreatedAt() };
    },

    /** A new token (the old URL stops working at once, jobs ordered before it are polled). */
    async rotateToken(): Promise<{ callbackUrl: string | null }> {
      const plain = await token.rotate();
      strapi.log.info('[gengo] callback token rotated');
      return { callbackUrl: urlFor((await settings().getEffective()).publicUrl, plain) };
    },

    /** A verified callback's form fields: queued (`accept`), or a ValidationError (400). */
    receive(form: unknown): void {
      const { kind, jobId } = parseCallbackBody(form);
      accept(kind, jobId);
    },

    /** Ids waiting in the intakes (a flood is capped at `callbackMaxQueuedIds` each). */
    queued: () => ({ jobs: intake.queued(), comments: comments.queued() }),

    /** At shutdown: callbacks not fetched yet are left to the poller (a paced wait ends at once). */
    close: () => {
      window.close();
      intake.close();
      comments.close();
    },
  };
};

export type Callbacks = ReturnType<typeof createCallbacks>;
