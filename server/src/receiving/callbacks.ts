import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';
import { GengoApiError, type Job } from '../gengo';
import { pluginConfig } from '../platform/config';
import type { SerialQueue } from '../platform/serial-queue';
import { getService } from '../platform/services';
import { parseCallbackBody } from './callback-body';
import { syncComments } from './comments';
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

  /** Gengo's view of the jobs: one call for all of them; one each when Gengo refuses one of the ids. */
  const fetchJobs = async (ids: string[]): Promise<Job[]> => {
    const client = await settings().client();
    if (ids.length === 1) return [(await client.getJob(ids[0])).job];
    try {
      return (await client.getJobs(ids)).jobs ?? [];
    } catch (err) {
      // Gengo down or slow: the poller catches up. An id it refuses fails the whole call: ask per id.
      if (!(err instanceof GengoApiError) || err.code === undefined) throw err;
      const each = await Promise.allSettled(ids.map((id) => client.getJob(id)));
      each.forEach((r, i) => r.status === 'rejected' && logFailure(ids[i], 'job', r.reason));
      return each.flatMap((r) => (r.status === 'fulfilled' ? [r.value.job] : []));
    }
  };

  const intake = createJobIntake({
    fetch: fetchJobs,
    // Callbacks come a few at a time: gathered, a stream of them is fetched and recorded in
    // batches of dozens (one GET, one commit) instead of one per handful.
    gatherMs: pluginConfig(strapi).callbackGatherMs,
    process: (jobs, ids) =>
      queue
        .run(`jobs:${ids.join(',')}`, () => sync.syncJobs(jobs))
        .then((results) =>
          results.forEach((r, i) => r.status === 'rejected' && logFailure(String(jobs[i].job_id), 'job', r.reason))
        ),
    onError: (ids, err) => ids.forEach((id) => logFailure(id, 'job', err)),
    track: (work) => void queue.track(work),
  });

  const urlFor = (publicUrl: string | null, plain: string | null): string | null => {
    if (!publicUrl || !plain) return null;
    return `${publicUrl.replace(/\/+$/, '')}${CALLBACK_PATH}${encodeURIComponent(plain)}`;
  };

  /**
   * Queues the work for a verified callback and returns at once. Job callbacks go through the
   * intake (gathered into batched fetches; one job's callbacks waiting together collapse into
   * one); comment callbacks read the thread. Failures are logged: the poller catches up.
   */
  const accept = (kind: CallbackKind, gengoJobId: string): void => {
    if (kind === 'job') {
      intake.add(gengoJobId);
      return;
    }
    queue
      .run(`comments:${gengoJobId}`, async () => {
        // A comment may be the first we hear of a job: learn the job first.
        await sync.refresh(gengoJobId);
        return syncComments(strapi, gengoJobId);
      })
      .catch((err: any) => logFailure(gengoJobId, kind, err));
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

    /** At shutdown: callbacks not fetched yet are left to the poller. */
    close: () => intake.close(),
  };
};

export type Callbacks = ReturnType<typeof createCallbacks>;
