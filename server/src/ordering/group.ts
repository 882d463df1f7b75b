import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { GengoAmbiguousOrderError, type GengoClient, type PostJobsResult } from '../gengo';
import { jobPayloads, jobRows, orderRow, type OrderDraft, type OrderingUser } from './draft';
import { explicitRequestKey } from './keys';
import { combineJobPayloads, orderComment, sentChunks } from './plan';
import { emitOrderPlaced } from '../platform/events';
import { toOrderView } from './views';
import type { OrderRecord } from '../platform/records';
import type { LoadedSource } from './source';
import type { OrderStore } from './store';
import {
  isTransientRefusal,
  OrderRefusedError,
  refusalMessage,
  refusedError,
  resultOf,
  type OrderInput,
  type PlacementContext,
  type PlaceResult,
} from './outcomes';
import type { Placing } from './place';
import type { PlannedTarget } from './quote';

/**
 * A page of a bulk order's documents placed as one Gengo order per target locale: the rows of
 * every document recorded (`placing`) in one transaction, one `POST translate/jobs`, then one
 * statement marking them placed. Each document keeps an order row, reference and request key of
 * its own, so callbacks, the reconciler and a second run of the batch find its order exactly as
 * they find an order placed alone; the POST carries a reference of its own too, in every job
 * (`custom_data.g`), to find it again after an ambiguous failure.
 *
 * Gengo refuses a POST as a whole. So that one document it refuses does not take the page with
 * it, a refused POST is followed by each of its documents placed alone (`ordering.placeDraft`):
 * only the refused one fails. A document alone on its page is placed alone from the start.
 */

export interface GroupEntry {
  input: OrderInput;
  loaded: LoadedSource;
  /** Per target locale, the price the batch quoted for this document. */
  prices?: PlacementContext['prices'];
}

export type GroupOutcome = { result: PlaceResult } | { error: unknown };

type Shared =
  | { kind: 'placed' | 'ambiguous'; orders: OrderRecord[] }
  | { kind: 'alone' }
  | { kind: 'transient'; errors: unknown[] };

/** A translator for all of a page's entries would be slow: a shared POST does not ask for one. */
const SHARED_OPTIONS = { asGroup: false };

