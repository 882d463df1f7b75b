import * as React from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { SETTINGS_PATH, type ConnectionTest as Result } from '../../api/settings';
import { getTranslation } from '../../utils/getTranslation';

/** "Test connection": the balance on success, or Gengo's exact error (code and message). */
export const ConnectionTest = ({ disabled, onTested }: { disabled?: boolean; onTested?: () => void }) => {
  const { formatMessage } = useIntl();
  const { post } = useFetchClient();
  const [result, setResult] = React.useState<Result | null>(null);
  const [running, setRunning] = React.useState(false);

  const run = async () => {
    setRunning(true);
    setResult(null);
    try {
      const { data } = await post<{ data: Result }>(`${SETTINGS_PATH}/test-connection`, {});
      setResult(data.data);
    } catch (err: any) {
      setResult({
        ok: false,
        baseUrl: null,
        // The request did not reach the server: which environment it would have tested is not known.
        environment: '',
        error: { kind: 'network', code: null, message: err?.message ?? String(err) },
      });
    } finally {
      setRunning(false);
      onTested?.();
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Box>
        <Button variant="secondary" onClick={run} loading={running} disabled={disabled}>
          {formatMessage({ id: getTranslation('settings.test.button'), defaultMessage: 'Test connection' })}
        </Button>
      </Box>
      {result?.ok === true && (
        <Typography textColor="success600" data-testid="connection-result">
          {formatMessage(
            {
              id: getTranslation('settings.test.ok'),
              defaultMessage: 'Connected to {url}. Balance: {credits} {currency}.',
            },
            { url: result.baseUrl, credits: String(result.balance.credits), currency: result.balance.currency }
          )}
        </Typography>
      )}
      {result?.ok === false && (
        <Typography textColor="danger600" data-testid="connection-result">
          {result.error.code !== null
            ? formatMessage(
                { id: getTranslation('settings.test.error.code'), defaultMessage: 'Error {code}: {message}' },
                { code: String(result.error.code), message: result.error.message }
              )
            : result.error.message}
        </Typography>
      )}
    </Flex>
  );
};
