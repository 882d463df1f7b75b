import * as React from 'react';
import { Divider, Flex, Loader, Typography } from '@strapi/design-system';
import { useFetchClient, useRBAC } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { DocumentStatus, Locale } from '../../api/orders';
import { PERMISSIONS } from '../../constants';
import { getTranslation } from '../../utils/getTranslation';
import { localeNamer } from '../../utils/localeNames';
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

/**
 * Which version the panel is opened on: a translated version when an order of this entry targets
 * its locale (its source is that order's), else a source to order translations from.
 */
export const versionOf = (status: DocumentStatus | null, locale: string) => {
  const mine = status?.locales.find((l) => l.locale === locale);
  const source = mine?.latest?.sourceLocale ?? mine?.orders[0]?.sourceLocale;
  return mine && source && source !== locale ? { kind: 'translation' as const, source, status: mine } : null;
};

const PanelContent = ({ model, documentId, sourceLocale: locale }: ContentProps) => {
  const { formatMessage, locale: uiLocale } = useIntl();
  const locales = useLocales();
  const { allowedActions } = useRBAC(PERMISSIONS.order);
  const { allowedActions: reviewActions } = useRBAC(PERMISSIONS.review);
  const { status, error, refresh } = useDocumentStatus(model, documentId);
  // Each reviewable job's deadline: a toast when one of them auto-approves within a day.
  useAutoApproveWarning(
    status ? status.locales.flatMap((l) => (l.latest?.jobs ?? []).map((j) => j.autoApproveAt)) : null,
    Boolean(reviewActions.canReview)
  );

  // The version (source or translation) is known from the status: wait for it, or for its error.
  if (!locales || (!status && !error)) return <Loader small />;
  const name = localeNamer(locales, uiLocale);
  const translated = versionOf(status, locale);
  return (
    <Flex direction="column" alignItems="stretch" gap={4} width="100%" data-testid="gengo-panel">
      <Typography variant="pi" textColor="neutral600" data-testid="gengo-version">
        {translated
          ? formatMessage(
              { id: getTranslation('panel.translationOf'), defaultMessage: '{locale} translation of {source}' },
              { locale: name(locale), source: name(translated.source) }
            )
          : formatMessage(
              { id: getTranslation('panel.source'), defaultMessage: 'Source: {locale}' },
              { locale: name(locale) }
            )}
      </Typography>
      {status && (
        <LocaleStatusList
          contentType={model}
          documentId={documentId}
          locales={translated ? [translated.status] : status.locales}
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
      {translated ? (
        <Typography variant="pi" textColor="neutral600" data-testid="gengo-order-from-source">
          {formatMessage(
            {
              id: getTranslation('panel.orderFromSource'),
              defaultMessage: 'Translations are ordered from the {source} version of this entry.',
            },
            { source: name(translated.source) }
          )}
        </Typography>
      ) : (
        <OrderForm
          contentType={model}
          documentId={documentId}
          sourceLocale={locale}
          locales={locales}
          canOrder={Boolean(allowedActions.canOrder)}
          onOrdered={refresh}
        />
      )}
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
