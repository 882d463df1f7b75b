import * as React from 'react';
import { Divider, Flex, Loader, Typography } from '@strapi/design-system';
import { useFetchClient, useRBAC } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { Locale } from '../../api/orders';
import { PERMISSIONS } from '../../constants';
import { getTranslation } from '../../utils/getTranslation';
import { useAutoApproveWarning } from '../Review/useAutoApproveWarning';
import { LocaleStatusList } from './LocaleStatusList';
import { OrderForm } from './OrderForm';
import { useDocumentStatus } from './useDocumentStatus';

type ContentProps = { model: string; documentId: string; sourceLocale: string };

const useLocales = () => {
  const { get } = useFetchClient();
  const [locales, setLocales] = React.useState<Locale[] | null>(null);
  React.useEffect(() => {
    get<Locale[]>('/i18n/locales').then(
      ({ data }) => setLocales(data),
      () => setLocales([])
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return locales;
};

const PanelContent = ({ model, documentId, sourceLocale }: ContentProps) => {
  const { formatMessage } = useIntl();
  const locales = useLocales();
  const { allowedActions } = useRBAC(PERMISSIONS.order);
  const { allowedActions: reviewActions } = useRBAC(PERMISSIONS.review);
  const { status, error, refresh } = useDocumentStatus(model, documentId);
  // Each reviewable job's deadline: a toast when one of them auto-approves within a day.
  useAutoApproveWarning(
    status ? status.locales.flatMap((l) => (l.latest?.jobs ?? []).map((j) => j.autoApproveAt)) : null,
    Boolean(reviewActions.canReview)
  );

  if (!locales) return <Loader small />;
  return (
    <Flex direction="column" alignItems="stretch" gap={4} width="100%" data-testid="gengo-panel">
      <Typography variant="pi" textColor="neutral600">
        {formatMessage(
          { id: getTranslation('panel.source'), defaultMessage: 'Source: {locale}' },
          { locale: locales.find((l) => l.code === sourceLocale)?.name ?? sourceLocale }
        )}
      </Typography>
      {status && (
        <LocaleStatusList
          contentType={model}
          documentId={documentId}
          locales={status.locales}
          names={locales}
          canReview={Boolean(reviewActions.canReview)}
          onChanged={refresh}
        />
      )}
      {error && (
        <Typography variant="pi" textColor="danger600">
          {error}
        </Typography>
      )}
      <Divider />
      <OrderForm
        contentType={model}
        documentId={documentId}
        sourceLocale={sourceLocale}
        locales={locales}
        canOrder={Boolean(allowedActions.canOrder)}
        onOrdered={refresh}
      />
    </Flex>
  );
};

/**
 * "Translate with Gengo" in the edit view's side panels: on saved entries of localized content
 * types, for admins who may read the plugin's orders.
 */
const TranslatePanel = ({ model, documentId, document }: { model: string; documentId?: string; document?: any }) => {
  const { formatMessage } = useIntl();
  const { allowedActions, isLoading } = useRBAC(PERMISSIONS.read);
  const sourceLocale: string | undefined = document?.locale;
  if (!documentId || !sourceLocale || isLoading || !allowedActions.canRead) return null;
  return {
    title: formatMessage({ id: getTranslation('panel.title'), defaultMessage: 'Translate with Gengo' }),
    content: <PanelContent model={model} documentId={documentId} sourceLocale={sourceLocale} />,
  };
};

export { TranslatePanel };
