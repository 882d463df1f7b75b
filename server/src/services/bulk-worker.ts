import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';
import { GengoApiError, GengoTransportError, isRetryableStatus, type GengoClient } from '../gengo';
import { batchItemKey } from '../orders/keys';
import type { BatchItemRecord, BatchRecord } from '../records/batch';
import type { BatchStoreService, Tally } from './batch-store';
import type { LeaseService, Lease } from './lease';
import type { LoadedSource, OrderSourceService } from './order-source';
import { callbackUrlOf } from './ordering-context';
import { OrderRefusedError, type OrderingService, type PlacementContext } from './ordering';
import type { SettingsService } from './settings';
import type { GengoService } from './gengo';

/**
 * Runs bulk orders out of band, a few documents at a time (config `bulkConcurrency`, 4), yielding
 * to the event loop between documents. One worker per batch across instances (lease `bulk:<id>`); a batch left queued or
 * running (a restart, a crash, Gengo unreachable) is picked up again by `resume()`, at bootstrap
 * and on the minute tick. Each document orders with a key derived from the batch and the document,
 * so running it again finds its orders instead of placing them twice.
 */
export const LEASE_MS = 60_000;
const ITEMS_PER_QUERY = 25;
const DEFAULT_CONCURRENCY = 4;
/** Runs of one document cut off by Gengo being unreachable before it counts as failed. */
const MAX_ATTEMPTS = 5;

type Outcome =
  | { state: 'done' | 'failed'; ordered: number; credits: number; orderIds: number[]; reason: string | null }
  | { state: 'pause'; reason: string };

/** Gengo unreachable or overloaded (not a refusal): worth another try later. */
const isTransient = (err: unknown): boolean => {
  if (err instanceof OrderRefusedError) return Boolean((err.details as any)?.transient);
  if (err instanceof GengoTransportError) return true;
  return err instanceof GengoApiError && err.code == null && isRetryableStatus(err.status);
};

type Loaded = LoadedSource | { documentId: string; reason: string };

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

