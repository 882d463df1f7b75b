import * as React from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { JobView, MachinePreview } from '../../api/orders';
import { getTranslation } from '../../utils/getTranslation';
import { effectiveStatus } from './jobActions';
import { useJobCall } from './useJobApi';

const IN_PROGRESS = new Set(['available', 'pending', 'revising', 'hold']);

/**
 * A field still with the translators: Gengo's machine translation as a preview (marked as such),
 * and cancelling what no translator has started yet (Gengo cancels only `available` jobs).
 */
export const FieldProgress = ({
  jobs,
  canReview,
  onChanged,
}: {
  jobs: JobView[];
  canReview: boolean;
  onChanged: () => void;
}) => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string, values?: Record<string, any>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values);
  const { get, post, run, busy, error } = useJobCall(onChanged);
  const [preview, setPreview] = React.useState<string | null>(null);
  const working = jobs.filter((j) => j.gengoJobId && IN_PROGRESS.has(effectiveStatus(j)));
  const cancellable = jobs.filter((j) => j.gengoJobId && effectiveStatus(j) === 'available');
  if (!working.length) return null;

  const showPreview = async () => {
    const texts: string[] = [];
    for (const job of working) {
      const answer = await run<MachinePreview>('preview', () => get(`/gengo/jobs/${job.id}/machine-preview`));
      if (answer?.bodyTgt) texts.push(answer.bodyTgt);
    }
    setPreview(texts.join('\n\n'));
  };
  const cancel = async () => {
    for (const [i, job] of cancellable.entries())
      await run(
        'cancel',
        () => post(`/gengo/jobs/${job.id}/cancel`, {}),
        i === cancellable.length - 1 ? t('review.cancelled', 'Translation cancelled') : undefined
      );
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Flex gap={2} wrap="wrap">
        <Button size="S" variant="tertiary" loading={busy === 'preview'} onClick={showPreview}>
          {t('review.preview', 'Machine preview')}
        </Button>
        {cancellable.length > 0 && (
          <Button size="S" variant="danger-light" loading={busy === 'cancel'} disabled={!canReview} onClick={cancel}>
            {t('reviewView.cancel', 'Cancel this translation')}
          </Button>
        )}
      </Flex>
      {preview !== null && (
        <Box background="neutral100" padding={3} hasRadius data-testid="gengo-machine-preview">
          <Typography variant="sigma" textColor="neutral600">
            {t('review.preview.machine', 'Machine translation (preview)')}
          </Typography>
          <Typography tag="p" variant="pi" style={{ whiteSpace: 'pre-wrap' }}>
            {preview || t('review.preview.none', 'No preview available yet.')}
          </Typography>
        </Box>
      )}
      {error && (
        <Typography variant="pi" textColor="danger600">
          {error}
        </Typography>
      )}
    </Flex>
  );
};
