import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { GengoAmbiguousOrderError, type GengoClient, type PostJobsResult } from '../gengo';
import { emitOrderPlaced } from '../platform/events';
import type { OrderRecord } from '../platform/records';
import { getService } from '../platform/services';
import { jobPayloads, jobRows, orderRow, targetComment, type OrderDraft, type OrderingUser } from './draft';
import {
  OrderRefusedError,
  refusalMessage,
  refusedError,
  resultOf,
  type OrderInput,
  type PlaceOptions,
  type PlaceResult,
} from './outcomes';
import { buildPostRequest, sentChunks } from './plan';
import { createOrderPreparation } from './prepare';
import type { PlannedTarget, Quotes } from './quote';
import { recordReused } from './reuse';
import type { OrderSource } from './source';
import type { OrderStore } from './store';
import { toOrderView } from './views';

/**
 * `POST /gengo/orders`: one Gengo order per target locale. Checks (languages, balance, caps) come
 * first and leave nothing behind (prepare.ts); then, per locale, the order and job rows are
 * written (`placing`) BEFORE the POST, so that whatever happens to the POST there is a record
 * carrying its reference.
 */

export const createPlacing = (
  strapi: Core.Strapi,
  { store, quotes, source }: { store: OrderStore; quotes: Quotes; source: OrderSource }
) => {
  const prepare = createOrderPreparation(strapi, { store, quotes, source });
  /** Side effects not awaited by the request (see `settled`). */
  const pending = new Set<Promise<unknown>>();

  /**
   * Chunks Gengo answered at once (already translated: lazy loading; repeats of one POST sharing a
   * job) are on our rows now; the receiving side writes the segments that are complete (its
   * poller would, later). A job still to be translated may come with Gengo's machine preview
   * (`mt: 1`): that text is not a translation and is not recorded as one. Returns what the rows
   * sharing another row's job were quoted at (Gengo charged that job once).
   */
  const recordAnswered = async (
    order: OrderRecord,
    target: PlannedTarget,
    answered: PostJobsResult['answered']['byKey']
  ) => {
    const byKey = new Map(target.plan.chunks.map((c) => [c.key, c]));
    const translated = new Set(['reviewable', 'approved']);
    const rows = Object.entries(answered).flatMap(([key, [job]]) => {
      const chunk = byKey.get(key);
      if (!chunk || !job) return [];
      const preview = Number(job.mt ?? 0) === 1 && !translated.has(String(job.status));
      return [
        {
          segmentKey: chunk.segmentKey,
          chunkIndex: chunk.chunkIndex,
          job: preview ? { ...job, body_tgt: undefined } : job,
        },
      ];
    });
    const { segments, sharedCredits } = await store.recordAnsweredJobs(order, rows);
    if (!segments.length) return { sharedCredits };
    const receiving = getService(strapi, 'receiving');
    const run = (async () => {
      for (const key of segments) await receiving.applySegment(order.id, key);
    })()
      .catch((err) =>
        strapi.log.error(`[gengo] applying order ${order.id} answered at once failed: ${err?.message ?? err}`)
      )
      .finally(() => pending.delete(run));
    pending.add(run);
    return { sharedCredits };
  };

  /** Segments written now, after the request (the receiving side's apply, through its lock). */
  const applyLater = (order: OrderRecord, segments: string[], what: string) => {
    if (!segments.length) return;
    const receiving = getService(strapi, 'receiving');
    const run = (async () => {
      for (const key of segments) await receiving.applySegment(order.id, key);
    })()
      .catch((err) => strapi.log.error(`[gengo] applying order ${order.id} ${what} failed: ${err?.message ?? err}`))
      .finally(() => pending.delete(run));
    pending.add(run);
  };

  /** A placed order's segments taken from the translation memory: their rows get the text, then applied. */
  const applyReused = async (order: OrderRecord, target: PlannedTarget, autoApprove: boolean) => {
    try {
      applyLater(order, await recordReused(store, order, target.plan, autoApprove), 'reused from the memory');
    } catch (err: any) {
      strapi.log.error(`[gengo] order ${order.id}: recording the reused segments failed: ${err?.message ?? err}`);
    }
  };

  /** Places one locale's order. Returns the order, or throws OrderRefusedError (Gengo said no). */
  const placeOne = async (
    client: GengoClient,
    d: OrderDraft,
    target: PlannedTarget
  ): Promise<{ order: OrderRecord; created: boolean; ambiguous: boolean }> => {
    const reference = crypto.randomUUID();
    // The order and its jobs together: nothing half-recorded is left if either insert fails.
    const [inserted] =
      (await store.insertOrders([{ order: orderRow(d, target, reference), jobs: jobRows(target) }])) ?? [];
    if (!inserted) {
      // A concurrent twin of this request inserted first: it places the order, we report it.
      const [twin] = await store.findByRequestKeys([d.requestKeys.get(target.locale)!]);
      if (!twin) throw new errors.ApplicationError('The order could not be recorded, try again');
      return { order: twin, created: false, ambiguous: false };
    }

    if (!sentChunks(target.plan).length) {
      // Every segment is in the translation memory: nothing to send, nothing to pay.
      const order = await store.updateOrder(
        inserted,
        { status: 'placed', credits: 0, submittedAt: new Date().toISOString() },
        'every segment reused from the translation memory: nothing sent to Gengo'
      );
      await applyReused(order, target, d.options.autoApprove);
      return { order, created: true, ambiguous: false };
    }
    const jobs = jobPayloads(d, target, reference);
    const comment = targetComment(d, target);
    const request = buildPostRequest(jobs, comment, { asGroup: d.options.asGroup, allowFork: d.options.allowFork });
    let result: PostJobsResult;
    try {
      result = await client.postJobs(request, { reference });
    } catch (err) {
      if (err instanceof GengoAmbiguousOrderError) {
        // Never post again: the reconciler looks for the reference later (findOrderByReference).
        strapi.log.warn(`[gengo] order ${reference} is ambiguous: ${err.message}`);
        const {
          orders: [order],
        } = await store.settlePost([inserted], 'ambiguous', {
          data: { lastError: err.message },
          always: { submittedAt: new Date().toISOString() },
          note: 'POST outcome unknown',
        });
        return { order, created: true, ambiguous: order.status === 'ambiguous' };
      }
      // Anything else: Gengo answered no, or the request provably never left. Nothing was created,
      // so the request key is released for a retry.
      const [failed] = await store.failOrders([inserted], refusalMessage(err));
      throw refusedError(err, target.locale, failed);
    }
    // Gengo has the order from here on: whatever fails below must not release the request key.
    const {
      orders: [order],
      moved,
    } = await store.settlePost([inserted], 'placed', {
      always: {
        gengoOrderId: result.order_id != null ? String(result.order_id) : null,
        credits: Number(result.credits_used ?? target.quote.credits),
        currency: result.currency ?? inserted.currency,
        submittedAt: new Date().toISOString(),
      },
      note: result.reconciled ? 'found by its reference after an ambiguous POST' : undefined,
    });
    for (const o of moved) await emitOrderPlaced(strapi, o);
    await recordAnswered(order, target, result.answered.byKey).catch((err) =>
      strapi.log.error(
        `[gengo] order ${order.id}: recording the jobs Gengo answered at once failed: ${err?.message ?? err}`
      )
    );
    await applyReused(order, target, d.options.autoApprove);
    return { order, created: true, ambiguous: false };
  };

  const placing = {
    /** Resolves once the side effects started by earlier orders are done (shutdown, tests). */
    async settled(): Promise<void> {
      while (pending.size) await Promise.allSettled([...pending]);
    },

    /** Everything decided before anything is sent (prepare.ts). */
    draft: prepare,

    async place(input: OrderInput, user: OrderingUser, placeOptions: PlaceOptions = {}): Promise<PlaceResult> {
      const drafted = await placing.draft(input, user, placeOptions);
      if (!('draft' in drafted)) return drafted;
      return placing.placeDraft(drafted.draft, drafted.client, drafted.unchanged);
    },

    /** Posts a draft's targets one at a time, stopping after a POST whose outcome is unknown. */
    async placeDraft(d: OrderDraft, client: GengoClient, unchanged: string[] = []): Promise<PlaceResult> {
      const results = new Map<string, { order: OrderRecord; created: boolean }>();
      for (const [locale, order] of d.found) results.set(locale, { order, created: false });
      const notPlaced: string[] = [];
      for (let i = 0; i < d.planned.length; i++) {
        const target = d.planned[i];
        const placed = await placeOne(client, d, target).catch((err) => {
          // Orders of the locales before this one are placed: say so with the refusal.
          if (err instanceof OrderRefusedError)
            (err.details as Record<string, unknown>).placed = [...results.values()]
              .filter((r) => r.created)
              .map((r) => toOrderView(r.order));
          throw err;
        });
        results.set(target.locale, placed);
        if (placed.ambiguous) {
          notPlaced.push(...d.planned.slice(i + 1).map((p) => p.locale));
          break;
        }
      }
      return resultOf(d, results, notPlaced, unchanged);
    },

    recordAnswered,
    applyReused,
  };
  return placing;
};

export type Placing = ReturnType<typeof createPlacing>;
