import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { AccountSummary, Locale } from '../../api/orders';

/** What the orders page reads besides the orders: the content types for its filter, the Gengo account. */

export type ContentTypeOption = { uid: string; name: string };

/** Localized content types of the app, for the filter (empty when the content manager does not answer). */
export const useContentTypes = () => {
  const { get } = useFetchClient();
  const [types, setTypes] = React.useState<ContentTypeOption[]>([]);
  React.useEffect(() => {
    get<{ data: any[] }>('/content-manager/content-types').then(
      ({ data }) =>
        setTypes(
          (data.data ?? [])
            .filter(
              (ct) => typeof ct.uid === 'string' && ct.uid.startsWith('api::') && ct.pluginOptions?.i18n?.localized
            )
            .map((ct) => ({ uid: ct.uid, name: ct.info?.displayName ?? ct.uid }))
        ),
      () => setTypes([])
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return types;
};

/** Balance and credits spent, for admins who may order (the route needs that permission); null otherwise. */
export const useAccount = (canOrder: boolean) => {
  const { get } = useFetchClient();
  const [account, setAccount] = React.useState<AccountSummary | null>(null);
  React.useEffect(() => {
    if (!canOrder) return;
    get<{ data: AccountSummary }>('/gengo/account').then(
      ({ data }) => setAccount(data.data ?? null),
      () => setAccount(null)
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [canOrder]);
  return account;
};

/** The site's locales, for their names (empty when i18n does not answer: codes are named by the browser). */
export const useSiteLocales = () => {
  const { get } = useFetchClient();
  const [locales, setLocales] = React.useState<Locale[]>([]);
  React.useEffect(() => {
    get<Locale[]>('/i18n/locales').then(
      ({ data }) => setLocales(Array.isArray(data) ? data : []),
      () => setLocales([])
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return locales;
};
