import { Badge, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { Locale, LocaleStatus } from '../../api/orders';
import { ConflictView } from '../Conflicts/ConflictView';
import { AutoApproveDeadline } from '../Review/AutoApproveDeadline';
import { EntryReview } from '../Review/EntryReview';
import { hasReviewableJobs } from '../Review/jobActions';
import { getTranslation } from '../../utils/getTranslation';
import { RelationGaps } from './RelationGaps';
import { localeNamer } from '../../utils/localeNames';
import { STATE_VARIANTS, statusWords, translationState } from '../../utils/statusWords';

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

/**
 * The side panel is narrow: words wrap between words only (the admin's default breaks anywhere,
 * which split "AWAITING REVIEW" and "zh-Hans" mid-word), and a row's parts move to the next line
 * instead of squeezing.
 */
const NO_MID_WORD = { overflowWrap: 'normal', wordBreak: 'normal', hyphens: 'none' } as const;

/** One line per target locale ordered so far, with its status in words and counts, and "Review". */
export const LocaleStatusList = ({
  contentType,
  documentId,
  locales,
  names = [],
  canReview = false,
  onChanged = () => undefined,
}: Props) => {
  const { formatMessage, locale: uiLocale } = useIntl();
  const words = statusWords(formatMessage);
  const name = localeNamer(names, uiLocale);
  if (locales.length === 0) {
    return (
      <Typography variant="pi" textColor="neutral600">
        {formatMessage({ id: getTranslation('panel.status.none'), defaultMessage: 'Not translated with Gengo yet.' })}
      </Typography>
    );
  }
  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="gengo-status" style={NO_MID_WORD}>
      {locales.map((l) => {
        const status = translationState(l.status, l.jobs);
        const variant = STATE_VARIANTS[status];
        const errors = [
          ...new Set((l.latest?.jobs ?? []).filter((j) => j.status === 'error' && j.lastError).map((j) => j.lastError)),
        ];
        return (
          <Flex key={l.locale} direction="column" alignItems="stretch" gap={1}>
            <Flex
              justifyContent="space-between"
              alignItems="center"
              wrap="wrap"
              gap={2}
              data-locale={l.locale}
              data-status={status}
            >
              <Typography variant="omega" fontWeight="bold" style={{ whiteSpace: 'nowrap' }} title={l.locale}>
                {name(l.locale)}
              </Typography>
              <Flex gap={2} wrap="wrap" justifyContent="flex-end">
                <Badge
                  backgroundColor={`${variant}100`}
                  textColor={`${variant}700`}
                  data-testid="gengo-status-word"
                  style={{ whiteSpace: 'nowrap', textTransform: 'none' }}
                >
                  {words.stateWithCount(status, l.jobs)}
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
            <AutoApproveDeadline at={l.latest?.autoApproveAt} compact />
            {errors.map((e) => (
              <Typography key={e} variant="pi" textColor="danger600" data-testid="gengo-job-error">
                {e}
              </Typography>
            ))}
            <RelationGaps
              gaps={l.relationGaps ?? []}
              language={names.find((n) => n.code === l.locale)?.name ?? l.locale}
            />
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
