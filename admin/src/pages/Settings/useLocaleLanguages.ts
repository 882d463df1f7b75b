import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { LANGUAGES_PATH, type LocaleLanguages } from '../../api/settings';

/** The locales and what Gengo offers, for the locale mapping table; reloaded after a save. */
export const useLocaleLanguages = (reloadKey: unknown) => {
  const { get } = useFetchClient();
  const [data, setData] = React.useState<LocaleLanguages | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  React.useEffect(() => {
    let live = true;
    get<{ data: LocaleLanguages }>(LANGUAGES_PATH).then(
      ({ data: body }) => live && (setData(body.data), setError(null)),
      (err: any) => live && setError(err?.message ?? String(err))
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reloadKey]);
  return { data, error };
};
