import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { assertMayReadOrder, mayReadOrder, readableScopes, type ContentAccess } from '../platform/content-permissions';
import type {
  DocumentStatus,
  ListOrdersQuery,
  LocaleStatus,
  OrderList,
  OrderView,
} from '../../../shared/contracts/orders';
import type { OrderRecord } from '../platform/records';
import type { ConflictInfo, RelationGap } from '../../../shared/contracts/orders';
import { toOrderView } from './views';
import type { OrderStore } from './store';
import { entryKey, type EntryTitles } from './entry-titles';
import type { OrderDeadlines } from './deadlines';

/** Read side of the orders: the orders page (list, one) and a document's status per locale. */

export type { LocaleStatus };

const forbidden = (message: string) => new errors.PolicyError(message, { action: 'read' });

/**
 * Each route answers only what the admin (`access`) may read: a list keeps the orders whose source
 * and target locales they may read; one order, or a document's status, needs read on its locales.
 */
export const createOrderQueries = ({
  strapi,
  store,
  titles,
  deadlines,
  conflictsOf,
}: {
  strapi: Core.Strapi;
  store: OrderStore;
  titles: EntryTitles;
  deadlines: OrderDeadlines;
  /** The order's conflicts with both texts (the receiving side reads them); none while it has no conflict row. */
  conflictsOf: (order: OrderRecord) => Promise<ConflictInfo[]>;
}) => {
  return {
    /** Each order says its nearest auto-approval; `sort: 'autoApproveAt'` puts the nearest first. */
    async list(q: ListOrdersQuery, access: ContentAccess): Promise<OrderList> {
      const readable = await readableScopes(strapi, access);
      if (readable && !readable.length) throw forbidden('You may not read any entry: the orders show their text');
      const filters = {
        readable,
        contentType: q.contentType,
        documentId: q.documentId,
        targetLocale: q.locale,
        status: q.status,
        page: q.page,
        pageSize: q.pageSize,
      };
      const { results, pagination } =
        q.sort === 'autoApproveAt' ? await deadlines.listByDeadline(filters) : await store.listOrders(filters);
      const [found, due, statuses] = await Promise.all([
        titles.titlesOf(results),
        deadlines.deadlinesOf(results.map((o) => o.id)),
        store.jobStatusesOf(results.map((o) => o.id)),
      ]);
      // Jobs by status per order: the page says "Awaiting review · 8 of 11" as the panel does.
      const counts = new Map<number, Record<string, number>>();
      for (const j of statuses) {
        const c = counts.get(j.orderId) ?? {};
        c[j.status] = (c[j.status] ?? 0) + 1;
        counts.set(j.orderId, c);
      }
      return {
        results: results.map((o) => ({
          ...toOrderView(o),
          entryTitle: found.get(entryKey(o)) ?? null,
          autoApproveAt: due.get(o.id) ?? null,
          jobCounts: counts.get(o.id) ?? {},
        })),
        pagination,
      };
    },

    async one(id: number, access: ContentAccess): Promise<OrderView> {
      const order = await store.findOrder(id);
      if (!order) throw new errors.NotFoundError(`Order ${id} not found`);
      await assertMayReadOrder(access, order);
      return { ...toOrderView(order, await store.jobsOf([order.id])), conflicts: await conflictsOf(order) };
    },

    /** The target locales whose orders the admin may read (the others are left out). */
    async documentStatus(contentType: string, documentId: string, access: ContentAccess): Promise<DocumentStatus> {
      access.assertReadsType(contentType);
      const all = await store.ordersOfDocument(contentType, documentId);
      const readable = new Map<string, boolean>();
      for (const o of all) {
        const key = `${o.sourceLocale}\u0000${o.targetLocale}`;
        if (!readable.has(key)) readable.set(key, await mayReadOrder(access, o));
      }
      const orders = all.filter((o) => readable.get(`${o.sourceLocale}\u0000${o.targetLocale}`));
      const byLocale = new Map<string, typeof orders>();
      for (const o of orders) byLocale.set(o.targetLocale, [...(byLocale.get(o.targetLocale) ?? []), o]);
      const latestIds = [...byLocale.values()].map((list) => list[0].id);
      const jobs = await store.jobsOf(latestIds);
      /** The latest gaps recorded for the locale, those whose field and related entry the admin may read. */
      const gapsOf = async (list: OrderRecord[]): Promise<RelationGap[]> => {
        const recorded = list
          .filter((o) => o.relationGaps?.at)
          .sort((a, b) => b.relationGaps!.at.localeCompare(a.relationGaps!.at))[0];
        const out: RelationGap[] = [];
        for (const gap of recorded?.relationGaps?.items ?? [])
          if (
            (await access.canReadField(contentType, documentId, recorded!.targetLocale, gap.path)) &&
            (await access.canRead(gap.relatedType, gap.relatedDocumentId, recorded!.sourceLocale))
          )
            out.push(gap);
        return out;
      };
      const locales = await Promise.all(
        [...byLocale.entries()].map(async ([locale, list]): Promise<LocaleStatus> => {
          const latest = list[0];
          const counts: Record<string, number> = {};
          for (const j of jobs) if (j.orderId === latest.id) counts[j.status] = (counts[j.status] ?? 0) + 1;
          return {
            locale,
            status: latest.status,
            jobs: counts,
            latest: { ...toOrderView(latest, jobs), conflicts: await conflictsOf(latest) },
            orders: list.map((o) => toOrderView(o)),
            relationGaps: await gapsOf(list),
          };
        })
      );
      locales.sort((a, b) => a.locale.localeCompare(b.locale));
      return { contentType, documentId, locales };
    },
  };
};

export type OrderQueries = ReturnType<typeof createOrderQueries>;
