import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { OrderOptions, Tier } from '../api/orders';

/**
 * `GET /gengo/order-options` for the order forms (side panel, bulk dialog): the default tier of the
 * settings above all. Null while loading; a failed read leaves `standard`, Gengo's default. The
 * route asks Gengo (balance, glossaries): with `enabled` false (the side panel before a target is
 * chosen) it is not called, so that opening an entry costs no Gengo call.
 */
export const useOrderOptions = (enabled = true) => {
  const { get } = useFetchClient();
  const [options, setOptions] = React.useState<OrderOptions | null>(null);
  const [loaded, setLoaded] = React.useState(false);
  React.useEffect(() => {
    if (!enabled || loaded) return;
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
  }, [enabled]);
  const defaultTier: Tier | null = loaded ? (options?.defaults?.tier ?? 'standard') : null;
  return { options, defaultTier };
};
