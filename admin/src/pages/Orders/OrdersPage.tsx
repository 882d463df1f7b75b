import * as React from 'react';
import {
  Box,
  Button,
  EmptyStateLayout,
  Flex,
  IconButton,
  Link,
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
import type { OrderView, Pagination } from '../../api/orders';
import { PERMISSIONS } from '../../constants';
import { getTranslation } from '../../utils/getTranslation';
import { errorMessage } from '../../components/Review/useJobApi';
import { AutoApproveDeadline } from '../../components/Review/AutoApproveDeadline';
import { useAutoApproveWarning } from '../../components/Review/useAutoApproveWarning';
import { OrderJobsModal } from './OrderJobsModal';
import { ALL, OrdersFiltersBar } from './OrdersFiltersBar';
import { entryPath, ordersParams, type OrdersFilters } from './ordersQuery';
import { localeNamer } from '../../utils/localeNames';
import { moneyWords } from '../../utils/money';
import { statusWords } from '../../utils/statusWords';
import { OrderStatusBadge } from './OrderStatusBadge';
import { RecentBatches } from './RecentBatches';
import { useAccount, useContentTypes, useSiteLocales } from './useOrdersPageData';

const PAGE_SIZE = 20;

const OrdersList = () => {
  const intl = useIntl();
  const { formatMessage, formatDate } = intl;
  const t = (id: string, defaultMessage: string, values?: Record<string, any>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values);
  const words = statusWords(formatMessage);
  const money = moneyWords(intl);
  const locales = useSiteLocales();
  const name = localeNamer(locales, intl.locale);
  const { get } = useFetchClient();
  const { allowedActions } = useRBAC(PERMISSIONS.order);
  const { allowedActions: reviewActions } = useRBAC(PERMISSIONS.review);
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
  // Orders whose translations Gengo approves within a day unless reviewed: a toast, once.
  useAutoApproveWarning(orders ? orders.map((o) => o.autoApproveAt) : null, Boolean(reviewActions.canReview));

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
            ? t('orders.account', 'Gengo credits: balance {balance} · spent {spent}', {
                balance: money.amount(account.balance.credits, account.balance.currency),
                spent: money.amount(account.spent.credits, account.spent.currency),
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
          <RecentBatches canCancel={Boolean(allowedActions.canOrder)} name={name} />
          <OrdersFiltersBar
            filters={filters}
            contentTypes={contentTypes}
            onChange={setFilter}
            loading={loading && Boolean(orders)}
            t={t}
            statusWord={words.order}
          />

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
                    <Typography variant="sigma">{money.label()}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('orders.col.ordered', 'Ordered')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('orders.col.updated', 'Updated')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('orders.col.jobs', 'Translations')}</Typography>
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
                      <OrderStatusBadge order={o} words={words} />
                      {o.lastError && (
                        <Typography tag="p" variant="pi" textColor="danger600" title={o.lastError} ellipsis>
                          {o.lastError}
                        </Typography>
                      )}
                      <Box paddingTop={1}>
                        <AutoApproveDeadline at={o.autoApproveAt} compact />
                      </Box>
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
                      <Typography textColor="neutral800" title={`${o.sourceLocale} → ${o.targetLocale}`}>
                        {name(o.sourceLocale)} → {name(o.targetLocale)}
                      </Typography>
                    </Td>
                    <Td>
                      <Typography textColor="neutral800">{money.amount(o.credits, o.currency)}</Typography>
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
                      <OrderJobsModal order={o} name={name} />
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
