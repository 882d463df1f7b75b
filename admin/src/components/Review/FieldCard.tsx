import * as React from 'react';
import { Badge, Box, Button, Flex, Grid, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { FieldActionResult, ReviewField } from '../../api/orders';
import { getTranslation } from '../../utils/getTranslation';
import { moneyWords } from '../../utils/money';
import { jobState, STATE_VARIANTS, statusWords } from '../../utils/statusWords';
import { AutoApproveDeadline } from './AutoApproveDeadline';
import { FeedbackFields, RejectFields, ReviseForm } from './FieldForms';
import { FieldProgress } from './FieldProgress';
import { FieldThread } from './FieldThread';
import { approveBody, rejectBody, reviewableJobs, type ApproveForm, type RejectForm } from './jobActions';
import { ReadableTextView, RevisionDiff } from './ReadableTextView';
import { useJobCall } from './useJobApi';

type Mode = 'feedback' | 'revise' | 'reject' | 'thread' | null;

type Props = {
  field: ReviewField;
  orderId: number;
  sourceName: string;
  /** The source's locale code: Gengo counts Chinese, Japanese and Korean sources in characters. */
  sourceLocale: string;
  targetName: string;
  canReview: boolean;
  onChanged: () => void;
};

const NO_FEEDBACK: ApproveForm = { rating: null, forTranslator: '', forGengo: '', public: false };

/**
 * One field of the entry under review: its label path, the source beside the translation (each
 * segment of it), what the last revision changed, the translator's thread, and the reviewer's
 * decisions on the field as a whole — approve (first, most prominent), request changes, reject.
 */
export const FieldCard = ({ field, orderId, sourceName, sourceLocale, targetName, canReview, onChanged }: Props) => {
  const intl = useIntl();
  const { formatMessage } = intl;
  const money = moneyWords(intl);
  const t = (id: string, defaultMessage: string, values?: Record<string, any>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values);
  const { post, run, busy, error, setError } = useJobCall(onChanged);
  const [mode, setMode] = React.useState<Mode>(null);
  const [feedback, setFeedback] = React.useState<ApproveForm>(NO_FEEDBACK);
  const [showChanges, setShowChanges] = React.useState(true);
  const [attempt, setAttempt] = React.useState(0);
  const label = field.label.join(' › ');
  const waiting = reviewableJobs(field.jobs);
  const revised = field.segments.some((s) => s.previous && s.translation);
  const nearest =
    field.jobs
      .map((j) => j.autoApproveAt)
      .filter((d): d is string => Boolean(d))
      .sort()[0] ?? null;
  const toggle = (next: Mode) => setMode(mode === next ? null : next);

  /** A field action's outcome: every job done, or the first refusal shown. */
  const settle = (result: FieldActionResult | null) => {
    if (!result) return false;
    if (result.failed.length) {
      setError(result.failed[0].message);
      return false;
    }
    setMode(null);
    return true;
  };

  const approve = async () =>
    settle(
      await run<FieldActionResult>(
        'approve',
        () =>
          post(`/gengo/orders/${orderId}/approve`, {
            fields: [field.key],
            ...(mode === 'feedback' ? approveBody(feedback) : {}),
          }),
        t('reviewView.approved', '“{field}” approved', { field: label })
      )
    );
  const revise = async (comment: string) =>
    settle(
      await run<FieldActionResult>(
        'revise',
        () => post(`/gengo/orders/${orderId}/revise`, { fields: [field.key], comment }),
        t('reviewView.revised', 'Changes requested on “{field}”', { field: label })
      )
    );
  const reject = async (form: Omit<RejectForm, 'captcha'>, captchas: Record<number, string>) => {
    // Each translation of the field has its own captcha at Gengo: rejected one by one.
    for (const [i, job] of waiting.entries()) {
      const body = rejectBody({ ...form, captcha: captchas[job.id] ?? '' });
      const last = i === waiting.length - 1;
      const done = await run(
        'reject',
        () => post(`/gengo/jobs/${job.id}/reject`, body),
        last ? t('reviewView.rejected', '“{field}” rejected', { field: label }) : undefined
      );
      if (!done) {
        setAttempt((n) => n + 1);
        onChanged();
        return;
      }
    }
    setMode(null);
  };

  // The field's status is a job status: it reads in the plugin's one vocabulary (utils/statusWords);
  // data-status keeps the precise key (revising and pending read alike, "In translation").
  const variant = STATE_VARIANTS[jobState(field.status)];
  return (
    <Box
      padding={4}
      hasRadius
      background="neutral0"
      borderColor="neutral200"
      borderStyle="solid"
      borderWidth="1px"
      data-testid="gengo-field"
      data-field={field.key}
      data-status={field.status}
    >
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Flex justifyContent="space-between" gap={2} wrap="wrap">
          <Typography variant="delta" tag="h3" data-testid="gengo-field-label">
            {label}
          </Typography>
          <Flex gap={2}>
            <AutoApproveDeadline at={nearest} compact />
            <Typography variant="pi" textColor="neutral600" title={money.unitsHint()} data-testid="gengo-field-units">
              {money.units(field.units, sourceLocale)}
            </Typography>
            <Badge backgroundColor={`${variant}100`} textColor={`${variant}700`} style={{ whiteSpace: 'nowrap' }}>
              {statusWords(formatMessage).job(field.status)}
            </Badge>
          </Flex>
        </Flex>

        {field.segments.map((s) => (
          <Grid.Root key={s.key} gap={4} data-segment={s.key}>
            <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
              <Typography variant="sigma" textColor="neutral600">
                {t('reviewView.source', 'Source · {locale}', { locale: sourceName })}
              </Typography>
              <ReadableTextView text={s.source} testId="gengo-source" />
            </Grid.Item>
            <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
              <Typography variant="sigma" textColor="neutral600">
                {t('reviewView.translation', 'Translation · {locale}', { locale: targetName })}
              </Typography>
              {s.translation ? (
                showChanges && s.previous ? (
                  <RevisionDiff before={s.previous} after={s.translation} />
                ) : (
                  <ReadableTextView text={s.translation} testId="gengo-translation" />
                )
              ) : (
                <Typography variant="pi" textColor="neutral500" style={{ fontStyle: 'italic' }}>
                  {t('reviewView.notYet', 'Not translated yet')}
                </Typography>
              )}
            </Grid.Item>
          </Grid.Root>
        ))}

        <Flex gap={2} wrap="wrap">
          {waiting.length > 0 && (
            <>
              <Button variant="success" onClick={approve} loading={busy === 'approve'} disabled={!canReview}>
                {mode === 'feedback'
                  ? t('reviewView.approveWithFeedback', 'Approve with feedback')
                  : t('review.approve', 'Approve')}
              </Button>
              <Button variant="tertiary" disabled={!canReview} onClick={() => toggle('feedback')}>
                {t('reviewView.feedback', 'Rate and give feedback')}
              </Button>
              <Button variant="secondary" disabled={!canReview} onClick={() => toggle('revise')}>
                {t('reviewView.revise', 'Request changes')}
              </Button>
              <Button variant="danger-light" disabled={!canReview} onClick={() => toggle('reject')}>
                {t('review.reject', 'Reject')}
              </Button>
            </>
          )}
          {revised && (
            <Button variant="tertiary" onClick={() => setShowChanges(!showChanges)}>
              {showChanges
                ? t('reviewView.changes.hide', 'Hide the changes')
                : t('reviewView.changes.show', 'Show what the revision changed')}
            </Button>
          )}
          <Button variant="tertiary" onClick={() => toggle('thread')}>
            {t('reviewView.thread', 'Comments ({count})', { count: field.comments.length })}
          </Button>
        </Flex>

        <FieldProgress jobs={field.jobs} canReview={canReview} onChanged={onChanged} />
        {mode === 'feedback' && <FeedbackFields name={field.key} form={feedback} onChange={setFeedback} />}
        {mode === 'revise' && (
          <ReviseForm name={field.key} busy={busy === 'revise'} disabled={!canReview} onSubmit={revise} />
        )}
        {mode === 'reject' && (
          <RejectFields
            name={field.key}
            jobs={waiting}
            busy={busy === 'reject'}
            disabled={!canReview}
            error={error}
            attempt={attempt}
            onSubmit={reject}
          />
        )}
        {mode === 'thread' && (
          <FieldThread
            field={field.key}
            comments={field.comments}
            jobId={field.jobs.find((j) => j.gengoJobId)?.id ?? null}
            canReview={canReview}
          />
        )}
        {error && mode !== 'reject' && (
          <Typography variant="pi" textColor="danger600" data-testid="gengo-review-error">
            {error}
          </Typography>
        )}
      </Flex>
    </Box>
  );
};
