import * as React from 'react';
import { Box, Button, Flex, Loader, Typography } from '@strapi/design-system';
import { CheckCircle, WarningCircle } from '@strapi/icons';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { HealthAnswer, SetupCheck, SetupCheckId } from '../../../../shared/contracts/health';
import { getTranslation } from '../../utils/getTranslation';

export const HEALTH_PATH = '/gengo/health';

const LABELS: Record<SetupCheckId, string> = {
  'public-url': 'Public URL',
  'callback-url': 'Callback URL',
  cron: 'Cron (poller and bulk resume)',
  'encryption-key': 'Encryption key',
  'body-limit': 'Callback size',
  keys: 'Gengo API keys',
};

/**
 * The setup checklist (`GET /gengo/health`): each item the site owner can get wrong silently,
 * with what the server found and, when it is not right, what to change. The server writes the
 * findings (messages name env vars and files); the labels are the admin's.
 */
export const SetupChecklist = ({ reloadKey }: { reloadKey?: unknown } = {}) => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string, values?: Record<string, any>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values);
  const { get } = useFetchClient();
  const [answer, setAnswer] = React.useState<HealthAnswer | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [loading, setLoading] = React.useState(true);

  const load = React.useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      const { data } = await get<{ data: HealthAnswer }>(HEALTH_PATH);
      setAnswer(data.data);
    } catch (err: any) {
      setError(err?.message ?? String(err));
    } finally {
      setLoading(false);
    }
  }, [get]);

  // Asked again when the page's settings change (after Save) or a connection test ran: the checks
  // read what was just saved, so "The Gengo API keys are not set" does not outlive the keys.
  React.useEffect(() => {
    void load();
  }, [load, reloadKey]);

  const failing = answer?.checks.filter((c) => !c.ok).length ?? 0;

  return (
    <Box
      background="neutral0"
      hasRadius
      shadow="filterShadow"
      padding={6}
      data-testid="setup-checklist"
      aria-labelledby="gengo-setup-title"
      tag="section"
    >
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Flex justifyContent="space-between" alignItems="center">
          <Typography variant="delta" tag="h2" id="gengo-setup-title">
            {t('setup.title', 'Setup check')}
          </Typography>
          <Button variant="tertiary" size="S" onClick={() => void load()} loading={loading}>
            {t('setup.refresh', 'Check again')}
          </Button>
        </Flex>
        {loading && !answer && <Loader small>{t('setup.loading', 'Checking the setup')}</Loader>}
        {error && (
          <Typography textColor="danger600">
            {t('setup.loadError', 'The setup check could not be run: {error}', { error })}
          </Typography>
        )}
        {answer && (
          <Typography textColor={failing ? 'danger600' : 'success600'} data-testid="setup-summary">
            {failing
              ? t('setup.failing', '{count, plural, one {# item needs} other {# items need}} your attention.', {
                  count: failing,
                })
              : t('setup.ok', 'Everything is set up.')}
          </Typography>
        )}
        {answer && (
          <Flex direction="column" alignItems="stretch" gap={3} tag="ul">
            {answer.checks.map((check) => (
              <CheckItem
                key={check.id}
                check={check}
                label={t(`setup.check.${check.id}`, LABELS[check.id] ?? check.id)}
                t={t}
              />
            ))}
          </Flex>
        )}
      </Flex>
    </Box>
  );
};

const CheckItem = ({
  check,
  label,
  t,
}: {
  check: SetupCheck;
  label: string;
  t: (id: string, defaultMessage: string, values?: Record<string, any>) => string;
}) => (
  <Flex tag="li" gap={3} alignItems="flex-start" data-testid={`setup-check-${check.id}`} data-ok={String(check.ok)}>
    <Box paddingTop={1}>
      {check.ok ? (
        <CheckCircle fill="success600" aria-label={t('setup.status.ok', 'OK')} />
      ) : (
        <WarningCircle fill="danger600" aria-label={t('setup.status.failing', 'To fix')} />
      )}
    </Box>
    <Flex direction="column" alignItems="stretch" gap={1}>
      <Typography fontWeight="bold">{label}</Typography>
      <Typography textColor="neutral700">{check.message}</Typography>
      {!check.ok && check.fix && (
        <Typography textColor="danger600">{t('setup.fix', 'To fix: {fix}', { fix: check.fix })}</Typography>
      )}
    </Flex>
  </Flex>
);
