import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { DocumentStatus } from '../../api/orders';

/** The per-locale status of one entry, refreshed every `intervalMs` while the panel is open. */
export const useDocumentStatus = (contentType: string, documentId: string | undefined, intervalMs = 10_000) => {
  const { get } = useFetchClient();
  const [status, setStatus] = React.useState<DocumentStatus | null>(null);
  const [error, setError] = React.useState<string | null>(null);

  const refresh = React.useCallback(async () => {
    if (!documentId) return;
    try {
      const { data } = await get<{ data: DocumentStatus }>('/gengo/document-status', {
        params: { contentType, documentId },
      });
      setStatus(data.data);
      setError(null);
    } catch (err: any) {
      setError(err?.message ?? String(err));
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [contentType, documentId]);

  React.useEffect(() => {
    refresh();
    const timer = setInterval(refresh, intervalMs);
    return () => clearInterval(timer);
  }, [refresh, intervalMs]);

  return { status, error, refresh };
};
