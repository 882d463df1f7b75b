import * as React from 'react';
import { Button, Flex, Loader, Modal, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { EntryReview as Model, FieldActionResult, Locale } from '../../api/orders';
import { getTranslation } from '../../utils/getTranslation';
import { moneyWords } from '../../utils/money';
import { ConflictView } from '../Conflicts/ConflictView';
import { FieldCard } from './FieldCard';
import { reviewableJobs } from './jobActions';
import { errorMessage, useJobCall } from './useJobApi';

type Props = {
  contentType: string;
  documentId: string;
  locale: string;
  /** The site's locales, for their names. */
  names: Locale[];
  canReview: boolean;
  /** The panel refreshes the locale's status after a decision. */
  onChanged: () => void;
};

/** The entry's review model for one locale, loaded when the view opens and after each decision. */
const useEntryReview = (contentType: string, documentId: string, locale: string, open: boolean) => {
  const { get } = useFetchClient();
  const [model, setModel] = React.useState<Model | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const load = React.useCallback(async () => {
    try {
      const { data } = await get<{ data: Model }>('/gengo/review', { params: { contentType, documentId, locale } });
      setModel(data.data);
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [contentType, documentId, locale]);
  React.useEffect(() => {
    if (open) load();
  }, [open, load]);
  return { model, error, load };
};

/**
 * "Review" on a locale of the panel: the entry's translation into that locale, field by field, the
 * source beside each translation; approve a field or everything waiting, request changes on a
 * field, reject one; conflicts (a person's words where a translation would land) with both texts.
 */
export const EntryReview = ({ contentType, documentId, locale, names, canReview, onChanged }: Props) => {
  const intl = useIntl();
  const { formatMessage } = intl;
  const t = (id: string, defaultMessage: string, values?: Record<string, any>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values);
  const [open, setOpen] = React.useState(false);
  const { model, error, load } = useEntryReview(contentType, documentId, locale, open);
  const changed = React.useCallback(() => {
    load();
    onChanged();
  }, [load, onChanged]);
  const { post, run, busy } = useJobCall(changed);
  const nameOf = (code: string) => names.find((n) => n.code === code)?.name ?? code;
  const waiting = (model?.fields ?? []).filter((f) => reviewableJobs(f.jobs).length > 0);

  const approveAll = async () => {
    if (!model) return;
    await run<FieldActionResult>(
      'approve-all',
      () => post(`/gengo/orders/${model.order.id}/approve`, {}),
      t('reviewView.approvedAll', '{count, plural, one {# field} other {# fields}} approved', {
        count: waiting.length,
      })
    );
  };

  return (
    <Modal.Root open={open} onOpenChange={setOpen}>
      <Modal.Trigger>
        <Button size="S" variant="tertiary" data-testid={`gengo-review-${locale}`}>
          {t('review.open', 'Review')}
        </Button>
      </Modal.Trigger>
      {/* Wider than the default modal: the source and the translation stand side by side. */}
      <Modal.Content style={{ maxWidth: '120rem' }}>
        <Modal.Header>
          <Modal.Title>
            {t('reviewView.title', '{target} translation of {source}', {
              target: nameOf(locale),
              source: nameOf(model?.sourceLocale ?? ''),
            })}
          </Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4} data-testid="gengo-review-modal" data-locale={locale}>
            {!model && !error && <Loader small />}
            {error && (
              <Typography variant="pi" textColor="danger600">
                {error}
              </Typography>
            )}
            {model && !canReview && (
              <Typography variant="pi" textColor="neutral600">
                {t(
                  'review.forbidden',
                  'You may look at these translations, but reviewing them needs the "Review" permission of Gengo.'
                )}
              </Typography>
            )}
            {model && (
              <Typography variant="pi" textColor="neutral600">
                {t(
                  'reviewView.intro',
                  '{waiting, plural, =0 {Nothing waits for your review.} one {# field waits for your review.} other {# fields wait for your review.}} Grey monospace parts are kept as they are: they were not sent for translation.',
                  { waiting: waiting.length }
                )}{' '}
                {moneyWords(intl).unitsHint()}
              </Typography>
            )}
            {model && model.conflicts.length > 0 && (
              <ConflictView
                orderId={model.order.id}
                conflicts={model.conflicts}
                canResolve={canReview}
                onResolved={changed}
              />
            )}
            {model?.fields.map((field) => (
              <FieldCard
                key={field.key}
                field={field}
                orderId={model.order.id}
                sourceName={nameOf(model.sourceLocale)}
                sourceLocale={model.sourceLocale}
                targetName={nameOf(locale)}
                canReview={canReview}
                onChanged={changed}
              />
            ))}
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{t('review.close', 'Close')}</Button>
          </Modal.Close>
          {waiting.length > 0 && (
            <Button variant="success" onClick={approveAll} loading={busy === 'approve-all'} disabled={!canReview}>
              {t('reviewView.approveAll', 'Approve all ({count, plural, one {# field} other {# fields}})', {
                count: waiting.length,
              })}
            </Button>
          )}
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
