import * as React from 'react';
import { Box, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { isRunning, type BatchView } from '../../api/bulk';
import { getTranslation } from '../../utils/getTranslation';
import { BatchProgress } from '../../components/BulkTranslate/BatchProgress';

const POLL_MS = 3000;

/**
 * Bulk orders started from the list view (`GET /gengo/bulk`), newest first, with their progress;
 * polled while one of them runs. Nothing is shown when there is none (or the route fails).
 */
export const RecentBatches = () => {
  const { formatMessage, formatDate } = useIntl();
  const t = (id: string, defaultMessage: string, values?: Record<string, any>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values);
  const { get } = useFetchClient();
  const [batches, setBatches] = React.useState<BatchView[]>([]);

  React.useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout>;
    const load = async () => {
      try {
        const { data } = await get<{ data: BatchView[] }>('/gengo/bulk');
        if (!live) return;
        setBatches(data.data ?? []);
        if ((data.data ?? []).some(isRunning)) timer = setTimeout(load, POLL_MS);
      } catch {
        // The orders below stay usable without the batches.
      }
    };
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
                  {b.sourceLocale} → {b.targetLocales.join(', ')}
                </Typography>
              </Td>
              <Td>
                <Box minWidth="280px" paddingTop={2} paddingBottom={2}>
                  <BatchProgress batch={b} />
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