export const createGroupOrdering = (
  strapi: Core.Strapi,
  { placing, store }: { placing: Placing; store: OrderStore }
) => {
  /** The jobs Gengo answered at once, handed to each order under its own keys. */
  const recordAnswered = async (
    parts: Array<{ target: PlannedTarget }>,
    orders: OrderRecord[],
    owners: Record<string, { order: number; key: string }>,
    answered: PostJobsResult['answered']['byKey']
  ) => {
    const perOrder = new Map<number, PostJobsResult['answered']['byKey']>();
    for (const [key, jobs] of Object.entries(answered)) {
      const owner = owners[key];
      if (owner && jobs.length) perOrder.set(owner.order, { ...perOrder.get(owner.order), [owner.key]: jobs });
    }
    for (const [i, jobs] of perOrder) {
      try {
        const { sharedCredits } = await placing.recordAnswered(orders[i], parts[i].target, jobs);
        // Each order was priced alone; a job shared with another row is charged once, on that row.
        if (sharedCredits > 0)
          orders[i] = await store.updateOrder(
            orders[i],
            { credits: Math.max(0, Math.round((Number(orders[i].credits ?? 0) - sharedCredits) * 100) / 100) },
            `${sharedCredits} credits of jobs shared with other rows, charged there`
          );
      } catch (err: any) {
        strapi.log.error(
          `[gengo] order ${orders[i].id}: recording the jobs Gengo answered at once failed: ${err?.message ?? err}`
        );
      }
    }
  };

  /** One target locale of several drafts in one POST. */
  const postShared = async (client: GengoClient, drafts: OrderDraft[], locale: string): Promise<Shared> => {
    const group = crypto.randomUUID();
    const parts = drafts.map((d) => ({
      d,
      target: d.planned.find((t) => t.locale === locale)!,
      reference: crypto.randomUUID(),
    }));
    const inserted = await store.insertOrders(
      parts.map((p) => ({
        order: orderRow(p.d, p.target, p.reference, { ...p.d.options, ...SHARED_OPTIONS }),
        jobs: jobRows(p.target),
      }))
    );
    // A request key taken meanwhile (a twin of this run): each document finds its own way.
    if (!inserted) return { kind: 'alone' };

    const { jobs, owners } = combineJobPayloads(parts.map((p) => jobPayloads(p.d, p.target, p.reference, group)));
    const { prepared, options } = parts[0].d;
    const fields = [...new Set(parts.flatMap((p) => p.target.plan.fields))];
    const comment = orderComment(prepared.typeName, prepared.uid, fields, options.comment, parts.length);
    let result: PostJobsResult;
    try {
      result = await client.postJobs({ jobs, comment }, { reference: group });
    } catch (err) {
      if (err instanceof GengoAmbiguousOrderError) {
        // Never post again: the reconciler looks each order up by its reference later.
        strapi.log.warn(`[gengo] the order of ${parts.length} documents ${group} is ambiguous: ${err.message}`);
        const { orders } = await store.settlePost(inserted, 'ambiguous', {
          data: { lastError: err.message },
          always: { submittedAt: new Date().toISOString() },
          note: 'POST outcome unknown',
        });
        return { kind: 'ambiguous', orders };
      }
      const failed = await store.failOrders(inserted, refusalMessage(err));
      if (isTransientRefusal(err))
        return { kind: 'transient', errors: failed.map((o) => refusedError(err, locale, o)) };
      strapi.log.warn(
        `[gengo] Gengo refused the order of ${parts.length} documents (${refusalMessage(err)}): each is ordered alone`
      );
      return { kind: 'alone' };
    }
    // Each order keeps its quoted price: Gengo's credits_used is the POST's total.
    const { orders, moved } = await store.settlePost(inserted, 'placed', {
      always: {
        gengoOrderId: result.order_id != null ? String(result.order_id) : null,
        submittedAt: new Date().toISOString(),
      },
      note: result.reconciled ? 'found by its reference after an ambiguous POST' : undefined,
    });
    for (const order of moved) await emitOrderPlaced(strapi, order);
    await recordAnswered(parts, orders, owners, result.answered.byKey);
    for (const [i, p] of parts.entries()) await placing.applyReused(orders[i], p.target, p.d.options.autoApprove);
    return { kind: 'placed', orders };
  };

  return {
    /**
     * Places every entry's targets, sharing one POST per target locale between the entries that
     * have it; the outcomes are in the entries' order, as `ordering.place` would answer each.
     */
    async placeGroup(entries: GroupEntry[], user: OrderingUser, context: PlacementContext): Promise<GroupOutcome[]> {
      const outcomes: Array<GroupOutcome | undefined> = entries.map(() => undefined);
      const drafts: Array<{ draft: OrderDraft; unchanged: string[] } | undefined> = [];
      // The orders an earlier run of the page placed, in one query (each entry's key is its own).
      const keys = new Set(
        entries.flatMap(({ input }) =>
          input.idempotencyKey
            ? input.targetLocales.map((l) => explicitRequestKey(input.idempotencyKey!, user.id, l))
            : []
        )
      );
      const known = { keys, orders: await store.findByRequestKeys([...keys]) };
      for (const [i, entry] of entries.entries()) {
        try {
          const drafted = await placing.draft(entry.input, user, {
            context: { ...context, prices: entry.prices },
            loaded: entry.loaded,
            known,
          });
          if ('draft' in drafted) drafts[i] = drafted;
          else outcomes[i] = { result: drafted };
        } catch (error) {
          outcomes[i] = { error };
        }
      }

      const placed = entries.map(
        (_, i) => new Map([...(drafts[i]?.draft.found ?? [])].map(([l, order]) => [l, { order, created: false }]))
      );
      const notPlaced = entries.map((): string[] => []);
      const alone = new Set<number>();
      const locales = [...new Set(drafts.flatMap((d) => d?.draft.prepared.targets.map((t) => t.locale) ?? []))];
      for (const locale of locales) {
        const members = drafts.flatMap((d, i) =>
          d &&
          !outcomes[i] &&
          !alone.has(i) &&
          !notPlaced[i].length &&
          // A target the memory covers entirely sends nothing: placed alone, without a POST.
          d.draft.planned.some((t) => t.locale === locale && sentChunks(t.plan).length)
            ? [i]
            : []
        );
        // Covered entirely by the memory: placed alone, which posts nothing for that locale.
        drafts.forEach((d, i) => {
          if (d?.draft.planned.some((t) => t.locale === locale && !sentChunks(t.plan).length)) alone.add(i);
        });
        if (members.length < 2) {
          members.forEach((i) => alone.add(i));
          continue;
        }
        const shared = await postShared(
          context.client,
          members.map((i) => drafts[i]!.draft),
          locale
        );
        if (shared.kind === 'alone') members.forEach((i) => alone.add(i));
        else if (shared.kind === 'transient') members.forEach((i, k) => (outcomes[i] = { error: shared.errors[k] }));
        else
          members.forEach((i, k) => {
            placed[i].set(locale, { order: shared.orders[k], created: true });
            // Its outcome unknown: the locales after it wait for the next run, as a document's own do.
            if (shared.kind === 'ambiguous')
              notPlaced[i] = drafts[i]!.draft.planned.filter((t) => !placed[i].has(t.locale)).map((t) => t.locale);
          });
      }

      for (const [i, d] of drafts.entries()) {
        if (!d || outcomes[i]) continue;
        if (!alone.has(i)) {
          outcomes[i] = { result: resultOf(d.draft, placed[i], notPlaced[i], d.unchanged) };
          continue;
        }
        // What the shared POSTs placed counts as found; the rest is placed alone.
        const rest = {
          ...d.draft,
          found: new Map([...placed[i]].map(([l, p]) => [l, p.order])),
          planned: d.draft.planned.filter((t) => !placed[i].has(t.locale)),
        };
        try {
          outcomes[i] = { result: await placing.placeDraft(rest, context.client, d.unchanged) };
        } catch (error) {
          // A refusal lists the orders placed before it: the shared POSTs' are among them.
          if (error instanceof OrderRefusedError) {
            const details = error.details as Record<string, unknown>;
            const shared = [...placed[i].values()].filter((p) => p.created).map((p) => toOrderView(p.order));
            details.placed = [...shared, ...((details.placed as unknown[] | undefined) ?? [])];
          }
          outcomes[i] = { error };
        }
      }
      return outcomes as GroupOutcome[];
    },
  };
};

export type GroupOrdering = ReturnType<typeof createGroupOrdering>;
