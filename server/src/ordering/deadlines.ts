import type { Core } from '@strapi/strapi';
import type { Pagination } from '../../../shared/contracts/orders';
import { UIDS } from '../constants';
import type { JobRecord, OrderRecord } from '../platform/records';
import { orderWhere, type OrderFilters } from './store';
import { jobAutoApproveAt } from './views';

/**
 * Gengo's auto-approval deadlines of orders (gengo/auto-approval.ts): the nearest among each
 * order's reviewable jobs, and the orders list sorted by it (nearest first, then the orders with
 * no reviewable job, newest first) so that the orders page shows first what is about to be
 * approved without a review.
 */
export const createOrderDeadlines = (strapi: Core.Strapi) => {
  const jobs = () => strapi.db.query(UIDS.job);
  const orders = () => strapi.db.query(UIDS.order);

  /** order id → its nearest auto-approval (orders with a reviewable job only). */
  const deadlinesOf = async (orderIds?: number[]): Promise<Map<number, string>> => {
    if (orderIds && !orderIds.length) return new Map();
    const rows = (await jobs().findMany({
      where: { gengoStatus: 'reviewable', ...(orderIds ? { orderId: { $in: orderIds } } : {}) },
      select: ['orderId', 'gengoStatus', 'reviewableAt', 'unitCount'],
    })) as Array<Pick<JobRecord, 'orderId' | 'gengoStatus' | 'reviewableAt' | 'unitCount'>>;
    const due = new Map<number, string>();
    for (const row of rows) {
      const at = jobAutoApproveAt(row);
      const known = due.get(row.orderId);
      if (at && (!known || at < known)) due.set(row.orderId, at);
    }
    return due;
  };

  /** A page of the orders list, nearest auto-approval first. */
  const listByDeadline = async (f: OrderFilters): Promise<{ results: OrderRecord[]; pagination: Pagination }> => {
    const where = orderWhere(f);
    const due = await deadlinesOf();
    const matching = due.size
      ? ((await orders().findMany({ where: { ...where, id: { $in: [...due.keys()] } }, select: ['id'] })) as Array<{
          id: number;
        }>)
      : [];
    const soonest = matching.map((o) => o.id).sort((a, b) => due.get(a)!.localeCompare(due.get(b)!) || a - b);
    const offset = (f.page - 1) * f.pageSize;
    const first = soonest.slice(offset, offset + f.pageSize);
    const firstRows = first.length
      ? ((await orders().findMany({ where: { id: { $in: first } } })) as OrderRecord[])
      : [];
    const byId = new Map(firstRows.map((o) => [o.id, o]));
    const restLimit = f.pageSize - first.length;
    const notDue = soonest.length ? { ...where, id: { $notIn: soonest } } : where;
    const [rest, total] = await Promise.all([
      restLimit > 0
        ? (orders().findMany({
            where: notDue,
            orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
            offset: Math.max(0, offset - soonest.length),
            limit: restLimit,
          }) as Promise<OrderRecord[]>)
        : Promise.resolve([] as OrderRecord[]),
      orders().count({ where }),
    ]);
    return {
      results: [...first.map((id) => byId.get(id)!).filter(Boolean), ...rest],
      pagination: { page: f.page, pageSize: f.pageSize, total, pageCount: Math.ceil(total / f.pageSize) },
    };
  };

  return { deadlinesOf, listByDeadline };
};

export type OrderDeadlines = ReturnType<typeof createOrderDeadlines>;
