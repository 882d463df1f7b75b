import type { Pagination } from '../../../shared/contracts/orders';
import type { Core } from '@strapi/strapi';
import { isUniqueViolation } from '../platform/unique-violation';
import { UIDS } from '../constants';
import { emitEvent, orderRef } from '../platform/events';
import type { HistoryEntry, JobRecord, OrderRecord } from '../platform/records';
import { recordAnsweredJobs, type AnsweredJob } from './answered-jobs';

/**
 * The only code of the ordering side touching plugin::gengo.order / plugin::gengo.job rows
 * (through `strapi.db.query`: these are records, not documents), with answered-jobs.ts, which it
 * calls for the jobs Gengo answered at once.
 */

export type NewOrder = Omit<OrderRecord, 'id' | 'documentId' | 'createdAt' | 'updatedAt' | 'history'> & {
  history?: HistoryEntry[];
};
export type NewJob = Pick<JobRecord, 'segmentKey' | 'chunkIndex' | 'chunkCount' | 'sourceHash'>;

export interface OrderFilters {
  contentType?: string;
  documentId?: string;
  targetLocale?: string;
  status?: string;
  /** Only orders of these types whose source and target locales are both listed (null: all). */
  readable?: Array<{ contentType: string; locales: string[] }> | null;
  page: number;
  pageSize: number;
}

/** The orders list's filters as a query's `where`. */
export const orderWhere = (f: Omit<OrderFilters, 'page' | 'pageSize'>): Record<string, unknown> => {
  const where: Record<string, unknown> = {};
  if (f.contentType) where.contentType = f.contentType;
  if (f.documentId) where.targetDocumentId = f.documentId;
  if (f.targetLocale) where.targetLocale = f.targetLocale;
  if (f.status) where.status = f.status;
  if (f.readable)
    where.$or = f.readable.map((r) => ({
      contentType: r.contentType,
      sourceLocale: { $in: r.locales },
      targetLocale: { $in: r.locales },
    }));
  return where;
};

const entry = (status: string, note?: string): HistoryEntry => ({
  at: new Date().toISOString(),
  status,
  ...(note ? { note } : {}),
});

