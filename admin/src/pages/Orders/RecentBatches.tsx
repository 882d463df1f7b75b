import * as React from 'react';
import { Box, Button, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { isRunning, type BatchView } from '../../api/bulk';
import { getTranslation } from '../../utils/getTranslation';
import { BatchProgress } from '../../components/BulkTranslate/BatchProgress';
import { errorMessage } from '../../components/Review/useJobApi';

const POLL_MS = 3000;

/**
 * Bulk orders started from the list view (`GET /gengo/bulk`), newest first, with their progress;
 * polled while one of them runs. Nothing is shown when there is none (or the route fails).
 */
export const RecentBatches = ({
  canCancel = false,
  name = (code) => code,
}: {
  canCancel?: boolean;
  name?: (code: string) => string;
}) => {
  const { formatMessage, formatDate } = useIntl();
  const t = (id: string, defaultMessage: string, values?: Record<string, any>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values);
  const { get, post } = useFetchClient();
  const [batches, setBatches] = React.useState<BatchView[]>([]);
  const [cancelling, setCancelling] = React.useState<number | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const reload = React.useRef<() => Promise<void>>(async () => undefined);

  // Documents not ordered yet are left out; those ordered stay ordered.
  const cancel = async (id: number) => {
    setCancelling(id);
    setError(null);
    try {
      await post(`/gengo/bulk/${id}/cancel`, {});
      await reload.current();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setCancelling(null);
    }
  };

  React.useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout>;
    const load = async () => {
      clearTimeout(timer);
      try {
        const { data } = await get<{ data: BatchView[] }>('/gengo/bulk');
        if (!live) return;
        setBatches(data.data ?? []);
        if ((data.data ?? []).some(isRunning)) timer = setTimeout(load, POLL_MS);
      } catch {
        // The orders below stay usable without the batches.
      }
    };
    reload.current = load;
    load();
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (!batches.length) return null;
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="gengo-batches">
      <Typography variant="delta" tag="h2">
        {t('batches.title', 'Bulk orders')}
      </Typography>
      {error && (
        <Typography variant="pi" textColor="danger600">
          {error}
        </Typography>
      )}
      <Table colCount={4} rowCount={Math.min(batches.length, 10) + 1}>
        <Thead>
          <Tr>
            <Th>
              <Typography variant="sigma">{t('batches.col.id', 'Batch')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('orders.col.locales', 'Locales')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('batches.col.progress', 'Progress')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('orders.col.ordered', 'Ordered')}</Typography>
            </Th>
          </Tr>
        </Thead>
        <Tbody>
          {batches.slice(0, 10).map((b) => (
            <Tr key={b.id} data-testid="gengo-batch-row" data-batch={b.id}>
              <Td>
                <Typography textColor="neutral800">#{b.id}</Typography>
              </Td>
              <Td>
                <Typography textColor="neutral800">
                  {name(b.sourceLocale)} → {b.targetLocales.map(name).join(', ')}
                </Typography>
              </Td>
              <Td>
                <Box minWidth="280px" paddingTop={2} paddingBottom={2}>
                  <BatchProgress batch={b} />
                  {canCancel && isRunning(b) && (
                    <Box paddingTop={2}>
                      <Button
                        size="S"
                        variant="danger-light"
                        loading={cancelling === b.id}
                        onClick={() => cancel(b.id)}
                        data-testid="gengo-batch-cancel"
                      >
                        {t('bulk.cancel', 'Stop ordering the rest')}
                      </Button>
                    </Box>
                  )}
                </Box>
              </Td>
              <Td>
                <Typography textColor="neutral800">
                  {formatDate(b.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
                </Typography>
                {b.createdByName && (
                  <Typography tag="p" variant="pi" textColor="neutral600">
                    {b.createdByName}
                  </Typography>
                )}
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </Flex>
  );
};
