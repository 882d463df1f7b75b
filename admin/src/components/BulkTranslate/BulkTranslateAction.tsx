import * as React from 'react';
import {
  unstable_useContentManagerContext as useContentManagerContext,
  useQueryParams,
  useRBAC,
} from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { PERMISSIONS } from '../../constants';
import { getTranslation } from '../../utils/getTranslation';
import { BulkDialog } from './BulkDialog';

type Props = { model: string; documents: Array<{ documentId: string }> };

/**
 * The list view's bulk action "Translate with Gengo": on localized content types, for admins who
 * may order. The dialog's component keeps its identity while the selection is the same (the
 * content manager re-renders actions often; a new component type would reset the dialog).
 */
const BulkTranslateAction = ({ model, documents }: Props) => {
  const { formatMessage } = useIntl();
  const { contentType } = useContentManagerContext();
  const [{ query }] = useQueryParams<{ plugins?: { i18n?: { locale?: string } } }>();
  const { allowedActions, isLoading } = useRBAC(PERMISSIONS.order);
  const sourceLocale = query?.plugins?.i18n?.locale;
  const key = documents.map((d) => d.documentId).join(',');

  const Content = React.useCallback(
    ({ onClose }: { onClose: () => void }) => (
      <BulkDialog model={model} documentIds={key ? key.split(',') : []} sourceLocale={sourceLocale} onClose={onClose} />
    ),
    [model, key, sourceLocale]
  );

  const localized = Boolean((contentType as any)?.pluginOptions?.i18n?.localized);
  if (!localized || isLoading || !allowedActions.canOrder) return null;
  const label = formatMessage({ id: getTranslation('bulk.action'), defaultMessage: 'Translate with Gengo' });
  return {
    actionType: 'gengo-translate',
    variant: 'tertiary' as const,
    label,
    dialog: { type: 'modal' as const, title: label, content: Content },
  };
};

export { BulkTranslateAction };
