import * as React from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { ConflictInfo } from '../../api/orders';
import { getTranslation } from '../../utils/getTranslation';

type Props = {
  orderId: number;
  conflicts: ConflictInfo[];
  canResolve: boolean;
  onResolved: () => void;
};

/** A text leaf as a reader sees it: a string, or a text block's inline children flattened. */
const plain = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(plain).join('');
  if (typeof value === 'object') {
    const node = value as { text?: unknown; children?: unknown };
    return typeof node.text === 'string' ? node.text : plain(node.children);
  }
  return String(value);
};

const errorMessage = (err: any) => err?.response?.data?.error?.message ?? err?.message ?? String(err);

/**
 * A person's words where a translation would land: both texts side by side, and the reviewer's
 * choice per field — keep the person's text, or take the translation (`POST /gengo/orders/:id/resolve`).
 * Used by the translate panel and the review view; both name the field by the server's label
 * (`ConflictInfo.label`, the review view's field label), so both read "Conflict on Title".
 */
export const ConflictView = ({ orderId, conflicts, canResolve, onResolved }: Props) => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string, values?: Record<string, any>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values);
  const { post } = useFetchClient();
  const [busy, setBusy] = React.useState<string | null>(null);
  const [error, setError] = React.useState<string | null>(null);

  const resolve = async (path: string, choice: 'keep' | 'take') => {
    setBusy(`${path}:${choice}`);
    setError(null);
    try {
      await post(`/gengo/orders/${orderId}/resolve`, { path, choice });
      onResolved();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  if (!conflicts.length) return null;
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="gengo-conflicts">
      {conflicts.map((c) => (
        <Box key={c.path} background="warning100" padding={3} hasRadius data-conflict={c.path}>
          <Flex direction="column" alignItems="stretch" gap={2}>
            <Typography variant="omega" fontWeight="bold">
              {t('conflict.title', 'Conflict on {field}', { field: c.label ?? c.targetPath ?? c.path })}
            </Typography>
            <Typography variant="pi" textColor="neutral700">
              {c.reason}
            </Typography>
            <Flex direction="column" alignItems="stretch" gap={2}>
              <Box background="neutral0" padding={2} hasRadius>
                <Typography variant="sigma" textColor="neutral600" tag="p">
                  {t('conflict.current', "The person's text")}
                </Typography>
                <Typography variant="pi" tag="p" data-testid="gengo-conflict-current">
                  {c.current === null ? t('conflict.noPlace', '(its place changed)') : plain(c.current)}
                </Typography>
              </Box>
              <Box background="neutral0" padding={2} hasRadius>
                <Typography variant="sigma" textColor="neutral600" tag="p">
                  {t('conflict.translation', 'The translation')}
                </Typography>
                <Typography variant="pi" tag="p" data-testid="gengo-conflict-translation">
                  {c.translation === null ? t('conflict.waiting', '(not all in yet)') : plain(c.translation)}
                </Typography>
              </Box>
            </Flex>
            {canResolve && (
              <Flex gap={2} wrap="wrap">
                <Button
                  variant="secondary"
                  size="S"
                  loading={busy === `${c.path}:keep`}
                  disabled={busy !== null}
                  onClick={() => resolve(c.path, 'keep')}
                >
                  {t('conflict.keep', "Keep the person's text")}
                </Button>
                <Button
                  variant="default"
                  size="S"
                  loading={busy === `${c.path}:take`}
                  disabled={busy !== null || c.translation === null}
                  onClick={() => resolve(c.path, 'take')}
                >
                  {t('conflict.take', 'Take the translation')}
                </Button>
              </Flex>
            )}
          </Flex>
        </Box>
      ))}
      {error && (
        <Typography variant="pi" textColor="danger600">
          {error}
        </Typography>
      )}
    </Flex>
  );
};
