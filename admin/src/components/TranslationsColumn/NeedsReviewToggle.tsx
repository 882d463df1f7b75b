import * as React from 'react';
import { Button } from '@strapi/design-system';
import {
  unstable_useContentManagerContext as useContentManagerContext,
  useFetchClient,
  useNotification,
  useQueryParams,
  useRBAC,
} from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { loadNeedsReview } from '../../api/translation-states';
import { PERMISSIONS } from '../../constants';
import { getTranslation } from '../../utils/getTranslation';

type Filter = Record<string, any>;
type Query = { filters?: { $and?: Filter[] }; page?: string; plugins?: { i18n?: { locale?: string } } };

/** The list filter this toggle sets: the entries by documentId (a filter the content manager offers). */
const isOurs = (f: Filter) => Boolean(f?.documentId?.$in);

/**
 * "Needs review" in the list view's actions: narrows the list to the entries with a translation
 * awaiting review (asked once, on click), through the content manager's own filters, so that
 * paging, sorting and its filter tags keep working; pressed again, the list is whole again.
 */
export const NeedsReviewToggle = () => {
  const { formatMessage } = useIntl();
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { model, contentType } = useContentManagerContext() as any;
  const [{ query }, setQuery] = useQueryParams<Query>();
  const { allowedActions, isLoading } = useRBAC(PERMISSIONS.read);
  const [busy, setBusy] = React.useState(false);
  const others = (query.filters?.$and ?? []).filter((f) => !isOurs(f));
  const active = others.length !== (query.filters?.$and ?? []).length;

  if (!contentType?.pluginOptions?.i18n?.localized || isLoading || !allowedActions.canRead) return null;

  const toggle = async () => {
    if (active) {
      setQuery({ filters: { $and: others }, page: '1' });
      return;
    }
    setBusy(true);
    try {
      const ids = await loadNeedsReview(get, model, query.plugins?.i18n?.locale);
      if (!ids.length) {
        toggleNotification({
          type: 'info',
          message: formatMessage({
            id: getTranslation('list.needsReview.none'),
            defaultMessage: 'No entry has a translation awaiting review.',
          }),
        });
        return;
      }
      // The content manager reads at most 100 values of a filter: the first 100 are shown.
      setQuery({ filters: { $and: [...others, { documentId: { $in: ids.slice(0, 100) } }] }, page: '1' });
    } catch (err: any) {
      toggleNotification({ type: 'danger', message: err?.message ?? String(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button
      variant={active ? 'secondary' : 'tertiary'}
      size="S"
      aria-pressed={active}
      loading={busy}
      onClick={() => void toggle()}
      data-testid="gengo-needs-review"
    >
      {active
        ? formatMessage({ id: getTranslation('list.needsReview.all'), defaultMessage: 'Show all entries' })
        : formatMessage({ id: getTranslation('list.needsReview'), defaultMessage: 'Needs review' })}
    </Button>
  );
};
