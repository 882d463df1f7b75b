import type { Core } from '@strapi/strapi';
import { UIDS } from '../constants';
import type { BatchItemRecord, BatchRecord, LocalePrices } from './records';
import { groupBy } from '../platform/group-by';
import { updateRows } from '../platform/update-rows';
import { isUniqueViolation } from '../platform/unique-violation';

/**
 * The only code touching plugin::gengo.batch / plugin::gengo.batch-item rows. The counters of a
 * batch are written by its one worker (it holds the batch's lease) and by cancel (`cancelled`
 * only), each its own columns.
 */
export type NewBatch = Pick<
  BatchRecord,
  | 'requestKey'
  | 'contentType'
  | 'sourceLocale'
  | 'targetLocales'
  | 'tier'
  | 'options'
  | 'total'
  | 'currency'
  | 'skipped'
  | 'requestedById'
  | 'requestedByName'
>;
export type NewItem = { targetDocumentId: string; title: string | null; prices: LocalePrices };

/** What a finished item records: every item of a page sets the same attributes. */
export type ItemOutcome = Pick<BatchItemRecord, 'status' | 'ordered' | 'credits' | 'orderIds' | 'reason'>;

export interface Tally {
  done: number;
  failed: number;
  ordered: number;
  credits: number;
}

const ITEMS_PER_INSERT = 200;
const LIST_LIMIT = 50;
const round2 = (n: number) => Math.round(n * 100) / 100;

