import { Badge, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { LocaleStatus } from '../../api/orders';
import { getTranslation } from '../../utils/getTranslation';
import { panelStatus, STATUS_LABELS, STATUS_VARIANTS } from './status';

/** One line per target locale ordered so far, with its status. */
export const LocaleStatusList = ({ locales }: { locales: LocaleStatus[] }) => {
  const { formatMessage } = useIntl();
  if (locales.length === 0) {
    return (
      <Typography variant="pi" textColor="neutral600">
        {formatMessage({ id: getTranslation('panel.status.none'), defaultMessage: 'Not translated with Gengo yet.' })}
      </Typography>
    );
  }
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="gengo-status">
      {locales.map((l) => {
        const status = panelStatus(l.status, l.jobs);
        return (
          <Flex key={l.locale} justifyContent="space-between" gap={2} data-locale={l.locale} data-status={status}>
            <Typography variant="omega" fontWeight="bold">
              {l.locale}
            </Typography>
            <Badge backgroundColor={`${STATUS_VARIANTS[status]}100`} textColor={`${STATUS_VARIANTS[status]}700`}>
              {formatMessage({ id: getTranslation(`panel.status.${status}`), defaultMessage: STATUS_LABELS[status] })}
            </Badge>
          </Flex>
        );
      })}
    </Flex>
  );
};
