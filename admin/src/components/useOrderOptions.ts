import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { OrderOptions, Tier } from '../api/orders';

/**
 * `GET /gengo/order-options` for the order forms (side panel, bulk dialog): the default tier of the
 * settings above all. Null while loading; a failed read leaves `standard`, Gengo's default.
 */
export const useOrderOptions = () => {
  const { get } = useFetchClient();
  const [options, setOptions] = React.useState<OrderOptions | null>(null);
  const [loaded, setLoaded] = React.useState(false);
  React.useEffect(() => {
    let live = true;
    get<{ data: OrderOptions }>('/gengo/order-options').then(
      ({ data }) => {
        if (!live) return;
        setOptions(data.data ?? null);
        setLoaded(true);
      },
      () => live && setLoaded(true)
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const defaultTier: Tier | null = loaded ? (options?.defaults?.tier ?? 'standard') : null;
  return { options, defaultTier };
};
