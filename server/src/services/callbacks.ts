import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';
import { GengoApiError } from '../gengo';
import type { ApplyService } from './apply';
import { createCallbackToken } from './callback-token';
import type { JobSyncService } from './job-sync';
import type { SettingsService } from './settings';

/**
 * Gengo's callbacks: the URL sent with every job (`callback_url`), its secret token, and what a
 * verified callback starts. A callback is only a hint that a job changed: its body is never
 * trusted, the job is fetched again from Gengo (signed GET) in the receiving queue, after the
 * route has already answered.
 */
export const CALLBACK_PATH = `/api/${PLUGIN_ID}/callback/`;

export type CallbackKind = 'job' | 'comment';

const createCallbacksService = ({ strapi }: { strapi: Core.Strapi }) => {
  const token = createCallbackToken(strapi);
  const settings = () => strapi.plugin(PLUGIN_ID).service('settings') as SettingsService;
  const apply = () => strapi.plugin(PLUGIN_ID).service('apply') as ApplyService;
  const sync = () => strapi.plugin(PLUGIN_ID).service('jobSync') as JobSyncService;

  const urlFor = (publicUrl: string | null, plain: string | null): string | null => {
    if (!publicUrl || !plain) return null;
    return `${publicUrl.replace(/\/+$/, '')}${CALLBACK_PATH}${encodeURIComponent(plain)}`;
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

    /**
     * Queues the work for a verified callback and returns at once. Callbacks for one job waiting
     * in the queue collapse into one fetch. Failures are logged: the poller catches up.
     */
    accept(kind: CallbackKind, gengoJobId: string): void {
      const queue = apply().queue;
      const run =
        kind === 'job'
          ? queue.run(`job:${gengoJobId}`, () => sync().refresh(gengoJobId))
          : queue.run(`comments:${gengoJobId}`, async () => {
              // A comment may be the first we hear of a job: learn the job first.
              await sync().refresh(gengoJobId);
              return sync().syncComments(gengoJobId);
            });
      run.catch((err: any) => {
        // Gengo refusing the job (not this account's, unknown id): a forged or stray callback, ignored.
        const level = err instanceof GengoApiError && err.code !== undefined && err.code !== 1000 ? 'warn' : 'error';
        strapi.log[level](`[gengo] callback for job ${gengoJobId} (${kind}) not applied: ${err?.message ?? err}`);
      });
    },
  };
};

export type CallbacksService = ReturnType<typeof createCallbacksService>;
export default createCallbacksService;
