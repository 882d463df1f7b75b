import * as React from 'react';
import { Loader, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { loadLocaleNames, loadTranslationStates, type DocumentStatuses } from '../../api/translation-states';
import { getTranslation } from '../../utils/getTranslation';
import { TranslationBadges } from './TranslationBadges';

type Props = { model: string; documentId: string; locale?: string };

/** One row's cell of the "Translations" column (its request is shared with the page's other rows). */
export const TranslationsCell = ({ model, documentId, locale }: Props) => {
  const { formatMessage } = useIntl();
  const { get } = useFetchClient();
  const [answer, setAnswer] = React.useState<{ statuses: DocumentStatuses; names: Record<string, string> } | null>(
    null
  );
  const [failed, setFailed] = React.useState(false);

  React.useEffect(() => {
    let live = true;
    setFailed(false);
    Promise.all([loadTranslationStates(get, model, locale, documentId), loadLocaleNames(get)]).then(
      ([statuses, names]) => live && setAnswer({ statuses, names }),
      () => live && setFailed(true)
    );
    return () => {
      live = false;
    };
  }, [get, model, locale, documentId]);

  if (failed)
    return (
      <Typography textColor="neutral500" variant="pi">
        {formatMessage({ id: getTranslation('list.unavailable'), defaultMessage: 'Not available' })}
      </Typography>
    );
  if (!answer)
    return (
      <Loader small>
        {formatMessage({ id: getTranslation('list.loading'), defaultMessage: 'Loading translations' })}
      </Loader>
    );
  const states = answer.statuses.documents[documentId] ?? {};
  return <TranslationBadges locales={answer.statuses.locales} states={states} names={answer.names} />;
};
