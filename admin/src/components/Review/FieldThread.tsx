import * as React from 'react';
import { Box, Button, Field, Flex, Textarea, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { JobComment } from '../../api/orders';
import { getTranslation } from '../../utils/getTranslation';
import { useJobCall } from './useJobApi';

type Comment = JobComment & { jobId: number };

/**
 * The translator's thread on a field, in the review itself: every message on its translations,
 * oldest first, and a new message to the field's translator (Gengo asks: no personal details).
 */
export const FieldThread = ({
  field,
  comments,
  jobId,
  canReview,
}: {
  field: string;
  comments: Comment[];
  /** The job a new message goes to (the field's first). */
  jobId: number | null;
  canReview: boolean;
}) => {
  const { formatMessage, formatDate } = useIntl();
  const t = (id: string, defaultMessage: string, values?: Record<string, any>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values);
  const [thread, setThread] = React.useState<Comment[]>(comments);
  const [draft, setDraft] = React.useState('');
  const { post, run, busy, error } = useJobCall(() => undefined);
  React.useEffect(() => setThread(comments), [comments]);

  const send = async () => {
    if (jobId === null) return;
    const list = await run<JobComment[]>('post', () => post(`/gengo/jobs/${jobId}/comments`, { body: draft.trim() }));
    if (!list) return;
    // Gengo answers the job's whole thread: it replaces what we had of that job.
    setThread([...thread.filter((c) => c.jobId !== jobId), ...list.map((c) => ({ ...c, jobId }))]);
    setDraft('');
  };

  return (
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
              : c.author === 'support'
                ? t('reviewView.comments.support', 'Gengo support')
                : t('review.comments.translator', 'Translator')}
            {c.ctime ? ` · ${formatDate(Number(c.ctime) * 1000, { dateStyle: 'medium', timeStyle: 'short' })}` : ''}
          </Typography>
          <Typography tag="p" variant="pi" style={{ whiteSpace: 'pre-wrap' }}>
            {c.body}
          </Typography>
        </Box>
      ))}
      {canReview && jobId !== null && (
        <>
          <Field.Root
            name={`gengo-comment-${field}`}
            hint={t('reviewView.comments.hint', 'Do not share or ask for personal details.')}
          >
            <Field.Label>{t('review.comments.new', 'New comment')}</Field.Label>
            <Textarea
              value={draft}
              onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setDraft(e.target.value)}
            />
            <Field.Hint />
          </Field.Root>
          <Button variant="secondary" onClick={send} loading={busy === 'post'} disabled={!draft.trim()}>
            {t('review.comments.post', 'Post comment')}
          </Button>
        </>
      )}
      {error && (
        <Typography variant="pi" textColor="danger600">
          {error}
        </Typography>
      )}
    </Flex>
  );
};
