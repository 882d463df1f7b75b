import type { Pagination } from '../../../shared/contracts/orders';
import type { Core } from '@strapi/strapi';
import { isUniqueViolation } from '../platform/unique-violation';
import { UIDS } from '../constants';
import { emitEvent, orderRef } from '../platform/events';
import { announceJobMoves } from '../platform/job-moves';
import { groupBy } from '../platform/group-by';
import {
  decodeCustomData,
  jobIdentity,
  rowIdentity,
  type HistoryEntry,
  type JobRecord,
  type OrderRecord,
} from '../platform/records';

/**
 * The only code of the ordering side touching plugin::gengo.order / plugin::gengo.job rows
 * (through `strapi.db.query`: these are records, not documents).
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
     * `updateOrder` for orders changed alike: one statement per distinct history (orders inserted
     * together share theirs, so one in all).
     */
    async updateOrders(list: OrderRecord[], data: Partial<OrderRecord>, note?: string): Promise<OrderRecord[]> {
      const byHistory = groupBy(list, (order) => JSON.stringify(order.history ?? []));
      const at = entry(String(data.status ?? ''), note);
      const updated: OrderRecord[] = [];
      await strapi.db.transaction(async () => {
        for (const same of byHistory.values()) {
          const history = [...(same[0].history ?? [])];
          if (data.status && data.status !== same[0].status) history.push(at);
          await orders().updateMany({ where: { id: { $in: same.map((o) => o.id) } }, data: { ...data, history } });
          updated.push(...same.map((o) => ({ ...o, ...data, history })));
        }
      });
      const byId = new Map(updated.map((o) => [o.id, o]));
      return list.map((o) => byId.get(o.id)!);
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

    /**
     * Jobs Gengo answered at once in `POST translate/jobs` (lazy loading: a text it translated
     * before; repeats within the payload): their status, text and id go on our rows. A job whose
     * custom_data names another row (a repeat: Gengo made one job for every row of the same text,
     * carrying the first one's custom_data; an old job of an earlier order) is this row's too, as a
     * shared job: `sharedJobKey` says which job it is, `sharedWithOrderId` which of our orders
     * placed it. Returns the segments touched and what the shared jobs were quoted at (Gengo
     * charges a job once: on the row that placed it).
     */
    async recordAnsweredJobs(
      order: OrderRecord,
      answered: Array<{
        segmentKey: string;
        chunkIndex: number;
        job: { job_id: unknown; status?: unknown; body_tgt?: unknown; custom_data?: unknown; credits?: unknown };
      }>
    ): Promise<{ segments: string[]; sharedCredits: number }> {
      const segments = new Set<string>();
      let sharedCredits = 0;
      const refs = [
        ...new Set(
          answered.flatMap(({ job }) => {
            const ref = decodeCustomData(job.custom_data)?.ref;
            return ref && ref !== order.reference ? [ref] : [];
          })
        ),
      ];
      const owners = new Map(
        (refs.length
          ? ((await orders().findMany({ where: { reference: { $in: refs } }, select: ['id', 'reference'] })) as Array<
              Pick<OrderRecord, 'id' | 'reference'>
            >)
          : []
        ).map((o) => [o.reference, o.id])
      );
      for (const { segmentKey, chunkIndex, job } of answered) {
        const row = await store.findJobByParts(order.id, segmentKey, chunkIndex);
        if (!row) continue;
        const gengoStatus = job.status === 'cancelled' ? 'canceled' : String(job.status ?? '');
        const identity = jobIdentity(job.custom_data);
        const own = identity === rowIdentity(order.reference, segmentKey, chunkIndex);
        const ref = decodeCustomData(job.custom_data)?.ref;
        const sharedWithOrderId = own ? null : ref === order.reference ? order.id : (owners.get(ref ?? '') ?? null);
        const bound = await store.setGengoJobId(row.id, String(job.job_id), {
          scope: order.scope,
          ...(own ? {} : { sharedJobKey: identity, sharedWithOrderId }),
        });
        if (bound && !own) sharedCredits += Number(job.credits ?? 0) || 0;
        const note = own
          ? 'answered at once by Gengo'
          : `answered at once by Gengo with job ${job.job_id}, shared with ${sharedWithOrderId ? `order ${sharedWithOrderId}` : 'a job placed elsewhere'}`;
        // Translated already (lazy loading, or a repeat sharing a job that is): announced as a move.
        if (gengoStatus === 'reviewable' || gengoStatus === 'approved')
          await announceJobMoves(strapi, [{ order, row: { ...row, gengoJobId: String(job.job_id) }, gengoStatus }]);
        await store.updateJob(
          row,
          {
            gengoStatus,
            status: gengoStatus as JobRecord['status'],
            ...(typeof job.body_tgt === 'string' ? { bodyTgt: job.body_tgt } : {}),
          },
          note
        );
        segments.add(segmentKey);
      }
      return { segments: [...segments], sharedCredits: Math.round(sharedCredits * 100) / 100 };
    },

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
