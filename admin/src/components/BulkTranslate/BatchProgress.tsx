import * as React from 'react';
import { Badge, Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { progressPercent, type BatchView } from '../../api/bulk';
import { getTranslation } from '../../utils/getTranslation';
import { moneyWords } from '../../utils/money';
import { statusWords } from '../../utils/statusWords';

const VARIANT: Record<string, 'success' | 'danger' | 'secondary' | 'neutral' | 'warning'> = {
  queued: 'secondary',
  running: 'secondary',
  completed: 'success',
  cancelled: 'neutral',
  failed: 'danger',
};

export const batchVariant = (status: string) => VARIANT[status] ?? 'neutral';

/**
 * A batch's progress in words — "Ordered 3 of 3 · Translated 1 of 3" — with its bar and cost;
 * with `showFailures`, the entries that failed and why.
 */
export const BatchProgress = ({ batch, showFailures = false }: { batch: BatchView; showFailures?: boolean }) => {
  const intl = useIntl();
  const t = (id: string, defaultMessage: string, values?: Record<string, any>) =>
    intl.formatMessage({ id: getTranslation(id), defaultMessage }, values);
  const words = statusWords(intl.formatMessage);
  const money = moneyWords(intl);
  const variant = batchVariant(batch.status);
  const failures = batch.failures ?? [];
  const percent = progressPercent(batch);
  const parts = [
    t('bulk.progress.ordered', 'Ordered {done} of {total}', { done: batch.done, total: batch.total }),
    ...(batch.translated != null
      ? [
          t('bulk.progress.translated', 'Translated {count} of {total}', {
            count: batch.translated,
            total: batch.total,
          }),
        ]
      : []),
    ...(batch.failed ? [t('bulk.progress.failed', 'Failed {count}', { count: batch.failed })] : []),
  ];

  return (
    <Flex
      direction="column"
      alignItems="stretch"
      gap={2}
      data-testid="gengo-batch"
      data-batch={batch.id}
      data-status={batch.status}
    >
      <Flex justifyContent="space-between" gap={2} wrap="wrap">
        <Typography variant="omega" data-testid="gengo-batch-counts">
          {parts.join(' · ')}
        </Typography>
        <Badge
          backgroundColor={`${variant}100`}
          textColor={`${variant}700`}
          style={{ whiteSpace: 'nowrap', textTransform: 'none' }}
        >
          {words.batch(batch.status)}
        </Badge>
      </Flex>
      {/* The design system's ProgressBar is made for dark backgrounds: a plain bar reads better here. */}
      <Box
        background="neutral150"
        hasRadius
        height="0.8rem"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        style={{ overflow: 'hidden' }}
      >
        <Box
          background={batch.failed ? 'warning500' : 'success500'}
          height="100%"
          style={{ width: `${percent}%`, transition: 'width 0.3s' }}
        />
      </Box>
      <Typography variant="pi" textColor="neutral600" data-testid="gengo-batch-cost">
        {t('bulk.progress.cost', '{orders, plural, one {# order} other {# orders}} sent to Gengo · {amount}', {
          orders: batch.ordered,
          amount: money.credits(batch.credits ?? 0, batch.currency),
        })}
      </Typography>
      {batch.lastError && (
        <Typography variant="pi" textColor="warning600" data-testid="gengo-batch-last-error">
          {batch.lastError}
        </Typography>
      )}
      {showFailures && failures.length > 0 && (
        <Box background="danger100" padding={3} hasRadius data-testid="gengo-batch-failures">
          {failures.map((f) => (
            <Typography key={f.documentId} tag="p" variant="pi" textColor="danger700">
              {t('bulk.progress.failure', '{entry}: {reason}', { entry: f.title ?? f.documentId, reason: f.reason })}
            </Typography>
          ))}
        </Box>
      )}
    </Flex>
  );
};
