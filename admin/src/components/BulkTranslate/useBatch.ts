import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { isRunning, type BatchView } from '../../api/bulk';
import { errorMessage } from '../Review/useJobApi';

export const POLL_MS = 1500;

/**
 * Follows a batch while the component showing it is mounted: polls `GET /gengo/bulk/:id` until it
 * has settled. Unmounting only stops the polling; the batch runs on the server regardless.
 */
export const useBatch = (initial: BatchView | null) => {
  const { get } = useFetchClient();
  const [batch, setBatch] = React.useState<BatchView | null>(initial);
  const [error, setError] = React.useState<string | null>(null);
  const id = batch?.id ?? null;
  const running = batch ? isRunning(batch) : false;

  React.useEffect(() => setBatch(initial), [initial]);

  React.useEffect(() => {
    if (id == null || !running) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout>;
    const tick = async () => {
      try {
        const { data } = await get<{ data: BatchView }>(`/gengo/bulk/${id}`);
        if (!live) return;
        setBatch(data.data);
        setError(null);
        if (!isRunning(data.data)) return;
      } catch (err) {
        if (!live) return;
        setError(errorMessage(err));
      }
      timer = setTimeout(tick, POLL_MS);
    };
    timer = setTimeout(tick, POLL_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, running]);

  /** Reads the batch once now (after a cancel: its counts and status changed). */
  const refresh = React.useCallback(async () => {
    if (id == null) return;
    const { data } = await get<{ data: BatchView }>(`/gengo/bulk/${id}`);
    setBatch(data.data);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);

  return { batch, error, refresh };
};
