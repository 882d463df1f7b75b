import * as React from 'react';
import {
  Button,
  Checkbox,
  Field,
  Flex,
  Link,
  SingleSelect,
  SingleSelectOption,
  TextInput,
  Textarea,
  Typography,
} from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { getTranslation } from '../../utils/getTranslation';
import { CaptchaImage } from './CaptchaImage';
import type { ApproveForm, RejectForm } from './jobActions';

const FAQ = 'https://gengo.com/contact-support/faqs/';

const useT = () => {
  const { formatMessage } = useIntl();
  return (id: string, defaultMessage: string, values?: Record<string, any>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values);
};

/** Gengo's feedback with an approval: a rating (1 poor – 5 fantastic), words for the translator and for Gengo. */
export const FeedbackFields = ({
  name,
  form,
  onChange,
}: {
  name: string;
  form: ApproveForm;
  onChange: (form: ApproveForm) => void;
}) => {
  const t = useT();
  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="gengo-approve-form">
      <Field.Root name={`gengo-rating-${name}`} hint={t('reviewView.rating.hint', '1 poor · 3 good · 5 fantastic')}>
        <Field.Label>{t('review.rating', 'Rating')}</Field.Label>
        <SingleSelect
          value={form.rating ? String(form.rating) : ''}
          placeholder={t('review.rating.none', 'No rating')}
          onChange={(v: string | number) => onChange({ ...form, rating: Number(v) || null })}
        >
          {[5, 4, 3, 2, 1].map((n) => (
            <SingleSelectOption key={n} value={String(n)}>
              {'★'.repeat(n)}
            </SingleSelectOption>
          ))}
        </SingleSelect>
        <Field.Hint />
      </Field.Root>
      <Field.Root name={`gengo-for-translator-${name}`}>
        <Field.Label>{t('review.forTranslator', 'Feedback for the translator')}</Field.Label>
        <Textarea
          value={form.forTranslator}
          onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => onChange({ ...form, forTranslator: e.target.value })}
        />
      </Field.Root>
      <Field.Root name={`gengo-for-gengo-${name}`}>
        <Field.Label>{t('review.forGengo', 'Feedback for Gengo')}</Field.Label>
        <Textarea
          value={form.forGengo}
          onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => onChange({ ...form, forGengo: e.target.value })}
        />
      </Field.Root>
      <Checkbox
        checked={form.public}
        onCheckedChange={(v: boolean | 'indeterminate') => onChange({ ...form, public: v === true })}
      >
        {t('review.public', 'Gengo may share this translation publicly')}
      </Checkbox>
    </Flex>
  );
};

/** "Request changes": the reason for the translator, in the source or the target language. */
export const ReviseForm = ({
  name,
  busy,
  disabled,
  onSubmit,
}: {
  name: string;
  busy: boolean;
  disabled: boolean;
  onSubmit: (comment: string) => void;
}) => {
  const t = useT();
  const [comment, setComment] = React.useState('');
  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="gengo-revise-form">
      <Field.Root
        name={`gengo-revise-${name}`}
        required
        hint={t(
          'reviewView.revise.hint',
          'The same translator corrects this field. Write in the source or the target language, as precisely as you can.'
        )}
      >
        <Field.Label>{t('review.revise.comment', 'What should the translator change?')}</Field.Label>
        <Textarea
          value={comment}
          onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setComment(e.target.value)}
        />
        <Field.Hint />
      </Field.Root>
      <Button onClick={() => onSubmit(comment.trim())} loading={busy} disabled={disabled || !comment.trim()}>
        {t('review.revise.confirm', 'Send revision request')}
      </Button>
    </Flex>
  );
};

/**
 * Reject, as Gengo recommends: a reason, a comment, the captcha of each of the field's
 * translations, then "reject and reopen" (another translator) or "reject and close" (cancelled).
 */