export const createBatchStore = (strapi: Core.Strapi) => {
  const batches = () => strapi.db.query(UIDS.batch as any);
  const items = () => strapi.db.query(UIDS.batchItem as any);

  return {
    async findBatch(id: number): Promise<BatchRecord | null> {
      return (await batches().findOne({ where: { id } })) as BatchRecord | null;
    },

    async findByRequestKeys(keys: string[]): Promise<BatchRecord | null> {
      return (await batches().findOne({ where: { requestKey: { $in: keys } } })) as BatchRecord | null;
    },

    async list(): Promise<BatchRecord[]> {
      return (await batches().findMany({
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        limit: LIST_LIMIT,
      })) as BatchRecord[];
    },

    /** The batch and its items in one transaction; null when its request key exists (a twin won). */
    async insert(data: NewBatch, rows: NewItem[]): Promise<BatchRecord | null> {
      try {
        return await strapi.db.transaction(async () => {
          const batch = (await batches().create({ data: { ...data, status: 'queued', credits: 0 } })) as BatchRecord;
          for (let i = 0; i < rows.length; i += ITEMS_PER_INSERT) {
            await items().createMany({
              data: rows
                .slice(i, i + ITEMS_PER_INSERT)
                .map((r) => ({ ...r, batchId: batch.id, status: 'pending', attempts: 0, ordered: 0, credits: 0 })),
            });
          }
          return batch;
        });
      } catch (err) {
        if (isUniqueViolation(err)) return null;
        throw err;
      }
    },

    async failures(batchId: number): Promise<BatchItemRecord[]> {
      return (await items().findMany({
        where: { batchId, status: 'failed' },
        orderBy: { id: 'asc' },
      })) as BatchItemRecord[];
    },

    /**
     * How many of the batch's documents are translated: ordered, and every order of theirs
     * completed (all its translations approved). Read per view of one batch, not per list.
     */
    async translated(batchId: number): Promise<number> {
      const done = (await items().findMany({
        where: { batchId, status: 'done' },
        select: ['orderIds'],
      })) as Array<Pick<BatchItemRecord, 'orderIds'>>;
      const ids = [...new Set(done.flatMap((i) => i.orderIds ?? []))];
      if (!ids.length) return 0;
      const completed = new Set<number>();
      for (let i = 0; i < ids.length; i += 500) {
        const rows = (await strapi.db.query(UIDS.order as any).findMany({
          where: { id: { $in: ids.slice(i, i + 500) }, status: 'completed' },
          select: ['id'],
        })) as Array<{ id: number }>;
        for (const r of rows) completed.add(r.id);
      }
      return done.filter((i) => (i.orderIds ?? []).length > 0 && i.orderIds!.every((id) => completed.has(id))).length;
    },

    /** Batches a worker should be running. */
    async unfinished(): Promise<BatchRecord[]> {
      return (await batches().findMany({
        where: { status: { $in: ['queued', 'running'] } },
        orderBy: { id: 'asc' },
      })) as BatchRecord[];
    },

    async setStatus(id: number, from: string[], data: Partial<BatchRecord>): Promise<boolean> {
      const { count } = await batches().updateMany({ where: { id, status: { $in: from } }, data });
      return count > 0;
    },

    /** Items still to run after `afterId`, in order (`running` ones: a run cut off by a restart). */
    async nextItems(batchId: number, limit: number, afterId: number): Promise<BatchItemRecord[]> {
      return (await items().findMany({
        where: { batchId, status: { $in: ['running', 'pending'] }, id: { $gt: afterId } },
        orderBy: { id: 'asc' },
        limit,
      })) as BatchItemRecord[];
    },

    /** Marks a page's items running, less those cancelled meanwhile (returned as they were). */
    async claim(page: BatchItemRecord[]): Promise<BatchItemRecord[]> {
      // One statement per attempt count (a page's items mostly share theirs).
      const byAttempts = groupBy(page, (item) => item.attempts ?? 0);
      return strapi.db.transaction(async () => {
        for (const [attempts, list] of byAttempts)
          await items().updateMany({
            where: { id: { $in: list.map((i) => i.id) }, status: { $in: ['pending', 'running'] } },
            data: { status: 'running', attempts: attempts + 1 },
          });
        // Those cancelled meanwhile were left as they were.
        const running = (await items().findMany({
          select: ['id'],
          where: { id: { $in: page.map((i) => i.id) }, status: 'running' },
        })) as Array<{ id: number }>;
        const claimed = new Set(running.map((r) => r.id));
        return page.filter((i) => claimed.has(i.id));
      });
    },

    /** Back to pending: the run paused before finishing them. */
    async release(list: BatchItemRecord[]): Promise<void> {
      if (!list.length) return;
      await items().updateMany({
        where: { id: { $in: list.map((i) => i.id) }, status: 'running' },
        data: { status: 'pending' },
      });
    },

    /** The outcomes of a page's items (one statement) and the batch's new tally, together. */
    async finishItems(finished: Array<{ item: BatchItemRecord; data: ItemOutcome }>, tally: Tally): Promise<void> {
      if (!finished.length) return;
      await strapi.db.transaction(async () => {
        await updateRows(
          strapi,
          UIDS.batchItem,
          finished.map(({ item, data }) => ({ id: item.id, data: { ...data } }))
        );
        await batches().updateMany({
          where: { id: finished[0].item.batchId },
          data: { ...tally, credits: round2(tally.credits) },
        });
      });
    },

    /** The tally from the items (a run starts from it, whatever the run before it managed to write). */
    async tally(batchId: number): Promise<Tally> {
      const rows = (await items().findMany({
        select: ['status', 'ordered', 'credits'],
        where: { batchId, status: { $in: ['done', 'failed'] } },
      })) as Array<Pick<BatchItemRecord, 'status' | 'ordered' | 'credits'>>;
      const t: Tally = { done: 0, failed: 0, ordered: 0, credits: 0 };
      for (const r of rows) {
        if (r.status === 'done') t.done++;
        else t.failed++;
        t.ordered += Number(r.ordered ?? 0);
        t.credits += Number(r.credits ?? 0);
      }
      return t;
    },

    /**
     * Items not started become cancelled, and the batch unless it is over already. The batch
     * first: its worker, finding no item left, must not mark it completed in between.
     */
    async cancel(batchId: number): Promise<void> {
      await batches().updateMany({
        where: { id: batchId, status: { $in: ['queued', 'running'] } },
        data: { status: 'cancelled', finishedAt: new Date() },
      });
      await items().updateMany({ where: { batchId, status: 'pending' }, data: { status: 'cancelled' } });
      const cancelled = await items().count({ where: { batchId, status: 'cancelled' } });
      await batches().update({ where: { id: batchId }, data: { cancelled } });
    },
  };
};

export type BatchStore = ReturnType<typeof createBatchStore>;
