import * as React from 'react';
import {
  Badge,
  Field,
  Flex,
  Loader,
  Table,
  Tbody,
  Td,
  TextInput,
  Th,
  Thead,
  Tr,
  Typography,
  VisuallyHidden,
} from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { PublicSettings } from '../../api/settings';
import { getTranslation } from '../../utils/getTranslation';
import { localeMapRows, withOverride, type Offer } from './localeMapRows';
import { useLocaleLanguages } from './useLocaleLanguages';

type Props = {
  map: Record<string, string>;
  onChange: (map: Record<string, string>) => void;
  fixed?: PublicSettings['fixed']['localeMap'];
  disabled: boolean;
  /** Field errors of the form, `localeMap.<locale>` for a row. */
  errors: Partial<Record<string, string>>;
  /** Changes after a save, to reload what Gengo offers. */
  reloadKey: unknown;
};

const OFFER_COLORS: Record<Offer, string> = {
  source: 'neutral',
  offered: 'success',
  'not-offered': 'danger',
  unknown: 'neutral',
};

/** Strapi locale → Gengo code: the built-in code, an override, and whether Gengo offers the pair. */
export const LocaleMapTable = ({ map, onChange, fixed, disabled, errors, reloadKey }: Props) => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string, values?: Record<string, any>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values);
  const { data, error } = useLocaleLanguages(reloadKey);
  const offerLabel: Record<Offer, string> = {
    source: t('settings.localeMap.offer.source', 'Source language'),
    offered: t('settings.localeMap.offer.offered', 'Offered'),
    'not-offered': t('settings.localeMap.offer.notOffered', 'Not offered'),
    unknown: t('settings.localeMap.offer.unknown', 'Unknown'),
  };

  if (error)
    return (
      <Typography textColor="danger600" data-testid="locale-map-error">
        {t('settings.localeMap.loadError', 'The locales could not be loaded: {error}', { error })}
      </Typography>
    );
  if (!data) return <Loader small>{t('settings.localeMap.loading', 'Loading locales')}</Loader>;
  if (!data.locales.length)
    return (
      <Typography textColor="neutral600">
        {t('settings.localeMap.empty', 'No locales yet: add them in Settings → Internationalization.')}
      </Typography>
    );

  const rows = localeMapRows(data, map);
  const readOnly = disabled || Boolean(fixed);
  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      {fixed && (
        <Typography variant="pi" textColor="neutral600" data-testid="locale-map-fixed">
          {t(
            'settings.fixed',
            'Set by {source, select, env {the environment variable} other {config/plugins.ts:}} {name}',
            fixed
          )}
        </Typography>
      )}
      {data.error && (
        <Typography variant="pi" textColor="warning600" data-testid="locale-map-gengo-error">
          {t('settings.localeMap.gengoError', 'What Gengo offers could not be checked: {error}', { error: data.error })}
        </Typography>
      )}
      <Table colCount={4} rowCount={rows.length + 1}>
        <Thead>
          <Tr>
            <Th>
              <Typography variant="sigma">{t('settings.localeMap.locale', 'Strapi locale')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('settings.localeMap.default', 'Built-in Gengo code')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('settings.localeMap.override', 'Override')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('settings.localeMap.offer', 'Gengo offers it')}</Typography>
            </Th>
          </Tr>
        </Thead>
        <Tbody>
          {rows.map((row) => (
            <Tr key={row.code} data-testid={`locale-map-${row.code}`}>
              <Td>
                <Typography fontWeight={row.isDefault ? 'bold' : undefined}>
                  {/* i18n's own names often end with the code already: "French (fr)". */}
                  {row.name.includes(`(${row.code})`) ? row.name : `${row.name} (${row.code})`}
                </Typography>
              </Td>
              <Td>
                <Typography>{row.defaultLc}</Typography>
              </Td>
              <Td>
                <Field.Root name={`localeMap.${row.code}`} error={errors[`localeMap.${row.code}`]}>
                  <VisuallyHidden>
                    <Field.Label>
                      {t('settings.localeMap.overrideFor', 'Gengo code for {locale}', { locale: row.code })}
                    </Field.Label>
                  </VisuallyHidden>
                  <TextInput
                    value={row.override}
                    placeholder={row.defaultLc}
                    disabled={readOnly}
                    onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
                      onChange(withOverride(map, row.code, e.target.value))
                    }
                  />
                  <Field.Error />
                </Field.Root>
              </Td>
              <Td>
                <Badge
                  backgroundColor={`${OFFER_COLORS[row.offer]}100`}
                  textColor={`${OFFER_COLORS[row.offer]}700`}
                  data-offer={row.offer}
                >
                  {row.offer === 'source' ? offerLabel.source : `${row.lc}: ${offerLabel[row.offer]}`}
                </Badge>
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </Flex>
  );
};
