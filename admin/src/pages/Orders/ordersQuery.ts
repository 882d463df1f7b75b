import { ORDER_VARIANTS } from '../../utils/statusWords';

/** Pure helpers of the orders page: the list query, the entry's edit-view link, the status colour. */

export interface OrdersFilters {
  status?: string | null;
  contentType?: string | null;
  /** `autoApproveAt`: nearest Gengo auto-approval first (the default: newest first). */
  sort?: 'createdAt' | 'autoApproveAt' | null;
}

/** `GET /gengo/orders` params: empty filters left out, page at least 1. */
export const ordersParams = (filters: OrdersFilters, page: number, pageSize: number) => ({
  ...(filters.status ? { status: filters.status } : {}),
  ...(filters.contentType ? { contentType: filters.contentType } : {}),
  ...(filters.sort === 'autoApproveAt' ? { sort: 'autoApproveAt' } : {}),
  page: Math.max(1, Math.floor(page) || 1),
  pageSize: Math.min(100, Math.max(1, Math.floor(pageSize) || 25)),
});

/** The entry's edit view in its source locale, relative to the admin's router (`/admin` is its base). */
export const entryPath = (order: { contentType: string; targetDocumentId: string; sourceLocale: string }) =>
  `/content-manager/collection-types/${order.contentType}/${order.targetDocumentId}?plugins[i18n][locale]=${encodeURIComponent(
    order.sourceLocale
  )}`;

export { formatCredits } from '../../utils/money';

export const orderStatusVariant = (status: string) => ORDER_VARIANTS[status] ?? 'neutral';
