import { errors } from '@strapi/utils';
import type {
  DocumentStatus,
  ListOrdersQuery,
  LocaleStatus,
  OrderList,
  OrderView,
} from '../../../shared/contracts/orders';
import { toOrderView } from './views';
import type { OrderStore } from './store';
import { entryKey, type EntryTitles } from './entry-titles';
import type { OrderDeadlines } from './deadlines';

/** Read side of the orders: the orders page (list, one) and a document's status per locale. */

export type { LocaleStatus };

export const createOrderQueries = ({
  store,
  titles,
  deadlines,
}: {
  store: OrderStore;
  titles: EntryTitles;
  deadlines: OrderDeadlines;
}) => {
  return {
    /**
     * `canRead(uid)`: whether the caller may read entries of that type (their titles are shown).
     * Each order says its nearest auto-approval; `sort: 'autoApproveAt'` puts the nearest first.
     */
    async list(q: ListOrdersQuery, canRead?: (uid: string) => boolean): Promise<OrderList> {
      const filters = {
        contentType: q.contentType,
        documentId: q.documentId,
        targetLocale: q.locale,
        status: q.status,
        page: q.page,
        pageSize: q.pageSize,
      };
      const { results, pagination } =
        q.sort === 'autoApproveAt' ? await deadlines.listByDeadline(filters) : await store.listOrders(filters);
      const [found, due] = await Promise.all([
        titles.titlesOf(results, canRead),
        deadlines.deadlinesOf(results.map((o) => o.id)),
      ]);
      return {
        results: results.map((o) => ({
          ...toOrderView(o),
          entryTitle: found.get(entryKey(o)) ?? null,
          autoApproveAt: due.get(o.id) ?? null,
        })),
        pagination,
      };
    },

    async one(id: number): Promise<OrderView> {
      const order = await store.findOrder(id);
      if (!order) throw new errors.NotFoundError(`Order ${id} not found`);
      return toOrderView(order, await store.jobsOf([order.id]));
    },

    async documentStatus(contentType: string, documentId: string): Promise<DocumentStatus> {
      const orders = await store.ordersOfDocument(contentType, documentId);
      const byLocale = new Map<string, typeof orders>();
      for (const o of orders) byLocale.set(o.targetLocale, [...(byLocale.get(o.targetLocale) ?? []), o]);
      const latestIds = [...byLocale.values()].map((list) => list[0].id);
      const jobs = await store.jobsOf(latestIds);
      const locales = [...byLocale.entries()].map(([locale, list]): LocaleStatus => {
        const latest = list[0];
        const counts: Record<string, number> = {};
        for (const j of jobs) if (j.orderId === latest.id) counts[j.status] = (counts[j.status] ?? 0) + 1;
        return {
          locale,
          status: latest.status,
          jobs: counts,
          latest: toOrderView(latest, jobs),
          orders: list.map((o) => toOrderView(o)),
        };
      });
      locales.sort((a, b) => a.locale.localeCompare(b.locale));
      return { contentType, documentId, locales };
    },
  };
};

export type OrderQueries = ReturnType<typeof createOrderQueries>;
