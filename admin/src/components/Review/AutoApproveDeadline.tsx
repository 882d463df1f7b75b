import { Badge, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { getTranslation } from '../../utils/getTranslation';

/** Gengo's auto-approval is warned of a day before (the server's gengo/auto-approval.ts). */
export const WARN_MS = 24 * 3600 * 1000;

/** Whole hours left until `at` (0 when under an hour or past), and whether it is within the warning day. */
export const timeLeft = (at: string, now: number): { hours: number; soon: boolean; past: boolean } => {
  const ms = Date.parse(at) - now;
  return { hours: Math.max(0, Math.floor(ms / 3600_000)), soon: ms <= WARN_MS, past: ms <= 0 };
};

type Props = {
  /** The job's or order's `autoApproveAt` (null: nothing to show). */
  at: string | null | undefined;
  /** For tests; the current time otherwise. */
  now?: number;
  /** Only the badge (tables): no line with the date. */
  compact?: boolean;
};

/**
 * When Gengo approves a reviewable job by itself (72 hours after it became reviewable, longer for
 * large jobs), and a warning badge in its last day: "auto-approves in 20 h".
 */
export const AutoApproveDeadline = ({ at, now, compact = false }: Props) => {
  const { formatMessage, formatDate } = useIntl();
  if (!at || Number.isNaN(Date.parse(at))) return null;
  const t = (id: string, defaultMessage: string, values?: Record<string, any>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values);
  const left = timeLeft(at, now ?? Date.now());
  const when = formatDate(at, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <Flex gap={2} wrap="wrap" data-testid="gengo-auto-approve" data-soon={left.soon} title={when}>
      {!compact && (
        <Typography variant="pi" textColor="neutral600">
          {t('review.autoApprove.on', 'Gengo approves it by itself on {date}', { date: when })}
        </Typography>
      )}
      {(left.soon || compact) && (
        <Badge
          backgroundColor={left.soon ? 'warning100' : 'neutral100'}
          textColor={left.soon ? 'warning700' : 'neutral700'}
          data-testid="gengo-auto-approve-badge"
        >
          {left.past
            ? t('review.autoApprove.now', 'auto-approving now')
            : left.soon && left.hours < 1
              ? t('review.autoApprove.underHour', 'auto-approves in less than an hour')
              : left.soon
                ? t('review.autoApprove.in', 'auto-approves in {hours} h', { hours: left.hours })
                : t('review.autoApprove.date', 'auto-approves {date}', { date: when })}
        </Badge>
      )}
    </Flex>
  );
};
