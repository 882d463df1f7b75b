import * as React from 'react';
import {
  Badge,
  Box,
  Button,
  Checkbox,
  Field,
  Flex,
  SingleSelect,
  SingleSelectOption,
  TextInput,
  Textarea,
  Typography,
} from '@strapi/design-system';
import { AutoApproveDeadline } from './AutoApproveDeadline';
import { useIntl } from 'react-intl';
import type { JobComment, JobView, MachinePreview } from '../../api/orders';
import { getTranslation } from '../../utils/getTranslation';
import {
  approveBody,
  effectiveStatus,
  jobActions,
  rejectBody,
  rejectReady,
  type JobAction,
  type RejectForm,
} from './jobActions';
import { useJobCall } from './useJobApi';
import { CaptchaImage } from './CaptchaImage';
import { JobText } from './JobText';

type Mode = Exclude<JobAction, 'cancel'> | null;

const VARIANT: Record<string, 'danger' | 'warning' | 'secondary' | 'success' | 'neutral'> = {
  reviewable: 'warning',
  approved: 'success',
  available: 'secondary',
  pending: 'secondary',
  revising: 'secondary',
  hold: 'warning',
  conflict: 'warning',
  stale: 'warning',
  needs_review: 'warning',
  error: 'danger',
};

type Props = { job: JobView; canReview: boolean; onChanged: () => void };

