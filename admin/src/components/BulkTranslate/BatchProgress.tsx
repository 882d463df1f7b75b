import * as React from 'react';
import { Badge, Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { progressPercent, type BatchView } from '../../api/bulk';
import { getTranslation } from '../../utils/getTranslation';

const VARIANT: Record<string, 'success' | 'danger' | 'secondary' | 'neutral' | 'warning'> = {
  queued: 'secondary',
  running: 'secondary',
  completed: 'success',
  cancelled: 'neutral',
  failed: 'danger',
};

export const batchVariant = (status: string) => VARIANT[status] ?? 'neutral';

/** A batch's counts and progress bar; with `showFailures`, the entries that failed and why. */
export const BatchProgress = ({ batch, showFailures = false }: { batch: BatchView; showFailures?: boolean }) => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string, values?: Record<string, any>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values);
  const variant = batchVariant(batch.status);
  const failures = batch.failures ?? [];
  const percent = progressPercent(batch);

  return (
    <Flex
      direction="column"
      alignItems="stretch"
      gap={2}
      data-testid="gengo-batch"
      data-batch={batch.id}
      data-status={batch.status}
    >
      <Flex justifyContent="space-between" gap={2}>
        <Typography variant="omega" data-testid="gengo-batch-counts">
          {t('bulk.progress.counts', '{done} / {total} done, {failed} failed', {
            done: batch.done,
            total: batch.total,
            failed: batch.failed,
          })}
        </Typography>
        <Badge backgroundColor={`${variant}100`} textColor={`${variant}700`}>
          {batch.status}
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
      <Typography variant="pi" textColor="neutral600">
        {t('bulk.progress.ordered', '{ordered, plural, one {# order} other {# orders}} placed · {credits} {currency}', {
          ordered: batch.ordered,
          credits: Number(batch.credits ?? 0).toFixed(2),
          currency: batch.currency ?? '',
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
