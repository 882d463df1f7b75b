import type { Core } from '@strapi/strapi';
import type { Job } from '../gengo';
import type { OrderRecord } from '../platform/records';
import { createLeases } from '../platform/lease';
import { createSerialQueue } from '../platform/serial-queue';
import { createApply, type ApplyOptions } from './apply';
import { createCallbacks } from './callbacks';
import { createConflicts, type ConflictView } from './conflicts';
import { createDocumentLock } from './document-lock';
import { createJobLocator } from './locate';
import { createReconcile } from './reconcile';
import { callbackRefusal } from './refusal';
import { createJobSync } from './sync';
import { createTargetIo } from './target';

/**
 * Receiving: what Gengo sends back, written into the target locale. A callback (lane, callbacks,
 * token, refusal) or the poller (reconcile) names jobs; they are fetched from Gengo (intake),
 * found (locate), recorded and written holding their documents (sync → document-lock → apply →
 * target), one serial queue per process. README.md in this folder follows a callback through.
 */
const createReceivingService = ({ strapi }: { strapi: Core.Strapi }) => {
  const leases = createLeases(strapi);
  /** The receiving side's one queue: a task at a time, the event loop served between tasks. */
  const queue = createSerialQueue();
  const io = createTargetIo(strapi);
  const lock = createDocumentLock({
    leases,
    afterCommit: async (order) => {
      await io.publishIfWanted(order).catch((err) => {
        strapi.log.error(`[gengo] publishing order ${order.id}: ${err.message}`);
      });
    },
  });
  const apply = createApply(strapi, { io, lock });
  const sync = createJobSync(strapi, { locator: createJobLocator(strapi), lock, apply });
  const callbacks = createCallbacks(strapi, { queue, sync });
  const reconcile = createReconcile(strapi, { leases, queue, sync });
  const conflicts = createConflicts(strapi, io);

  /** Segments of one order written now, holding its document. */
  const applySegment = async (orderId: number, segmentKey: string, opts: ApplyOptions = {}) =>
    (await apply.now(orderId, [segmentKey], opts)).get(segmentKey)!;

  return {
    /** A verified callback's form fields: queued, or a ValidationError (400). */
    receive: callbacks.receive,
    /** Why a callback is refused before its body is read (null: it may be read). */
    refusal: (ctx: { is(type: string): string | false | null }, token: unknown) =>
      callbackRefusal(ctx, callbacks.verifyToken, token),
    /** At bootstrap: makes the callback token when there is none. */
    ensureToken: callbacks.ensureToken,
    /** The `callback_url` for jobs: null without a public URL (then only the poller applies). */
    callbackUrl: callbacks.callbackUrl,
    /** The callback URL, and when its token was re-created because it could not be decrypted. */
    callbackUrlState: callbacks.callbackUrlState,
    rotateToken: callbacks.rotateToken,
    /** `POST /gengo/reconcile` ("check now"). */
    reconcile: reconcile.run,
    /** The minute tick: polls when the poll interval is due. */
    tick: reconcile.tick,
    /** Gengo's view of these jobs recorded and written (the path of every batch). */
    syncJobs: (jobs: Job[]) => sync.syncJobs(jobs),
    /** One job, as Gengo returned it (a review action's answer). */
    syncJob: (job: Job) => sync.syncJob(job),
    /** One job fetched from Gengo and synced. */
    refresh: (gengoJobId: string) => sync.refresh(gengoJobId),
    /** A segment whose chunks Gengo answered at once (lazy loading) written now. */
    applySegment,
    /** The same through the queue (a reviewer's decision, e.g. `force`). */
    request: (orderId: number, segmentKey: string, opts: ApplyOptions = {}) =>
      queue.run(`apply:${orderId}:${segmentKey}:${opts.force ? 'force' : ''}`, () =>
        applySegment(orderId, segmentKey, opts)
      ),
    /** An order's conflicts: the person's text and the translation, per path (the review shows both). */
    conflicts: (order: OrderRecord): Promise<ConflictView[]> => conflicts.of(order),
    /** Resolves when the queue has nothing waiting or running. */
    idle: () => queue.idle(),
    /** Shutdown, first step: callbacks not fetched yet are left to the next poll. */
    stopIntake: callbacks.close,
    /** Shutdown, last step: tasks not started are left to the next poll (the job rows say what is unapplied). */
    close: () => queue.close(),
    /** The parts themselves, the objects the path calls (benches time them, tests drive them). */
    parts: { apply, sync, callbacks, reconcile },
  };
};

export type ReceivingService = ReturnType<typeof createReceivingService>;
export default createReceivingService;
export { CALLBACK_PATH } from './callbacks';
export { createCallbackLane } from './lane';
export type { ApplyOutcome } from './apply';
export type { SyncOutcome } from './sync';
export type { ConflictView } from './conflicts';