/** One Gengo job of a locale: its status and text, the review actions it allows, and its comments. */
export const JobCard = ({ job, canReview, onChanged }: Props) => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string, values?: Record<string, any>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values);
  const { get, post, run, busy, error } = useJobCall(onChanged);
  const [mode, setMode] = React.useState<Mode>(null);
  const status = effectiveStatus(job);
  const actions = jobActions(job);
  const base = `/gengo/jobs/${job.id}`;

  // Approve
  const [rating, setRating] = React.useState<string>('');
  const [forTranslator, setForTranslator] = React.useState('');
  const [forGengo, setForGengo] = React.useState('');
  const [isPublic, setPublic] = React.useState(false);
  // Revise
  const [reviseComment, setReviseComment] = React.useState('');
  // Reject
  const [reject, setReject] = React.useState<RejectForm>({
    reason: 'quality',
    comment: '',
    captcha: '',
    followUp: 'requeue',
  });
  const [captchaUrl, setCaptchaUrl] = React.useState<string | null>(job.captchaUrl);
  // Comments, machine preview
  const [thread, setThread] = React.useState<JobComment[] | null>(null);
  const [newComment, setNewComment] = React.useState('');
  const [machine, setMachine] = React.useState<MachinePreview | null>(null);

  const open = async (next: Mode) => {
    setMode(next === mode ? null : next);
    if (next === mode) return;
    if (next === 'comment') setThread(await run('comments', () => get(`${base}/comments`)));
    if (next === 'preview') setMachine(await run('preview', () => get(`${base}/machine-preview`)));
    if (next === 'reject') {
      // A fresh captcha: Gengo changes it after each refused reject.
      const fresh = await run<JobView>('captcha', () => get(base));
      if (fresh) setCaptchaUrl(fresh.captchaUrl);
    }
  };

  const approve = () =>
    run(
      'approve',
      () =>
        post(
          `${base}/approve`,
          approveBody({ rating: rating ? Number(rating) : null, forTranslator, forGengo, public: isPublic })
        ),
      t('review.approved', 'Translation approved')
    ).then((r) => r && setMode(null));
  const revise = () =>
    run(
      'revise',
      () => post(`${base}/revise`, { comment: reviseComment.trim() }),
      t('review.revised', 'Revision requested')
    ).then((r) => r && setMode(null));
  const doReject = async () => {
    const r = await run(
      'reject',
      () => post(`${base}/reject`, rejectBody(reject)),
      t('review.rejected', 'Translation rejected')
    );
    if (r) {
      setMode(null);
      return;
    }
    // Gengo burns the captcha on a refused reject: show the new one, keep the error shown.
    setReject((f) => ({ ...f, captcha: '' }));
    try {
      const { data } = await get<{ data: JobView }>(base);
      setCaptchaUrl(data.data.captchaUrl);
    } catch {
      // the error of the reject stays on screen
    }
  };
  const cancel = () => run('cancel', () => post(`${base}/cancel`, {}), t('review.cancelled', 'Job cancelled'));
  const postComment = async () => {
    const list = await run<JobComment[]>('post-comment', () => post(`${base}/comments`, { body: newComment.trim() }));
    if (list) {
      setThread(list);
      setNewComment('');
    }
  };

  const variant = VARIANT[status] ?? 'neutral';
  const label = job.chunkCount > 1 ? `${job.segmentKey} (${job.chunkIndex + 1}/${job.chunkCount})` : job.segmentKey;

  return (
    <Box
      padding={4}
      hasRadius
      borderColor="neutral200"
      borderStyle="solid"
      borderWidth="1px"
      data-testid="gengo-job"
      data-job={job.id}
      data-gengo-job={job.gengoJobId ?? undefined}
      data-status={status}
    >
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Flex justifyContent="space-between" gap={2}>
          <Typography variant="omega" fontWeight="bold">
            {t('review.job', 'Job {id}', { id: job.gengoJobId ?? job.id })} · {label}
            {job.unitCount != null && ` · ${t('review.units', '{count} units', { count: job.unitCount })}`}
          </Typography>
          <Badge backgroundColor={`${variant}100`} textColor={`${variant}700`}>
            {status}
          </Badge>
        </Flex>
        <AutoApproveDeadline at={job.autoApproveAt} />
        <JobText job={job} />
        {job.lastError && (
          <Typography variant="pi" textColor="danger600">
            {job.lastError}
          </Typography>
        )}
        {actions.length > 0 && (
          <Flex gap={2} wrap="wrap">
            {actions.includes('approve') && (
              <Button
                size="S"
                variant={mode === 'approve' ? 'default' : 'success-light'}
                disabled={!canReview}
                onClick={() => open('approve')}
              >
                {t('review.approve', 'Approve')}
              </Button>
            )}
            {actions.includes('revise') && (
              <Button size="S" variant="secondary" disabled={!canReview} onClick={() => open('revise')}>
                {t('review.revise', 'Request revision')}
              </Button>
            )}
            {actions.includes('reject') && (
              <Button size="S" variant="danger-light" disabled={!canReview} onClick={() => open('reject')}>
                {t('review.reject', 'Reject')}
              </Button>
            )}
            {actions.includes('cancel') && (
              <Button
                size="S"
                variant="danger-light"
                disabled={!canReview}
                loading={busy === 'cancel'}
                onClick={cancel}
              >
                {t('review.cancel', 'Cancel job')}
              </Button>
            )}
            {actions.includes('preview') && (
              <Button size="S" variant="tertiary" loading={busy === 'preview'} onClick={() => open('preview')}>
                {t('review.preview', 'Machine preview')}
              </Button>
            )}
            {actions.includes('comment') && (
              <Button size="S" variant="tertiary" loading={busy === 'comments'} onClick={() => open('comment')}>
                {t('review.comments', 'Comments')}
              </Button>
            )}
          </Flex>
        )}

        {mode === 'approve' && (
          <Flex direction="column" alignItems="stretch" gap={3} data-testid="gengo-approve-form">
            <Field.Root name={`gengo-rating-${job.id}`}>
              <Field.Label>{t('review.rating', 'Rating')}</Field.Label>
              <SingleSelect
                value={rating}
                placeholder={t('review.rating.none', 'No rating')}
                onChange={(v: string | number) => setRating(String(v))}
              >
                {[5, 4, 3, 2, 1].map((n) => (
                  <SingleSelectOption key={n} value={String(n)}>
                    {'★'.repeat(n)}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Field.Root>
            <Field.Root name={`gengo-for-translator-${job.id}`}>
              <Field.Label>{t('review.forTranslator', 'Feedback for the translator')}</Field.Label>
              <Textarea
                value={forTranslator}
                onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setForTranslator(e.target.value)}
              />
            </Field.Root>
            <Field.Root name={`gengo-for-gengo-${job.id}`}>
              <Field.Label>{t('review.forGengo', 'Feedback for Gengo')}</Field.Label>
              <Textarea
                value={forGengo}
                onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setForGengo(e.target.value)}
              />
            </Field.Root>
            <Checkbox checked={isPublic} onCheckedChange={(v: boolean | 'indeterminate') => setPublic(v === true)}>
              {t('review.public', 'Gengo may share this translation publicly')}
            </Checkbox>
            <Button onClick={approve} loading={busy === 'approve'} disabled={!canReview}>
              {t('review.approve.confirm', 'Approve translation')}
            </Button>
          </Flex>
        )}

        {mode === 'revise' && (
          <Flex direction="column" alignItems="stretch" gap={3}>
            <Field.Root name={`gengo-revise-${job.id}`} required>
              <Field.Label>{t('review.revise.comment', 'What should the translator change?')}</Field.Label>
              <Textarea
                value={reviseComment}
                onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setReviseComment(e.target.value)}
              />
            </Field.Root>
            <Button onClick={revise} loading={busy === 'revise'} disabled={!canReview || !reviseComment.trim()}>
              {t('review.revise.confirm', 'Send revision request')}
            </Button>
          </Flex>
        )}

        {mode === 'reject' && (
          <Flex direction="column" alignItems="stretch" gap={3}>
            <Field.Root name={`gengo-reject-reason-${job.id}`}>
              <Field.Label>{t('review.reject.reason', 'Reason')}</Field.Label>
              <SingleSelect
                value={reject.reason}
                onChange={(v: string | number) => setReject({ ...reject, reason: v as RejectForm['reason'] })}
              >
                <SingleSelectOption value="quality">
                  {t('review.reject.reason.quality', 'Poor quality')}
                </SingleSelectOption>
                <SingleSelectOption value="incomplete">
                  {t('review.reject.reason.incomplete', 'Incomplete')}
                </SingleSelectOption>
                <SingleSelectOption value="other">{t('review.reject.reason.other', 'Other')}</SingleSelectOption>
              </SingleSelect>
            </Field.Root>
            <Field.Root name={`gengo-reject-comment-${job.id}`} required>
              <Field.Label>{t('review.reject.comment', 'Comment')}</Field.Label>
              <Textarea
                value={reject.comment}
                onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) =>
                  setReject({ ...reject, comment: e.target.value })
                }
              />
            </Field.Root>
            {captchaUrl && <CaptchaImage jobId={job.id} version={captchaUrl} fallbackUrl={captchaUrl} />}
            <Field.Root name={`gengo-reject-captcha-${job.id}`} required>
              <Field.Label>{t('review.reject.captcha', 'Text in the image')}</Field.Label>
              <TextInput
                value={reject.captcha}
                onChange={(e: React.ChangeEvent<HTMLInputElement>) => setReject({ ...reject, captcha: e.target.value })}
              />
            </Field.Root>
            <Field.Root name={`gengo-reject-follow-up-${job.id}`}>
              <Field.Label>{t('review.reject.followUp', 'Then')}</Field.Label>
              <SingleSelect
                value={reject.followUp}
                onChange={(v: string | number) => setReject({ ...reject, followUp: v as RejectForm['followUp'] })}
              >
                <SingleSelectOption value="requeue">
                  {t('review.reject.requeue', 'Give the job to another translator')}
                </SingleSelectOption>
                <SingleSelectOption value="cancel">{t('review.reject.cancel', 'Cancel the job')}</SingleSelectOption>
              </SingleSelect>
            </Field.Root>
            <Button
              variant="danger"
              onClick={doReject}
              loading={busy === 'reject'}
              disabled={!canReview || !rejectReady(reject)}
            >
              {t('review.reject.confirm', 'Reject translation')}
            </Button>
          </Flex>
        )}

        {mode === 'preview' && machine && (
          <Box background="neutral100" padding={3} hasRadius data-testid="gengo-machine-preview">
            <Typography variant="sigma" textColor="neutral600">
              {machine.machine
                ? t('review.preview.machine', 'Machine translation (preview)')
                : t('review.preview.human', 'Translation')}
            </Typography>
            <Typography tag="p" variant="pi" style={{ whiteSpace: 'pre-wrap' }}>
              {machine.bodyTgt ?? t('review.preview.none', 'No preview available yet.')}
            </Typography>
          </Box>
        )}

        {mode === 'comment' && thread && (
          <Flex direction="column" alignItems="stretch" gap={2} data-testid="gengo-comments">
            {thread.length === 0 && (
              <Typography variant="pi" textColor="neutral600">
                {t('review.comments.none', 'No comments yet.')}
              </Typography>
            )}
            {thread.map((c, i) => (
              <Box key={i} background={c.author === 'customer' ? 'primary100' : 'neutral100'} padding={2} hasRadius>
                <Typography variant="pi" fontWeight="bold">
                  {c.author === 'customer'
                    ? t('review.comments.you', 'You')
                    : t('review.comments.translator', 'Translator')}
                  {c.ctime ? ` · ${new Date(Number(c.ctime) * 1000).toLocaleString()}` : ''}
                </Typography>
                <Typography tag="p" variant="pi" style={{ whiteSpace: 'pre-wrap' }}>
                  {c.body}
                </Typography>
              </Box>
            ))}
            <Field.Root name={`gengo-comment-${job.id}`}>
              <Field.Label>{t('review.comments.new', 'New comment')}</Field.Label>
              <Textarea
                value={newComment}
                disabled={!canReview}
                onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setNewComment(e.target.value)}
              />
            </Field.Root>
            <Button
              variant="secondary"
              onClick={postComment}
              loading={busy === 'post-comment'}
              disabled={!canReview || !newComment.trim()}
            >
              {t('review.comments.post', 'Post comment')}
            </Button>
          </Flex>
        )}

        {error && (
          <Typography variant="pi" textColor="danger600" data-testid="gengo-review-error">
            {error}
          </Typography>
        )}
      </Flex>
    </Box>
  );
};
