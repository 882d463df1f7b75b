import type { Core } from '@strapi/strapi';
import { UIDS } from '../constants';
import type { GengoClient, Job, Order } from '../gengo';
import { emitEvent, emitOrderPlaced, orderRef } from '../platform/events';
import type { Leases } from '../platform/lease';
import type { JobRecord, OrderRecord } from '../platform/records';
import type { SerialQueue } from '../platform/serial-queue';
import { getService } from '../platform/services';
import type { JobSync, SyncOutcome } from './sync';

/**
 * Reconciliation: asks Gengo about every unfinished job (`translate/jobs/{ids}`, 200 ids a call;
 * `translate/order/{id}` for orders whose job ids we do not know yet; `findOrderByReference` for
 * orders whose POST had an unknown outcome) and syncs each job through the same path as callbacks.
 * One run at a time across instances (lease `reconcile`); the cron task ticks every minute and runs
 * when the lease `reconcile-due` (held for the poll interval) has expired, so that the interval is
 * kept across instances and a changed setting applies without rescheduling.
 */
export const JOBS_PER_CALL = 200;
const RUN_LEASE_MS = 10 * 60 * 1000;
const ACTIVE_ORDERS = ['placed', 'ambiguous'];
/**
 * An order still `placing` this long after its last change lost its process mid-POST (a crash, a
 * restart): whether Gengo got it is unknown, so it is looked up by its reference like `ambiguous`.
 */
export const PLACING_ABANDONED_MS = 10 * 60 * 1000;
/**
 * An ambiguous or abandoned order Gengo still shows no job of, this long after it was sent, never
 * reached Gengo (a 5xx before processing, a connection cut before the request was read): it fails
 * and its request key is released, so that asking again orders it. Gengo creates jobs within
 * seconds; until then, asking again finds this order and places nothing.
 */
export const NOT_FOUND_FAILS_AFTER_MS = 30 * 60 * 1000;
const FINAL = new Set(['approved', 'canceled']);
const MARKS = new Set(['conflict', 'stale', 'error']);

export interface ReconcileResult {
  skipped?: string;
  orders: number;
  polled: number;
  discovered: number;
  applied: number;
  ignored: number;
  failed: number;
}

/** Whether Gengo may still have something for this row. */
export const needsPoll = (row: JobRecord): boolean => {
  // Without an id and in error: its id was found to name another job (locate.ts, a collision);
  // Gengo has nothing more for it.
  // Its text came from the translation memory: there is no Gengo job to ask about.
  if (row.reusedFrom) return false;
  if (!row.gengoJobId) return row.status !== 'error';
  if (!row.gengoStatus || !FINAL.has(row.gengoStatus)) return true;
  // Approved at Gengo but the final text not written yet (missed callback, crash): unless a person must decide.
  return row.gengoStatus === 'approved' && row.appliedStatus !== 'approved' && !MARKS.has(row.status);
};

const orderJobIds = (order: Order): string[] =>
  Object.entries(order)
    .filter(([k, v]) => k.startsWith('jobs_') && Array.isArray(v))
    .flatMap(([, v]) => (v as unknown[]).map(String));

const empty = (): ReconcileResult => ({ orders: 0, polled: 0, discovered: 0, applied: 0, ignored: 0, failed: 0 });

