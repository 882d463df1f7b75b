import * as React from 'react';
import { Button, Flex, Modal, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { JobView } from '../../api/orders';
import { getTranslation } from '../../utils/getTranslation';
import { can, hasReviewableJobs } from './jobActions';
import { JobCard } from './JobCard';
import { errorMessage } from './useJobApi';

type Props = {
  locale: string;
  localeName?: string;
  jobs: JobView[];
  canReview: boolean;
  /** Refreshes the document's status (the jobs come back through it). */
  onChanged: () => void;
};

/** "Review" on a locale of the panel: a modal with the jobs of its latest order and their actions. */
export const ReviewModal = ({ locale, localeName, jobs, canReview, onChanged }: Props) => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string, values?: Record<string, any>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values);
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [open, setOpen] = React.useState(false);
  const [approvingAll, setApprovingAll] = React.useState(false);

  if (!hasReviewableJobs(jobs)) return null;
  const reviewable = jobs.filter((j) => can(j, 'approve'));

  const approveAll = async () => {
    setApprovingAll(true);
    let failed = 0;
    let lastError = '';
    for (const job of reviewable) {
      try {
        await post(`/gengo/jobs/${job.id}/approve`, {});
      } catch (err) {
        failed += 1;
        lastError = errorMessage(err);
      }
    }
    setApprovingAll(false);
    onChanged();
    toggleNotification(
      failed === 0
        ? {
            type: 'success',
            message: t('review.approvedAll', '{count, plural, one {# translation} other {# translations}} approved', {
              count: reviewable.length,
            }),
          }
        : { type: 'danger', message: lastError }
    );
  };

  return (
    <Modal.Root open={open} onOpenChange={setOpen}>
      <Modal.Trigger>
        <Button size="S" variant="tertiary" data-testid={`gengo-review-${locale}`}>
          {t('review.open', 'Review')}
        </Button>
      </Modal.Trigger>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>
            {t('review.title', 'Review the {locale} translation', { locale: localeName ?? locale })}
          </Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={3} data-testid="gengo-review-modal" data-locale={locale}>
            {!canReview && (
              <Typography variant="pi" textColor="neutral600">
                {t(
                  'review.forbidden',
                  'You may look at these jobs, but reviewing them needs the "Review" permission of Gengo.'
                )}
              </Typography>
            )}
            {jobs.map((job) => (
              <JobCard key={job.id} job={job} canReview={canReview} onChanged={onChanged} />
            ))}
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{t('review.close', 'Close')}</Button>
          </Modal.Close>
          {reviewable.length > 0 && (
            <Button variant="success" onClick={approveAll} loading={approvingAll} disabled={!canReview}>
              {t('review.approveAll', 'Approve all ({count})', { count: reviewable.length })}
            </Button>
          )}
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
