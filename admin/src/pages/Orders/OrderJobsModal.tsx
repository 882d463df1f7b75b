import * as React from 'react';
import { Badge, Box, Button, Loader, Modal, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { JobView, OrderView } from '../../api/orders';
import { errorMessage } from '../../components/Review/useJobApi';
import { getTranslation } from '../../utils/getTranslation';
import { moneyWords } from '../../utils/money';
import { statusWords, STATE_VARIANTS, jobState } from '../../utils/statusWords';

type OrderDetail = OrderView & { segments: Array<{ key: string; kind: string; paths: string[] }>; jobs: JobView[] };

/** The drill-down of one order: its Gengo jobs, which fields each carries, and where each stands. */
export const OrderJobsModal = ({
  order,
  name = (code) => code,
}: {
  order: OrderView;
  name?: (code: string) => string;
}) => {
  const intl = useIntl();
  const t = (id: string, defaultMessage: string, values?: Record<string, any>) =>
    intl.formatMessage({ id: getTranslation(id), defaultMessage }, values);
  const words = statusWords(intl.formatMessage);
  const money = moneyWords(intl);
  const { get } = useFetchClient();
  const [open, setOpen] = React.useState(false);
  const [detail, setDetail] = React.useState<OrderDetail | null>(null);
  const [error, setError] = React.useState<string | null>(null);

  React.useEffect(() => {
    if (!open) return;
    setError(null);
    get<{ data: OrderDetail }>(`/gengo/orders/${order.id}`).then(
      ({ data }) => setDetail(data.data),
      (err) => setError(errorMessage(err))
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, order.id]);

  const pathsOf = (segmentKey: string) =>
    detail?.segments.find((s) => s.key === segmentKey)?.paths.join(', ') ?? segmentKey;

  return (
    <Modal.Root open={open} onOpenChange={setOpen}>
      <Modal.Trigger>
        <Button size="S" variant="tertiary" data-testid="gengo-order-jobs">
          {t('orders.jobs.open', 'Translations')}
        </Button>
      </Modal.Trigger>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>
            {t('orders.jobs.title', 'Order #{id}: {source} → {target}', {
              id: order.id,
              source: name(order.sourceLocale),
              target: name(order.targetLocale),
            })}
          </Modal.Title>
        </Modal.Header>
        <Modal.Body>
          {error && <Typography textColor="danger600">{error}</Typography>}
          {!detail && !error && <Loader small>{t('orders.jobs.loading', 'Loading the jobs…')}</Loader>}
          {detail && detail.jobs.length === 0 && (
            <Typography>{t('orders.jobs.none', 'This order has no jobs.')}</Typography>
          )}
          {detail && detail.jobs.length > 0 && (
            <Box data-testid="gengo-order-jobs-table">
              <Table colCount={5} rowCount={detail.jobs.length + 1}>
                <Thead>
                  <Tr>
                    <Th>
                      <Typography variant="sigma">{t('orders.jobs.col.fields', 'Fields')}</Typography>
                    </Th>
                    <Th>
                      <Typography variant="sigma">{t('orders.jobs.col.status', 'Status')}</Typography>
                    </Th>
                    <Th>
                      <Typography variant="sigma">{t('orders.jobs.col.gengo', 'Gengo job')}</Typography>
                    </Th>
                    <Th>
                      <Typography variant="sigma">{t('orders.jobs.col.units', 'Units')}</Typography>
                    </Th>
                    <Th>
                      <Typography variant="sigma">{money.label()}</Typography>
                    </Th>
                  </Tr>
                </Thead>
                <Tbody>
                  {detail.jobs.map((job) => (
                    <Tr key={job.id} data-testid="gengo-order-job" data-status={job.status}>
                      <Td>
                        <Typography textColor="neutral800">{pathsOf(job.segmentKey)}</Typography>
                        {job.chunkCount > 1 && (
                          <Typography tag="p" variant="pi" textColor="neutral600">
                            {t('orders.jobs.chunk', 'part {index} of {count}', {
                              index: job.chunkIndex + 1,
                              count: job.chunkCount,
                            })}
                          </Typography>
                        )}
                      </Td>
                      <Td>
                        <Badge
                          backgroundColor={`${STATE_VARIANTS[jobState(job.status)]}100`}
                          textColor={`${STATE_VARIANTS[jobState(job.status)]}700`}
                          style={{ whiteSpace: 'nowrap', textTransform: 'none' }}
                        >
                          {words.job(job.status)}
                        </Badge>
                        {job.lastError && (
                          <Typography tag="p" variant="pi" textColor="danger600">
                            {job.lastError}
                          </Typography>
                        )}
                      </Td>
                      <Td>
                        <Typography textColor="neutral800">
                          {job.gengoJobId ? `#${job.gengoJobId} (${job.gengoStatus ?? '—'})` : '—'}
                        </Typography>
                        {job.reusedFrom && (
                          <Typography variant="pi" textColor="success600" tag="p" data-testid="gengo-job-reused">
                            {t(
                              'orders.jobs.reused',
                              'Reused from the translation memory: approved in order {order} ({paths})',
                              {
                                order: job.reusedFrom.orderId ?? '—',
                                paths: job.reusedFrom.paths.join(', '),
                              }
                            )}
                          </Typography>
                        )}
                        {job.sharedWithOrderId != null && (
                          <Typography variant="pi" textColor="neutral600" tag="p" data-testid="gengo-job-shared">
                            {job.sharedWithOrderId === order.id
                              ? t('orders.jobs.sharedSame', 'Same text as another field of this order: one job')
                              : t('orders.jobs.shared', 'Shared with order {order}: charged there', {
                                  order: job.sharedWithOrderId,
                                })}
                          </Typography>
                        )}
                      </Td>
                      <Td>
                        <Typography textColor="neutral800">{money.units(job.unitCount, order.lcSrc)}</Typography>
                      </Td>
                      <Td>
                        <Typography textColor="neutral800">
                          {job.sharedWithOrderId != null && job.credits == null
                            ? '—'
                            : money.amount(job.credits, order.currency)}
                        </Typography>
                      </Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
              <Box paddingTop={3}>
                <Typography variant="pi" textColor="neutral600">
                  {money.unitsHint()}
                </Typography>
              </Box>
            </Box>
          )}
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{t('orders.jobs.close', 'Close')}</Button>
          </Modal.Close>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
