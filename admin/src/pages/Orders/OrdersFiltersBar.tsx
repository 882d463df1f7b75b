import { Box, Flex, Loader, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { ORDER_STATUSES } from '../../api/orders';
import type { OrdersFilters } from './ordersQuery';

export const ALL = '__all__';

export type ContentTypeOption = { uid: string; name: string };

type Props = {
  filters: OrdersFilters;
  contentTypes: ContentTypeOption[];
  onChange: (name: keyof OrdersFilters, value: string) => void;
  loading: boolean;
  t: (id: string, defaultMessage: string, values?: Record<string, any>) => string;
  /** An order status in words (utils/statusWords). */
  statusWord: (status: string) => string;
};

/** The orders page's filters (status, content type) and its order (newest first, or nearest auto-approval). */
export const OrdersFiltersBar = ({ filters, contentTypes, onChange, loading, t, statusWord }: Props) => (
  <Flex gap={4} data-testid="gengo-orders-filters">
    <Box width="280px">
      <SingleSelect
        aria-label={t('orders.filter.status', 'Status')}
        value={filters.status ?? ALL}
        onChange={(v: string | number) => onChange('status', String(v))}
      >
        <SingleSelectOption value={ALL}>{t('orders.filter.status.all', 'All statuses')}</SingleSelectOption>
        {ORDER_STATUSES.map((s) => (
          <SingleSelectOption key={s} value={s}>
            {statusWord(s)}
          </SingleSelectOption>
        ))}
      </SingleSelect>
    </Box>
    <Box width="260px">
      <SingleSelect
        aria-label={t('orders.filter.contentType', 'Content type')}
        value={filters.contentType ?? ALL}
        onChange={(v: string | number) => onChange('contentType', String(v))}
      >
        <SingleSelectOption value={ALL}>{t('orders.filter.contentType.all', 'All content types')}</SingleSelectOption>
        {contentTypes.map((c) => (
          <SingleSelectOption key={c.uid} value={c.uid}>
            {c.name}
          </SingleSelectOption>
        ))}
      </SingleSelect>
    </Box>
    <Box width="260px">
      <SingleSelect
        aria-label={t('orders.sort', 'Order by')}
        value={filters.sort ?? 'createdAt'}
        onChange={(v: string | number) => onChange('sort', String(v))}
      >
        <SingleSelectOption value="createdAt">{t('orders.sort.createdAt', 'Newest first')}</SingleSelectOption>
        <SingleSelectOption value="autoApproveAt">
          {t('orders.sort.autoApproveAt', 'Nearest auto-approval first')}
        </SingleSelectOption>
      </SingleSelect>
    </Box>
    {loading && <Loader small />}
  </Flex>
);