export const createReconcile = (
  strapi: Core.Strapi,
  { leases, queue, sync }: { leases: Leases; queue: SerialQueue; sync: JobSync }
) => {
  const log = (msg: string) => strapi.log.warn(`[gengo] reconcile: ${msg}`);

  const failNeverReceived = async (order: OrderRecord) => {
    const note = `Gengo has no job of this order ${Math.round((Date.now() - new Date(order.submittedAt ?? order.createdAt).getTime()) / 60_000)} minutes after it was sent: it was not placed (order again)`;
    const history = [...(order.history ?? []), { at: new Date().toISOString(), status: 'failed', note }];
    // Unless a callback or another run settled it meanwhile.
    const { count } = await strapi.db.query(UIDS.order).updateMany({
      where: { id: order.id, status: order.status, gengoOrderId: { $null: true } },
      data: { status: 'failed', lastError: note, requestKey: `failed:${order.reference}`, history },
    });
    if (count) {
      log(`order ${order.id} (${order.reference}): ${note}`);
      await emitEvent(strapi, 'gengo.order.failed', { ...orderRef(order), reason: note });
    }
  };

  /** Job ids of orders with rows not yet bound to a Gengo job. */
  const discover = async (client: GengoClient, order: OrderRecord): Promise<string[]> => {
    let gengoOrderId = order.gengoOrderId;
    if (!gengoOrderId && (order.status === 'ambiguous' || order.status === 'placing')) {
      const sentAt = new Date(order.submittedAt ?? order.createdAt).getTime();
      const found = await client.findOrderByReference(order.reference, Math.floor(sentAt / 1000) - 300);
      if (!found?.order_id) {
        if (Date.now() - sentAt > NOT_FOUND_FAILS_AFTER_MS) await failNeverReceived(order);
        return [];
      }
      gengoOrderId = String(found.order_id);
      const history = [
        ...(order.history ?? []),
        { at: new Date().toISOString(), status: 'placed', note: 'found at Gengo by its reference' },
      ];
      // Unless a callback (locate.ts) or the POST's late answer recorded it placed meanwhile:
      // whichever moves it announces it, once.
      const { count } = await strapi.db.query(UIDS.order).updateMany({
        where: { id: order.id, status: order.status },
        data: { gengoOrderId, status: 'placed', history },
      });
      if (count) await emitOrderPlaced(strapi, { ...order, gengoOrderId, status: 'placed', history });
      else
        await strapi.db
          .query(UIDS.order)
          .updateMany({ where: { id: order.id, gengoOrderId: { $null: true } }, data: { gengoOrderId } });
    }
    if (!gengoOrderId) return [];
    const { order: gengoOrder } = await client.getOrder(gengoOrderId);
    return orderJobIds(gengoOrder);
  };

  const run = async (): Promise<ReconcileResult> => {
    const result = empty();
    const lease = await leases.acquire('reconcile', RUN_LEASE_MS);
    if (!lease) return { ...result, skipped: 'another reconciliation is running' };
    try {
      let client: GengoClient;
      try {
        client = await getService(strapi, 'settings').client();
      } catch (err: any) {
        return { ...result, skipped: err.message };
      }
      const abandoned = new Date(Date.now() - PLACING_ABANDONED_MS);
      const orders = (await strapi.db.query(UIDS.order).findMany({
        where: {
          $or: [{ status: { $in: ACTIVE_ORDERS } }, { status: 'placing', updatedAt: { $lt: abandoned } }],
        },
      })) as OrderRecord[];
      const ids = new Set<string>();
      for (const order of orders) {
        const rows = (await strapi.db.query(UIDS.job).findMany({ where: { orderId: order.id } })) as JobRecord[];
        const open = rows.filter(needsPoll);
        if (!open.length) continue;
        result.orders++;
        open.forEach((r) => r.gengoJobId && ids.add(r.gengoJobId));
        if (open.some((r) => !r.gengoJobId)) {
          try {
            const known = new Set(rows.map((r) => r.gengoJobId).filter(Boolean));
            (await discover(client, order)).filter((id) => !known.has(id)).forEach((id) => ids.add(id));
          } catch (err: any) {
            result.failed++;
            log(`order ${order.id}: ${err.message}`);
          }
        }
      }
      const all = [...ids];
      for (let i = 0; i < all.length; i += JOBS_PER_CALL) {
        await leases.renew(lease, RUN_LEASE_MS);
        let jobs: Job[];
        try {
          ({ jobs } = await client.getJobs(all.slice(i, i + JOBS_PER_CALL)));
        } catch (err: any) {
          result.failed += Math.min(JOBS_PER_CALL, all.length - i);
          log(err.message);
          continue;
        }
        result.polled += jobs.length;
        const outcomes = await queue.run(`poll:${i}:${lease.holder}`, () => sync.syncJobs(jobs));
        for (const o of outcomes) {
          if (o.status === 'rejected') {
            result.failed++;
            log(String(o.reason?.message ?? o.reason));
            continue;
          }
          const outcome = o.value as SyncOutcome;
          if (outcome.state === 'ignored') result.ignored++;
          else
            for (const row of outcome.rows ?? [outcome]) {
              if (row.discovered) result.discovered++;
              if (row.apply?.state === 'applied') result.applied++;
            }
        }
      }
      return result;
    } finally {
      await lease.release();
    }
  };

  /** Cron tick: runs when this poll interval's lease is free (one instance per interval). */
  const tick = async (): Promise<ReconcileResult | null> => {
    const { pollIntervalMinutes } = await getService(strapi, 'settings').getEffective();
    const minutes = Math.max(1, pollIntervalMinutes || 30);
    // A little under the interval, so the minute ticks do not drift past it.
    const due = await leases.acquire('reconcile-due', minutes * 60_000 - 5_000);
    if (!due) return null;
    return run();
  };

  return { run, tick };
};

export type Reconcile = ReturnType<typeof createReconcile>;