export const RejectFields = ({
  name,
  jobs,
  busy,
  disabled,
  error,
  attempt,
  onSubmit,
}: {
  name: string;
  jobs: Array<{ id: number; captchaUrl: string | null }>;
  /** Counts refused rejects: Gengo issues a new captcha after each, so the images are loaded again. */
  attempt: number;
  busy: boolean;
  disabled: boolean;
  error: string | null;
  onSubmit: (form: Omit<RejectForm, 'captcha'>, captchas: Record<number, string>) => void;
}) => {
  const t = useT();
  const [form, setForm] = React.useState<Omit<RejectForm, 'captcha'>>({
    reason: 'quality',
    comment: '',
    followUp: 'requeue',
  });
  const [captchas, setCaptchas] = React.useState<Record<number, string>>({});
  // A refused reject burns every captcha shown: the new images need new answers.
  React.useEffect(() => setCaptchas({}), [attempt]);
  const ready = form.comment.trim() && jobs.every((j) => (captchas[j.id] ?? '').trim());
  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="gengo-reject-form">
      <Typography variant="pi" textColor="neutral600">
        {t(
          'reviewView.reject.hint',
          'Rejecting gives the work to another translator or cancels it. If a correction would do, request changes instead.'
        )}{' '}
        <Link href={FAQ} isExternal>
          {t('reviewView.reject.faq', 'When to reject, when to request corrections')}
        </Link>
      </Typography>
      <Field.Root name={`gengo-reject-reason-${name}`}>
        <Field.Label>{t('review.reject.reason', 'Reason')}</Field.Label>
        <SingleSelect
          value={form.reason}
          onChange={(v: string | number) => setForm({ ...form, reason: v as RejectForm['reason'] })}
        >
          <SingleSelectOption value="quality">{t('review.reject.reason.quality', 'Poor quality')}</SingleSelectOption>
          <SingleSelectOption value="incomplete">
            {t('review.reject.reason.incomplete', 'Incomplete')}
          </SingleSelectOption>
          <SingleSelectOption value="other">{t('review.reject.reason.other', 'Other')}</SingleSelectOption>
        </SingleSelect>
      </Field.Root>
      <Field.Root name={`gengo-reject-comment-${name}`} required>
        <Field.Label>{t('review.reject.comment', 'Comment')}</Field.Label>
        <Textarea
          value={form.comment}
          onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setForm({ ...form, comment: e.target.value })}
        />
      </Field.Root>
      {jobs.map((job, i) => (
        <Flex key={job.id} direction="column" alignItems="stretch" gap={2} data-captcha-job={job.id}>
          <CaptchaImage
            jobId={job.id}
            version={`${job.captchaUrl ?? ''}#${attempt}`}
            fallbackUrl={job.captchaUrl ?? ''}
          />
          <Field.Root name={`gengo-reject-captcha-${job.id}`} required>
            <Field.Label>
              {jobs.length > 1
                ? t('reviewView.reject.captchaOf', 'Text in the image (part {n} of {count})', {
                    n: i + 1,
                    count: jobs.length,
                  })
                : t('review.reject.captcha', 'Text in the image')}
            </Field.Label>
            <TextInput
              value={captchas[job.id] ?? ''}
              onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
                setCaptchas({ ...captchas, [job.id]: e.target.value })
              }
            />
          </Field.Root>
        </Flex>
      ))}
      {error && (
        <Typography variant="pi" textColor="danger600" data-testid="gengo-review-error">
          {error}
        </Typography>
      )}
      <Flex gap={2} wrap="wrap">
        <Button
          variant="danger"
          loading={busy}
          disabled={disabled || !ready}
          onClick={() => onSubmit({ ...form, followUp: 'requeue' }, captchas)}
        >
          {t('reviewView.reject.reopen', 'Reject and reopen')}
        </Button>
        <Button
          variant="danger-light"
          loading={busy}
          disabled={disabled || !ready}
          onClick={() => onSubmit({ ...form, followUp: 'cancel' }, captchas)}
        >
          {t('reviewView.reject.close', 'Reject and close')}
        </Button>
      </Flex>
    </Flex>
  );
};