const createBulkWorkerService = ({ strapi }: { strapi: Core.Strapi }) => {
  const svc = <T>(name: string) => strapi.plugin(PLUGIN_ID).service(name) as T;
  const store = () => svc<BatchStoreService>('batchStore');
  const running = new Map<number, Promise<void>>();
  let stopping = false;

  /** What every document of the batch shares, looked up once per run. */
  const contextFor = async (): Promise<PlacementContext> => {
    const client = (await svc<{ client(): Promise<GengoClient> }>('gengo').client()) as GengoClient;
    const [settings, site, languages, callbackUrl] = await Promise.all([
      svc<SettingsService>('settings').getEffective(),
      svc<OrderSourceService>('orderSource').siteLocales(),
      svc<GengoService>('gengo').languages(client),
      callbackUrlOf(strapi),
    ]);
    return { client, settings, site, languages, callbackUrl, budgetChecked: true };
  };

  const runItem = async (batch: BatchRecord, item: BatchItemRecord, ctx: PlacementContext, source: Loaded): Promise<Outcome> => {
    if ('reason' in source) return { state: 'failed', ordered: 0, credits: 0, orderIds: [], reason: source.reason };
    const input = {
      contentType: batch.contentType,
      documentId: item.targetDocumentId,
      sourceLocale: batch.sourceLocale,
      targetLocales: batch.targetLocales,
      tier: batch.tier as any,
      comment: batch.options?.comment ?? null,
      autoApprove: batch.options?.autoApprove ?? null,
      idempotencyKey: batchItemKey(batch.id, item.targetDocumentId),
    };
    const user = { id: batch.requestedById ?? null, name: batch.requestedByName ?? null };
    try {
      const result = await svc<OrderingService>('ordering').place(input, user, { context: { ...ctx, prices: item.prices ?? undefined }, loaded: source });
      const ordered = result.orders;
      const summary = { ordered: ordered.length, credits: ordered.reduce((s, o) => s + Number(o.credits ?? 0), 0), orderIds: ordered.map((o) => o.id) };
      // An order whose POST had no answer is being looked up; the locales after it were not tried.
      if (result.notPlaced.length) return { state: 'pause', reason: `The outcome of an order of ${item.targetDocumentId} is unknown: it is checked, the rest follows` };
      return { state: 'done', ...summary, reason: null };
    } catch (err: any) {
      const reason = String(err?.message ?? err);
      if (stopping || isTransient(err)) return { state: 'pause', reason };
      const placed = ((err?.details as any)?.placed ?? []) as Array<{ id: number; credits: number | null }>;
      return {
        state: 'failed',
        ordered: placed.length,
        credits: placed.reduce((s, o) => s + Number(o.credits ?? 0), 0),
        orderIds: placed.map((o) => o.id),
        reason,
      };
    }
  };

  /** The page's documents in one query (a document deleted since the batch was made: its reason). */
  const loadPage = async (batch: BatchRecord, items: BatchItemRecord[], ctx: PlacementContext): Promise<Loaded[]> =>
    svc<OrderSourceService>('orderSource').loadMany(
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
    await store().setStatus(batch.id, ['running'], { status: 'queued', lastError: reason });
  };

  /** Documents run side by side: Gengo's answer to one overlaps our writes for the others. */
  const concurrency = () => {
    const n = Number((strapi.config.get(`plugin::${PLUGIN_ID}`) as Record<string, unknown> | undefined)?.bulkConcurrency);
    return Number.isInteger(n) && n >= 1 ? n : DEFAULT_CONCURRENCY;
  };

  const runHeld = async (batch: BatchRecord, lease: Lease) => {
    const leases = svc<LeaseService>('lease');
    if (!(await store().setStatus(batch.id, ['queued', 'running'], { status: 'running', lastError: null }))) return;
    let ctx: PlacementContext;
    try {
      ctx = await contextFor();
    } catch (err: any) {
      return pause(batch, String(err?.message ?? err));
    }
    const tally: Tally = await store().tally(batch.id);
    // Item outcomes and the tally are written one at a time, in the order items finish.
    let writes: Promise<unknown> = Promise.resolve();
    let halted: string | null = null;
    let lost = false;

    const runOne = async (item: BatchItemRecord, source: Loaded) => {
      if (!(await store().claim(item))) return; // cancelled meanwhile
      const outcome = await runItem(batch, { ...item, attempts: item.attempts + 1 }, ctx, source);
      if (outcome.state === 'pause' && (stopping || item.attempts + 1 < MAX_ATTEMPTS)) {
        halted = outcome.reason;
        await store().release(item);
        return;
      }
      const final = outcome.state === 'pause' ? { state: 'failed' as const, ordered: 0, credits: 0, orderIds: [], reason: outcome.reason } : outcome;
      const write = writes.then(async () => {
        if (final.state === 'done') tally.done++;
        else tally.failed++;
        tally.ordered += final.ordered;
        tally.credits += final.credits;
        await store().finishItem(
          item,
          { status: final.state, ordered: final.ordered, credits: final.credits, orderIds: final.orderIds, reason: final.reason },
          { ...tally }
        );
      });
      writes = write.catch(() => {});
      await write;
    };

    const active = new Set<Promise<void>>();
    let renewedAt = Date.now();
    let afterId = 0;
    const halt = () => stopping || halted !== null || lost;
    scan: for (;;) {
      const items = await store().nextItems(batch.id, ITEMS_PER_QUERY, afterId);
      if (!items.length) break;
      const sources = await loadPage(batch, items, ctx);
      for (const item of items) {
        afterId = item.id;
        while (active.size >= concurrency()) await Promise.race(active);
        if (halt()) break scan;
        if (Date.now() - renewedAt > LEASE_MS / 4) {
          lost = !(await leases.renew(lease, LEASE_MS)); // another instance took it over
          if (lost) break scan;
          renewedAt = Date.now();
        }
        const task: Promise<void> = runOne(item, sources[items.indexOf(item)])
          .catch((err) => {
            halted = String(err?.message ?? err);
          })
          .finally(() => active.delete(task));
        active.add(task);
        await yieldToLoop();
      }
    }
    await Promise.allSettled([...active]);
    await writes;
    if (stopping || lost) return;
    if (halted !== null) return pause(batch, halted);
    if ((await store().nextItems(batch.id, 1, 0)).length) return runHeld(batch, lease);
    await store().setStatus(batch.id, ['running'], { status: 'completed', finishedAt: new Date().toISOString(), lastError: null });
  };

  const run = async (id: number) => {
    const lease = await svc<LeaseService>('lease').acquire(`bulk:${id}`, LEASE_MS);
    if (!lease) return; // another instance runs it
    try {
      const batch = await store().findBatch(id);
      if (batch && (batch.status === 'queued' || batch.status === 'running')) await runHeld(batch, lease);
    } finally {
      await lease.release();
    }
  };

  return {
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
      for (const batch of await store().unfinished()) this.start(batch.id);
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
};

export type BulkWorkerService = ReturnType<typeof createBulkWorkerService>;
export default createBulkWorkerService;
