import * as React from 'react';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';

export const errorMessage = (err: any): string => err?.response?.data?.error?.message ?? err?.message ?? String(err);

/**
 * Calls one of the `/gengo/jobs/:id/…` routes with a busy flag and the error of the last call;
 * a successful action notifies and calls `onDone` (the panel refreshes the locale's status).
 */
export const useJobCall = (onDone: () => void) => {
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [busy, setBusy] = React.useState<string | null>(null);
  const [error, setError] = React.useState<string | null>(null);

  const run = React.useCallback(
    async <T>(key: string, call: () => Promise<{ data: { data: T } }>, success?: string): Promise<T | null> => {
      setBusy(key);
      setError(null);
      try {
        const { data } = await call();
        if (success) {
          toggleNotification({ type: 'success', message: success });
          onDone();
        }
        return data.data;
      } catch (err) {
        const message = errorMessage(err);
        setError(message);
        if (success) toggleNotification({ type: 'danger', message });
        return null;
      } finally {
        setBusy(null);
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [onDone]
  );

  return { get, post, run, busy, error, setError };
};
