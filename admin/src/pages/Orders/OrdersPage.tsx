import * as React from 'react';
import {
  Badge,
  Box,
  Button,
  EmptyStateLayout,
  Flex,
  IconButton,
  Link,
  Loader,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { ArrowClockwise, ChevronLeft, ChevronRight } from '@strapi/icons';
import { Layouts, Page, useFetchClient, useRBAC } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link as RouterLink } from 'react-router-dom';
import { ORDER_STATUSES, type OrderView, type Pagination } from '../../api/orders';
import { PERMISSIONS } from '../../constants';
import { getTranslation } from '../../utils/getTranslation';
import { errorMessage } from '../../components/Review/useJobApi';
import { OrderJobsModal } from './OrderJobsModal';
import { entryPath, formatCredits, orderStatusVariant, ordersParams, type OrdersFilters } from './ordersQuery';
import { RecentBatches } from './RecentBatches';
import { useAccount, useContentTypes } from './useOrdersPageData';

const PAGE_SIZE = 20;
const ALL = '__all__';

const OrdersList = () => {
  const { formatMessage, formatDate } = useIntl();
  const t = (id: string, defaultMessage: string, values?: Record<string, any>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values);
  const { get } = useFetchClient();
  const { allowedActions } = useRBAC(PERMISSIONS.order);
  const account = useAccount(Boolean(allowedActions.canOrder));
  const contentTypes = useContentTypes();
  const [filters, setFilters] = React.useState<OrdersFilters>({});
  const [page, setPage] = React.useState(1);
  const [orders, setOrders] = React.useState<OrderView[] | null>(null);
  const [pagination, setPagination] = React.useState<Pagination | null>(null);
  const [loading, setLoading] = React.useState(true);
  const [error, setError] = React.useState<string | null>(null);

  const load = React.useCallback(async () => {
    setLoading(true);
    try {
      const { data } = await get<{ data: OrderView[]; meta: { pagination: Pagination } }>('/gengo/orders', {
        params: ordersParams(filters, page, PAGE_SIZE),
      });
      setOrders(data.data);
      setPagination(data.meta.pagination);
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setLoading(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [filters, page]);

  React.useEffect(() => {
    load();
  }, [load]);

  const setFilter = (name: keyof OrdersFilters, value: string) => {
    setPage(1);
    setFilters((f) => ({ ...f, [name]: value === ALL ? null : value }));
  };
  const typeName = (uid: string) => contentTypes.find((c) => c.uid === uid)?.name ?? uid;
  const date = (iso: string | null) => (iso ? formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' }) : '—');
  const pageCount = pagination?.pageCount ?? 1;

  return (
    <>
      <Layouts.Header
        title={t('orders.title', 'Gengo orders')}
        subtitle={
          account
            ? t('orders.account', 'Balance: {balance} · spent with Gengo: {spent}', {
                balance: formatCredits(account.balance.credits, account.balance.currency),
                spent: formatCredits(account.spent.credits, account.spent.currency),
              })
            : t('orders.subtitle', 'Translations ordered from Gengo')
        }
        primaryAction={
          <IconButton label={t('orders.refresh', 'Refresh')} onClick={load}>
            <ArrowClockwise />
          </IconButton>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <RecentBatches />
          <Flex gap={4} data-testid="gengo-orders-filters">
            <Box width="200px">
              <SingleSelect
                aria-label={t('orders.filter.status', 'Status')}
                value={filters.status ?? ALL}
                onChange={(v: string | number) => setFilter('status', String(v))}
              >
                <SingleSelectOption value={ALL}>{t('orders.filter.status.all', 'All statuses')}</SingleSelectOption>
                {ORDER_STATUSES.map((s) => (
                  <SingleSelectOption key={s} value={s}>
                    {s}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Box>
            <Box width="260px">
              <SingleSelect
                aria-label={t('orders.filter.contentType', 'Content type')}
                value={filters.contentType ?? ALL}
                onChange={(v: string | number) => setFilter('contentType', String(v))}
              >
                <SingleSelectOption value={ALL}>
                  {t('orders.filter.contentType.all', 'All content types')}
                </SingleSelectOption>
                {contentTypes.map((c) => (
                  <SingleSelectOption key={c.uid} value={c.uid}>
                    {c.name}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Box>
            {loading && orders && <Loader small />}
          </Flex>

          {error && (
            <Box background="danger100" padding={4} hasRadius data-testid="gengo-orders-error">
              <Flex justifyContent="space-between" gap={4}>
                <Typography textColor="danger700">
                  {t('orders.error', 'Could not load the orders: {message}', { message: error })}
                </Typography>
                <Button variant="danger-light" onClick={load}>
                  {t('orders.retry', 'Retry')}
                </Button>
              </Flex>
            </Box>
          )}

          {!orders && loading && <Page.Loading />}

          {orders && orders.length === 0 && !error && (
            <EmptyStateLayout
              content={
                filters.status || filters.contentType
                  ? t('orders.empty.filtered', 'No order matches these filters.')
                  : t(
                      'orders.empty',
                      'No translation ordered yet. Order one from the "Translate with Gengo" panel of an entry.'
                    )
              }
            />
          )}

          {orders && orders.length > 0 && (
            <Table colCount={8} rowCount={orders.length + 1} data-testid="gengo-orders-table">
              <Thead>
                <Tr>
                  <Th>
                    <Typography variant="sigma">{t('orders.col.id', 'Order')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('orders.col.status', 'Status')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('orders.col.entry', 'Entry')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('orders.col.locales', 'Locales')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('orders.col.credits', 'Credits')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('orders.col.ordered', 'Ordered')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('orders.col.updated', 'Updated')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('orders.col.jobs', 'Jobs')}</Typography>
                  </Th>
                </Tr>
              </Thead>
              <Tbody>
                {orders.map((o) => (
                  <Tr
                    key={o.id}
                    data-testid="gengo-order-row"
                    data-order={o.id}
                    data-status={o.status}
                    data-locale={o.targetLocale}
                  >
                    <Td>
                      <Typography textColor="neutral800">#{o.id}</Typography>
                    </Td>
                    <Td>
                      <Badge
                        backgroundColor={`${orderStatusVariant(o.status)}100`}
                        textColor={`${orderStatusVariant(o.status)}700`}
                      >
                        {o.status}
                      </Badge>
                      {o.lastError && (
                        <Typography tag="p" variant="pi" textColor="danger600" title={o.lastError} ellipsis>
                          {o.lastError}
                        </Typography>
                      )}
                    </Td>
                    <Td>
                      <Link tag={RouterLink} to={entryPath(o)}>
                        {o.entryTitle ?? o.targetDocumentId}
                      </Link>
                      <Typography tag="p" variant="pi" textColor="neutral600">
                        {typeName(o.contentType)}
                      </Typography>
                    </Td>
                    <Td>
                      <Typography textColor="neutral800">
                        {o.sourceLocale} → {o.targetLocale}
                      </Typography>
                    </Td>
                    <Td>
                      <Typography textColor="neutral800">{formatCredits(o.credits, o.currency)}</Typography>
                    </Td>
                    <Td>
                      <Typography textColor="neutral800">{date(o.submittedAt ?? o.createdAt)}</Typography>
                      {o.orderedByName && (
                        <Typography tag="p" variant="pi" textColor="neutral600">
                          {o.orderedByName}
                        </Typography>
                      )}
                    </Td>
                    <Td>
                      <Typography textColor="neutral800">{date(o.updatedAt)}</Typography>
                    </Td>
                    <Td>
                      <OrderJobsModal order={o} />
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          )}

          {orders && pagination && pagination.total > 0 && (
            <Flex justifyContent="space-between" data-testid="gengo-orders-pagination">
              <Typography variant="pi" textColor="neutral600">
                {t('orders.pagination', 'Page {page} of {pageCount} — {total} orders', {
                  page: pagination.page,
                  pageCount,
                  total: pagination.total,
                })}
              </Typography>
              <Flex gap={2}>
                <Button
                  variant="tertiary"
                  startIcon={<ChevronLeft />}
                  disabled={page <= 1 || loading}
                  onClick={() => setPage(page - 1)}
                >
                  {t('orders.previous', 'Previous')}
                </Button>
                <Button
                  variant="tertiary"
                  endIcon={<ChevronRight />}
                  disabled={page >= pageCount || loading}
                  onClick={() => setPage(page + 1)}
                >
                  {t('orders.next', 'Next')}
                </Button>
              </Flex>
            </Flex>
          )}
        </Flex>
      </Layouts.Content>
    </>
  );
};

const OrdersPage = () => {
  const { formatMessage } = useIntl();
  return (
    <Page.Protect permissions={PERMISSIONS.read}>
      <Page.Main>
        <Page.Title>
          {formatMessage({ id: getTranslation('orders.page.title'), defaultMessage: 'Orders - Gengo' })}
        </Page.Title>
        <OrdersList />
      </Page.Main>
    </Page.Protect>
  );
};

export { OrdersPage };
export default OrdersPage;
