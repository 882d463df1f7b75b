import type { Core } from '@strapi/strapi';
import { GengoApiError, GengoTransportError } from '../gengo';
import {
  batchItemKey,
  callbackUrlOf,
  isTransientRefusal,
  OrderRefusedError,
  type GroupOutcome,
  type LoadedSource,
  type PlacementContext,
} from '../ordering';
import { pluginConfig } from '../platform/config';
import type { Lease, Leases } from '../platform/lease';
import { yieldToEventLoop } from '../platform/serial-queue';
import { getService } from '../platform/services';
import type { BatchItemRecord, BatchRecord } from './records';
import type { BatchStore, ItemOutcome, Tally } from './store';

/**
 * Runs bulk orders out of band, a page of documents at a time (config `bulkPageSize`, 25), each
 * page placed as one Gengo order per target locale (ordering/group.ts), yielding to the
 * event loop between pages. One worker per batch across instances (lease `bulk:<id>`); a batch left queued or
 * running (a restart, a crash, Gengo unreachable) is picked up again by `resume()`, at bootstrap
 * and on the minute tick. Each document orders with a key derived from the batch and the document,
 * so running it again finds its orders instead of placing them twice.
 */
export const LEASE_MS = 60_000;
const PAGES_IN_FLIGHT = 2;
/** Runs of one document cut off by Gengo being unreachable before it counts as failed. */
const MAX_ATTEMPTS = 5;

type Outcome =
  | { state: 'done' | 'failed'; ordered: number; credits: number; orderIds: number[]; reason: string | null }
  | { state: 'pause'; reason: string };

/** Gengo unreachable or overloaded (not a refusal): worth another try later. */
const isTransient = (err: unknown): boolean => {
  if (err instanceof OrderRefusedError) return Boolean((err.details as any)?.transient);
  if (err instanceof GengoTransportError) return true;
  return err instanceof GengoApiError && isTransientRefusal(err);
};

type Loaded = LoadedSource | { documentId: string; reason: string };

