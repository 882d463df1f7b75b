import type { Core } from '@strapi/strapi';
import type { Job } from '../gengo';
import { createLeases } from '../platform/lease';
import { createSerialQueue } from '../platform/serial-queue';
import { createApply, type ApplyOptions } from './apply';
import { createCallbacks } from './callbacks';
import { createReconcile } from './reconcile';
import { callbackRefusal } from './refusal';
import { createJobSync } from './sync';

/**
 * Receiving: what Gengo sends back, written into the target locale. A callback (lane, callbacks,
 * token, refusal) or the poller (reconcile) names jobs; they are fetched again from Gengo (intake),
 * recorded (sync), and their translations written into the entries (apply, target), one serial
 * queue per process. See README.md in this folder for the whole path.
 */
const createReceivingService = ({ strapi }: { strapi: Core.Strapi }) => {
  const leases = createLeases(strapi);
  /** The receiving side's one queue: a task at a time, the event loop served between tasks. */
  const queue = createSerialQueue();
  const apply = createApply(strapi, { leases, queue });
  const sync = createJobSync(strapi, { apply });
  const callbacks = createCallbacks(strapi, { queue, sync });
  const reconcile = createReconcile(strapi, { leases, queue, sync });

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
    rotateToken: callbacks.rotateToken,
    /** `POST /gengo/reconcile` ("check now"). */
    reconcile: reconcile.run,
    /** The minute tick: polls when the poll interval is due. */
    tick: reconcile.tick,
    /** Gengo's view of these jobs recorded and applied (the poller's path, for tests and benches). */
    syncJobs: (jobs: Job[]) => sync.syncJobs(jobs),
    /** One job, as Gengo returned it (a review action's answer). */
    syncJob: sync.syncJob,
    /** One job fetched from Gengo and synced. */
    refresh: sync.refresh,
    /** A segment whose chunks Gengo answered at once (lazy loading) written now. */
    applySegment: (orderId: number, segmentKey: string, opts?: ApplyOptions) =>
      apply.applySegment(orderId, segmentKey, opts),
    /** The same through the queue (a reviewer's decision). */
    request: apply.request,
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
