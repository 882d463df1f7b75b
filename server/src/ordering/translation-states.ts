import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { ContentAccess } from '../platform/content-permissions';
import type { JobRecord, OrderRecord } from '../platform/records';
import type {
  DocumentStatuses,
  DocumentStatusesQuery,
  TranslationState,
} from '../../../shared/contracts/translation-states';
import type { OrderStore } from './store';

/**
 * The list view's "Translations" column: for a page of entries, one word per target locale, read
 * from our order and job rows in two queries (no Gengo call, no entry loaded). Only locales the
 * admin may read are answered, by the locale rule as lists do (an order's text is its source's and
 * its target's: both locales must be readable).
 */

/** Orders that never reached Gengo or were withdrawn leave the locale as it was before them. */
const NOT_COUNTED = new Set(['failed', 'cancelled']);

/** The word for one order, from its status and its jobs' (the most urgent first). */
export const stateOfOrder = (
  order: Pick<OrderRecord, 'status'>,
  jobStatuses: Array<JobRecord['status']>
): TranslationState => {
  const has = (...statuses: string[]) => jobStatuses.some((s) => statuses.includes(s));
  if (has('conflict')) return 'conflict';
  if (has('reviewable', 'needs_review')) return 'awaiting-review';
  if (has('stale', 'error')) return 'stale';
  if (order.status === 'completed') return 'up-to-date';
  return 'in-progress';
};

export const createTranslationStates = (strapi: Core.Strapi, store: OrderStore) => ({
  async statesOf(q: DocumentStatusesQuery, access: ContentAccess): Promise<DocumentStatuses> {
    const model = strapi.contentTypes[q.contentType as keyof typeof strapi.contentTypes] as any;
    if (!model?.pluginOptions?.i18n?.localized)
      throw new errors.ValidationError(`${q.contentType} is not a localized content type`);
    access.assertReadsType(q.contentType);
    const site = ((await strapi.plugin('i18n').service('locales').find()) as Array<{ code: string }>).map(
      (l) => l.code
    );
    const readable = site.filter((l) => !access.restricted || access.canReadLocale(q.contentType, l));
    const locales = readable.filter((l) => l !== q.locale);
    const orders = await store.ordersOfDocuments(q.contentType, q.documentIds ?? null, locales, readable);
    // Newest first: the first counted order of an entry and locale is the one that speaks for it.
    const latest = new Map<string, OrderRecord>();
    for (const o of orders) {
      const key = `${o.targetDocumentId}\u0000${o.targetLocale}`;
      if (!NOT_COUNTED.has(o.status) && !latest.has(key)) latest.set(key, o);
    }
    const jobs = await store.jobStatusesOf([...latest.values()].map((o) => o.id));
    const jobsByOrder = new Map<number, Array<JobRecord['status']>>();
    for (const j of jobs) jobsByOrder.set(j.orderId, [...(jobsByOrder.get(j.orderId) ?? []), j.status]);

    const ids = q.documentIds ?? [...new Set(orders.map((o) => o.targetDocumentId))];
    const documents: DocumentStatuses['documents'] = {};
    for (const id of ids) {
      const states: Record<string, TranslationState> = {};
      for (const locale of locales) {
        const order = latest.get(`${id}\u0000${locale}`);
        states[locale] = order ? stateOfOrder(order, jobsByOrder.get(order.id) ?? []) : 'missing';
      }
      if (!q.state || Object.values(states).includes(q.state)) documents[id] = states;
    }
    return { contentType: q.contentType, locales, documents };
  },
});

export type TranslationStates = ReturnType<typeof createTranslationStates>;
