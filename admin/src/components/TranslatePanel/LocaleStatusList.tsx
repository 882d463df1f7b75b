import { Badge, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { Locale, LocaleStatus } from '../../api/orders';
import { ConflictView } from '../Conflicts/ConflictView';
import { AutoApproveDeadline } from '../Review/AutoApproveDeadline';
import { EntryReview } from '../Review/EntryReview';
import { hasReviewableJobs } from '../Review/jobActions';
import { getTranslation } from '../../utils/getTranslation';
import { panelStatus, STATUS_LABELS, STATUS_VARIANTS } from './status';

type Props = {
  /** The entry (the review view loads it per locale). */
  contentType: string;
  documentId: string;
  locales: LocaleStatus[];
  /** The app's locales, for their names. */
  names?: Locale[];
  canReview?: boolean;
  onChanged?: () => void;
};

/** One line per target locale ordered so far, with its status and, when it has jobs, "Review". */
export const LocaleStatusList = ({
  contentType,
  documentId,
  locales,
  names = [],
  canReview = false,
  onChanged = () => undefined,
}: Props) => {
  const { formatMessage } = useIntl();
  if (locales.length === 0) {
    return (
      <Typography variant="pi" textColor="neutral600">
        {formatMessage({ id: getTranslation('panel.status.none'), defaultMessage: 'Not translated with Gengo yet.' })}
      </Typography>
    );
  }
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="gengo-status">
      {locales.map((l) => {
        const status = panelStatus(l.status, l.jobs);
        const errors = [
          ...new Set((l.latest?.jobs ?? []).filter((j) => j.status === 'error' && j.lastError).map((j) => j.lastError)),
        ];
        return (
          <Flex key={l.locale} direction="column" alignItems="stretch" gap={2}>
            <Flex justifyContent="space-between" gap={2} data-locale={l.locale} data-status={status}>
              <Typography variant="omega" fontWeight="bold">
                {l.locale}
              </Typography>
              <Flex gap={2}>
                <AutoApproveDeadline at={l.latest?.autoApproveAt} compact />
                <Badge backgroundColor={`${STATUS_VARIANTS[status]}100`} textColor={`${STATUS_VARIANTS[status]}700`}>
                  {formatMessage({
                    id: getTranslation(`panel.status.${status}`),
                    defaultMessage: STATUS_LABELS[status],
                  })}
                </Badge>
                {hasReviewableJobs(l.latest?.jobs) && (
                  <EntryReview
                    contentType={contentType}
                    documentId={documentId}
                    locale={l.locale}
                    names={names}
                    canReview={canReview}
                    onChanged={onChanged}
                  />
                )}
              </Flex>
            </Flex>
            {errors.map((e) => (
              <Typography key={e} variant="pi" textColor="danger600" data-testid="gengo-job-error">
                {e}
              </Typography>
            ))}
            {l.latest && (
              <ConflictView
                orderId={l.latest.id}
                conflicts={l.latest.conflicts ?? []}
                canResolve={canReview}
                onResolved={onChanged}
              />
            )}
          </Flex>
        );
      })}
    </Flex>
  );
};