/** The order and job rows: every read and write of them for ordering, review and the orders page. */
export const createOrderStore = (strapi: Core.Strapi) => {
  const orders = () => strapi.db.query(UIDS.order as any);
  const jobs = () => strapi.db.query(UIDS.job as any);

  const store = {
    async findByRequestKeys(keys: string[]): Promise<OrderRecord[]> {
      if (!keys.length) return [];
      return (await orders().findMany({ where: { requestKey: { $in: keys } } })) as OrderRecord[];
    },

    async findOrder(id: number): Promise<OrderRecord | null> {
      return (await orders().findOne({ where: { id } })) as OrderRecord | null;
    },

    async findOrderByReference(reference: string): Promise<OrderRecord | null> {
      return (await orders().findOne({ where: { reference } })) as OrderRecord | null;
    },

    /** Inserts an order; null when its request key exists already (a concurrent twin won). */
    async insertOrder(data: NewOrder): Promise<OrderRecord | null> {
      try {
        return (await orders().create({
          data: { ...data, history: data.history ?? [entry(data.status)] },
        })) as OrderRecord;
      } catch (err) {
        if (isUniqueViolation(err)) return null;
        throw err;
      }
    },

    /**
     * Orders and their jobs in one transaction, read back by reference; null when a request key
     * exists already (a twin won: nothing is inserted).
     */
    async insertOrders(rows: Array<{ order: NewOrder; jobs: NewJob[] }>): Promise<OrderRecord[] | null> {
      if (!rows.length) return [];
      const history = [entry('placing')];
      try {
        return await strapi.db.transaction(async () => {
          await orders().createMany({ data: rows.map((r) => ({ ...r.order, history: r.order.history ?? history })) });
          const references = rows.map((r) => r.order.reference);
          const inserted = (await orders().findMany({ where: { reference: { $in: references } } })) as OrderRecord[];
          const byReference = new Map(inserted.map((o) => [o.reference, o]));
          const jobRows = rows.flatMap((r) =>
            r.jobs.map((j) => ({
              ...j,
              orderId: byReference.get(r.order.reference)!.id,
              status: 'queued',
              scope: r.order.scope,
            }))
          );
          if (jobRows.length) await jobs().createMany({ data: jobRows });
          return references.map((ref) => byReference.get(ref)!);
        });
      } catch (err) {
        if (isUniqueViolation(err)) return null;
        throw err;
      }
    },

    /**
     * The POST's outcome on its orders: `status` (placed, or ambiguous) with `data`, and `always`
     * written either way. A callback finding a job, or the reconciler, may have recorded an order
     * placed while the answer was on its way (locate.ts): such an order keeps its status, and only
     * the step that moves an order returns it in `moved`, so each transition is announced once.
     */
    async settlePost(
      list: OrderRecord[],
      status: OrderRecord['status'],
      { data = {}, always = {}, note }: { data?: Partial<OrderRecord>; always?: Partial<OrderRecord>; note?: string }
    ): Promise<{ orders: OrderRecord[]; moved: OrderRecord[] }> {
      const moved: OrderRecord[] = [];
      await strapi.db.transaction(async () => {
        for (const o of list) {
          const history = [...(o.history ?? []), entry(status, note)];
          const change = { ...data, ...always, status, history };
          const { count } = await orders().updateMany({ where: { id: o.id, status: o.status }, data: change });
          if (count) moved.push({ ...o, ...change });
          else if (Object.keys(always).length) await orders().updateMany({ where: { id: o.id }, data: always });
        }
      });
      const found = (await orders().findMany({ where: { id: { $in: list.map((o) => o.id) } } })) as OrderRecord[];
      const byId = new Map(found.map((o) => [o.id, o]));
      return { orders: list.map((o) => byId.get(o.id)!), moved };
    },

    /**
     * Orders whose POST created nothing: failed with the reason, and their request keys released
     * (the same request, sent again, orders again).
     */
    async failOrders(list: OrderRecord[], reason: string): Promise<OrderRecord[]> {
      // One after the other: a transaction is one connection.
      return strapi.db.transaction(async () => {
        const failed: OrderRecord[] = [];
        for (const o of list)
          failed.push(
            await store.updateOrder(
              o,
              { status: 'failed', lastError: reason, requestKey: `failed:${o.reference}` },
              reason
            )
          );
        // Sent once committed (emitEvent waits for the commit).
        for (const o of failed) await emitEvent(strapi, 'gengo.order.failed', { ...orderRef(o), reason });
        return failed;
      });
    },

    /** Changes an order's fields and appends its status to the history. */
    async updateOrder(order: OrderRecord, data: Partial<OrderRecord>, note?: string): Promise<OrderRecord> {
      const history = [...(order.history ?? [])];
      if (data.status && data.status !== order.status) history.push(entry(data.status, note));
      return (await orders().update({ where: { id: order.id }, data: { ...data, history } })) as OrderRecord;
    },

    async jobsOf(orderIds: number[]): Promise<JobRecord[]> {
      if (!orderIds.length) return [];
      return (await jobs().findMany({
        where: { orderId: { $in: orderIds } },
        orderBy: [{ orderId: 'asc' }, { id: 'asc' }],
      })) as JobRecord[];
    },

    /** A job by our numeric id or its documentId. */
    async findJob(idOrDocumentId: string): Promise<JobRecord | null> {
      const where = /^\d+$/.test(idOrDocumentId) ? { id: Number(idOrDocumentId) } : { documentId: idOrDocumentId };
      return (await jobs().findOne({ where })) as JobRecord | null;
    },

    async updateJob(job: JobRecord, data: Partial<JobRecord>, note?: string): Promise<JobRecord> {
      const history = [...(job.history ?? [])];
      if (data.status && data.status !== job.status) history.push(entry(data.status, note));
      return (await jobs().update({ where: { id: job.id }, data: { ...data, history } })) as JobRecord;
    },

    /**
     * Records Gengo's id on a row that has none yet (with its scope, and whose job it is when it
     * shares another row's); false when the row is bound already.
     */
    async setGengoJobId(
      jobId: number,
      gengoJobId: string,
      extra: Partial<Pick<JobRecord, 'scope' | 'sharedJobKey' | 'sharedWithOrderId'>> = {}
    ): Promise<boolean> {
      const { count } = await jobs().updateMany({
        where: { id: jobId, gengoJobId: { $null: true } },
        data: { gengoJobId, ...extra },
      });
      return count > 0;
    },

    async findJobByParts(orderId: number, segmentKey: string, chunkIndex: number): Promise<JobRecord | null> {
      return (await jobs().findOne({ where: { orderId, segmentKey, chunkIndex } })) as JobRecord | null;
    },

    /** Jobs Gengo answered at once in `POST translate/jobs`, onto our rows (answered-jobs.ts). */
    recordAnsweredJobs: (
      order: OrderRecord,
      answered: AnsweredJob[]
    ): Promise<{ segments: string[]; sharedCredits: number }> => recordAnsweredJobs(strapi, store, order, answered),

    /** Credits of the orders created since `since` that spent or may have spent credits. */
    async creditsSince(since: Date): Promise<number> {
      const rows = (await orders().findMany({
        select: ['credits'],
        where: { createdAt: { $gte: since }, status: { $in: ['placing', 'placed', 'completed', 'ambiguous'] } },
      })) as Array<{ credits: number | string | null }>;
      return rows.reduce((sum, r) => sum + Number(r.credits ?? 0), 0);
    },

    async listOrders(f: OrderFilters): Promise<{ results: OrderRecord[]; pagination: Pagination }> {
      const where = orderWhere(f);
      const [results, total] = await Promise.all([
        orders().findMany({
          where,
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          offset: (f.page - 1) * f.pageSize,
          limit: f.pageSize,
        }),
        orders().count({ where }),
      ]);
      return {
        results: results as OrderRecord[],
        pagination: { page: f.page, pageSize: f.pageSize, total, pageCount: Math.ceil(total / f.pageSize) },
      };
    },

    /**
     * The orders of these entries (all of the type's when `documentIds` is null) into these target
     * locales, newest first, without their text: what the list view's column reads.
     */
    async ordersOfDocuments(
      contentType: string,
      documentIds: string[] | null,
      targetLocales: string[],
      sourceLocales: string[]
    ): Promise<OrderRecord[]> {
      if (!targetLocales.length || documentIds?.length === 0) return [];
      return (await orders().findMany({
        select: ['id', 'targetDocumentId', 'sourceLocale', 'targetLocale', 'status', 'createdAt'],
        where: {
          contentType,
          targetLocale: { $in: targetLocales },
          sourceLocale: { $in: sourceLocales },
          ...(documentIds ? { targetDocumentId: { $in: documentIds } } : {}),
        },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      })) as OrderRecord[];
    },

    /** Our status of each job of these orders (nothing else of the rows). */
    async jobStatusesOf(orderIds: number[]): Promise<Array<Pick<JobRecord, 'orderId' | 'status'>>> {
      if (!orderIds.length) return [];
      return (await jobs().findMany({ select: ['orderId', 'status'], where: { orderId: { $in: orderIds } } })) as Array<
        Pick<JobRecord, 'orderId' | 'status'>
      >;
    },

    async ordersOfDocument(contentType: string, documentId: string): Promise<OrderRecord[]> {
      return (await orders().findMany({
        where: { contentType, targetDocumentId: documentId },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      })) as OrderRecord[];
    },
  };
  return store;
};

export type OrderStore = ReturnType<typeof createOrderStore>;