export const createBulkWorker = (strapi: Core.Strapi, { store, leases }: { store: BatchStore; leases: Leases }) => {
  const ordering = () => getService(strapi, 'ordering');
  const running = new Map<number, Promise<void>>();
  let stopping = false;

  /** What every document of the batch shares, looked up once per run. */
  const contextFor = async (): Promise<PlacementContext> => {
    const settings = getService(strapi, 'settings');
    const client = await settings.client();
    const [effective, site, languages, callbackUrl] = await Promise.all([
      settings.getEffective(),
      ordering().source.siteLocales(),
      settings.languages(client),
      callbackUrlOf(strapi),
    ]);
    return { client, settings: effective, site, languages, callbackUrl, budgetChecked: true };
  };

  const inputOf = (batch: BatchRecord, item: BatchItemRecord) => ({
    contentType: batch.contentType,
    documentId: item.targetDocumentId,
    sourceLocale: batch.sourceLocale,
    targetLocales: batch.targetLocales,
    tier: batch.tier as any,
    comment: batch.options?.comment ?? null,
    autoApprove: batch.options?.autoApprove ?? null,
    idempotencyKey: batchItemKey(batch.id, item.targetDocumentId),
  });

  /** What became of one document: its orders, or why not (yet). */
  const outcomeOf = (placed: GroupOutcome): Outcome => {
    if ('result' in placed) {
      const { orders, notPlaced } = placed.result;
      // An order whose POST had no answer is being looked up; the locales after it were not tried.
      if (notPlaced.length)
        return { state: 'pause', reason: 'The outcome of an order is unknown: it is checked, the rest follows' };
      return {
        state: 'done',
        ordered: orders.length,
        credits: orders.reduce((s, o) => s + Number(o.credits ?? 0), 0),
        orderIds: orders.map((o) => o.id),
        reason: null,
      };
    }
    const err = placed.error as any;
    const reason = String(err?.message ?? err);
    if (stopping || isTransient(err)) return { state: 'pause', reason };
    const earlier = ((err?.details as any)?.placed ?? []) as Array<{ id: number; credits: number | null }>;
    return {
      state: 'failed',
      ordered: earlier.length,
      credits: earlier.reduce((s, o) => s + Number(o.credits ?? 0), 0),
      orderIds: earlier.map((o) => o.id),
      reason,
    };
  };

  /** A page's documents placed together: one Gengo order per target locale (ordering/group.ts). */
  const runPage = async (
    batch: BatchRecord,
    items: BatchItemRecord[],
    ctx: PlacementContext,
    sources: Loaded[]
  ): Promise<Outcome[]> => {
    const outcomes: Array<Outcome | undefined> = sources.map((source) =>
      'reason' in source ? { state: 'failed', ordered: 0, credits: 0, orderIds: [], reason: source.reason } : undefined
    );
    const open = items.flatMap((item, i) => (outcomes[i] ? [] : [i]));
    const user = { id: batch.requestedById ?? null, name: batch.requestedByName ?? null };
    const entries = open.map((i) => ({
      input: inputOf(batch, items[i]),
      loaded: sources[i] as LoadedSource,
      prices: items[i].prices ?? undefined,
    }));
    const placed = await ordering().placeGroup(entries, user, ctx);
    open.forEach((i, k) => (outcomes[i] = outcomeOf(placed[k])));
    return outcomes as Outcome[];
  };

  /** The page's documents in one query (a document deleted since the batch was made: its reason). */
  const loadPage = async (batch: BatchRecord, items: BatchItemRecord[], ctx: PlacementContext): Promise<Loaded[]> =>
    ordering().source.loadMany(
      {
        contentType: batch.contentType,
        sourceLocale: batch.sourceLocale,
        targetLocales: batch.targetLocales,
        documentIds: items.map((i) => i.targetDocumentId),
      },
      ctx.site
    );

  /** Leaves the batch for a later run (the next tick), with the reason shown to the admin. */
  const pause = async (batch: BatchRecord, reason: string) => {
    strapi.log.warn(`[gengo] bulk ${batch.id} paused: ${reason}`);
    await store.setStatus(batch.id, ['running'], { status: 'queued', lastError: reason });
  };

  /** Documents placed together: one Gengo order per page and target locale. */
  const pageSize = () => pluginConfig(strapi).bulkPageSize;

  const runHeld = async (batch: BatchRecord, lease: Lease) => {
    if (!(await store.setStatus(batch.id, ['queued', 'running'], { status: 'running', lastError: null }))) return;
    let ctx: PlacementContext;
    try {
      ctx = await contextFor();
    } catch (err: any) {
      return pause(batch, String(err?.message ?? err));
    }
    const tally: Tally = await store.tally(batch.id);
    let halted: string | null = null;
    let lost = false;
    // Pages' outcomes and the tally are written one page at a time, in the order pages finish.
    let writes: Promise<unknown> = Promise.resolve();

    const runOne = async (items: BatchItemRecord[]) => {
      const outcomes = await runPage(batch, items, ctx, await loadPage(batch, items, ctx));
      const write = writes.then(async () => {
        const finished: Array<{ item: BatchItemRecord; data: ItemOutcome }> = [];
        const released: BatchItemRecord[] = [];
        items.forEach((item, i) => {
          const outcome = outcomes[i];
          if (outcome.state === 'pause' && (stopping || item.attempts + 1 < MAX_ATTEMPTS)) {
            halted = outcome.reason;
            released.push(item);
            return;
          }
          const final =
            outcome.state === 'pause'
              ? { state: 'failed' as const, ordered: 0, credits: 0, orderIds: [], reason: outcome.reason }
              : outcome;
          if (final.state === 'done') tally.done++;
          else tally.failed++;
          tally.ordered += final.ordered;
          tally.credits += final.credits;
          finished.push({
            item,
            data: {
              status: final.state,
              ordered: final.ordered,
              credits: final.credits,
              orderIds: final.orderIds,
              reason: final.reason,
            },
          });
        });
        await store.finishItems(finished, { ...tally });
        await store.release(released);
      });
      writes = write.catch(() => {});
      await write;
    };

    // Two pages in flight: one page's POSTs to Gengo overlap the next page's reads and rows.
    const inFlight = new Set<Promise<void>>();
    let renewedAt = Date.now();
    let afterId = 0;
    const halt = () => stopping || halted !== null || lost;
    while (!halt()) {
      while (inFlight.size >= PAGES_IN_FLIGHT) await Promise.race(inFlight);
      if (halt()) break;
      const page = await store.nextItems(batch.id, pageSize(), afterId);
      if (!page.length) break;
      afterId = page[page.length - 1].id;
      if (Date.now() - renewedAt > LEASE_MS / 4) {
        lost = !(await leases.renew(lease, LEASE_MS)); // another instance took it over
        if (lost) break;
        renewedAt = Date.now();
      }
      const items = await store.claim(page); // less the ones cancelled meanwhile
      if (!items.length) continue;
      const task: Promise<void> = runOne(items)
        .catch((err) => {
          halted = String(err?.message ?? err);
        })
        .finally(() => inFlight.delete(task));
      inFlight.add(task);
      await yieldToEventLoop();
    }
    await Promise.allSettled([...inFlight]);
    await writes;
    if (lost) return;
    if (stopping) return;
    if (halted !== null) return pause(batch, halted);
    if ((await store.nextItems(batch.id, 1, 0)).length) return runHeld(batch, lease);
    await store.setStatus(batch.id, ['running'], {
      status: 'completed',
      finishedAt: new Date().toISOString(),
      lastError: null,
    });
  };

  const run = async (id: number) => {
    const lease = await leases.acquire(`bulk:${id}`, LEASE_MS);
    if (!lease) return; // another instance runs it
    try {
      const batch = await store.findBatch(id);
      if (batch && (batch.status === 'queued' || batch.status === 'running')) await runHeld(batch, lease);
    } finally {
      await lease.release();
    }
  };

  const worker = {
    /** Starts running a batch in the background (no-op when this instance runs it already). */
    start(id: number): void {
      if (stopping || running.has(id)) return;
      const task = run(id)
        .catch((err) => {
          strapi.log.error(`[gengo] bulk ${id}: ${err?.message ?? err}`);
        })
        .finally(() => running.delete(id));
      running.set(id, task);
    },

    /** Starts every batch left queued or running whose lease is free (bootstrap, minute tick). */
    async resume(): Promise<void> {
      if (stopping) return;
      for (const batch of await store.unfinished()) worker.start(batch.id);
    },

    /** Resolves when the batches this instance runs now are done (tests). */
    async idle(): Promise<void> {
      while (running.size) await Promise.allSettled([...running.values()]);
    },

    /** Shutdown: no new document starts; the one in progress finishes its writes. */
    async stop(): Promise<void> {
      stopping = true;
      await Promise.allSettled([...running.values()]);
    },
  };
  return worker;
};

export type BulkWorker = ReturnType<typeof createBulkWorker>;
