import * as React from 'react';
import {
  Badge,
  Box,
  Button,
  Checkbox,
  Field,
  Flex,
  Grid,
  Loader,
  SingleSelect,
  SingleSelectOption,
  Textarea,
  Toggle,
  Typography,
} from '@strapi/design-system';
import { Check } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { Tier } from '../../api/settings';
import { getTranslation } from '../../utils/getTranslation';
import { usePublishRules, type RuleRow } from './usePublishRules';

type T = (id: string, defaultMessage: string, values?: Record<string, any>) => string;

const DEFAULT = 'default';

type CardProps = {
  row: RuleRow;
  locales: Array<{ code: string; name: string; isDefault: boolean }>;
  readOnly: boolean;
  errors: Partial<Record<string, string>>;
  onChange: ReturnType<typeof usePublishRules>['change'];
  t: T;
};

/** One content type's rule: on/off, target locales, tier, auto-approve, comment. */
const RuleCard = ({ row, locales, readOnly, errors, onChange, t }: CardProps) => {
  const { type, rule } = row;
  const uid = type.uid;
  const locked = readOnly || rule.fixed;
  const source = rule.sourceLocale ?? locales.find((l) => l.isDefault)?.code;
  const set = (patch: Parameters<CardProps['onChange']>[1]) => onChange(uid, patch);
  const err = (field: string) => errors[`${uid}.${field}`];
  return (
    <Box padding={4} hasRadius borderColor="neutral200" data-testid={`rule-${uid}`}>
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Flex gap={2}>
          <Typography variant="delta" tag="h3">
            {type.info.displayName}
          </Typography>
          {rule.fixed && <Badge>{t('settings.rules.fixedBadge', 'Fixed')}</Badge>}
        </Flex>
        {rule.fixed && (
          <Typography variant="pi" textColor="neutral600">
            {t(
              'settings.fixed',
              'Set by {source, select, env {the environment variable} other {config/plugins.ts:}} {name}',
              {
                source: 'config',
                name: `gengo.config.publishRules["${uid}"]`,
              }
            )}
          </Typography>
        )}
        {err('contentType') && <Typography textColor="danger600">{err('contentType')}</Typography>}
        <Grid.Root gap={4}>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <Field.Root name={`${uid}.enabled`}>
              <Field.Label>{t('settings.rules.enabled', 'Translate on publish')}</Field.Label>
              <Toggle
                checked={rule.enabled}
                disabled={locked}
                onLabel={t('settings.on', 'On')}
                offLabel={t('settings.off', 'Off')}
                onChange={(e: React.ChangeEvent<HTMLInputElement>) => set({ enabled: e.target.checked })}
              />
            </Field.Root>
          </Grid.Item>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <Field.Root name={`${uid}.locales`} error={err('locales')}>
              <Field.Label>{t('settings.rules.locales', 'Target locales')}</Field.Label>
              <Flex gap={3} wrap="wrap">
                {locales
                  .filter((l) => l.code !== source)
                  .map((l) => (
                    <Checkbox
                      key={l.code}
                      name={`${uid}.locales.${l.code}`}
                      checked={rule.locales.includes(l.code)}
                      disabled={locked}
                      onCheckedChange={(on: boolean | 'indeterminate') =>
                        set({
                          locales: on === true ? [...rule.locales, l.code] : rule.locales.filter((c) => c !== l.code),
                        })
                      }
                    >
                      {l.name}
                    </Checkbox>
                  ))}
              </Flex>
              <Field.Error />
            </Field.Root>
          </Grid.Item>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <Field.Root name={`${uid}.tier`} error={err('tier')}>
              <Field.Label>{t('settings.rules.tier', 'Tier')}</Field.Label>
              <SingleSelect
                value={rule.tier ?? DEFAULT}
                disabled={locked}
                onChange={(v: string | number) => set({ tier: v === DEFAULT ? null : (v as Tier) })}
              >
                <SingleSelectOption value={DEFAULT}>
                  {t('settings.rules.siteDefault', 'Site default')}
                </SingleSelectOption>
                <SingleSelectOption value="standard">{t('settings.tier.standard', 'Standard')}</SingleSelectOption>
                <SingleSelectOption value="pro">{t('settings.tier.pro', 'Pro')}</SingleSelectOption>
              </SingleSelect>
              <Field.Error />
            </Field.Root>
          </Grid.Item>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <Field.Root name={`${uid}.autoApprove`} error={err('autoApprove')}>
              <Field.Label>{t('settings.autoApprove', 'Approve translations automatically')}</Field.Label>
              <SingleSelect
                value={rule.autoApprove === null ? DEFAULT : String(rule.autoApprove)}
                disabled={locked}
                onChange={(v: string | number) => set({ autoApprove: v === DEFAULT ? null : v === 'true' })}
              >
                <SingleSelectOption value={DEFAULT}>
                  {t('settings.rules.siteDefault', 'Site default')}
                </SingleSelectOption>
                <SingleSelectOption value="true">{t('settings.on', 'On')}</SingleSelectOption>
                <SingleSelectOption value="false">{t('settings.off', 'Off')}</SingleSelectOption>
              </SingleSelect>
              <Field.Error />
            </Field.Root>
          </Grid.Item>
          <Grid.Item col={12} direction="column" alignItems="stretch">
            <Field.Root
              name={`${uid}.triggers`}
              error={err('triggers')}
              hint={t(
                'settings.rules.triggers.hint',
                'Content-API writes (API tokens, the public role, users & permissions) spend credits only when chosen here.'
              )}
            >
              <Field.Label>{t('settings.rules.triggers', 'Orders on')}</Field.Label>
              <SingleSelect
                value={(rule.triggers ?? ['admin']).includes('api') ? 'admin,api' : 'admin'}
                disabled={locked}
                onChange={(v: string | number) => set({ triggers: v === 'admin,api' ? ['admin', 'api'] : ['admin'] })}
              >
                <SingleSelectOption value="admin">
                  {t('settings.rules.triggers.admin', 'Publishes in the admin (content manager, releases)')}
                </SingleSelectOption>
                <SingleSelectOption value="admin,api">
                  {t('settings.rules.triggers.api', 'Publishes in the admin and content-API writes')}
                </SingleSelectOption>
              </SingleSelect>
              <Field.Hint />
              <Field.Error />
            </Field.Root>
          </Grid.Item>
          <Grid.Item col={12} direction="column" alignItems="stretch">
            <Field.Root name={`${uid}.comment`} error={err('comment')}>
              <Field.Label>{t('settings.rules.comment', 'Comment for the translators')}</Field.Label>
              <Textarea
                value={rule.comment ?? ''}
                disabled={locked}
                onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => set({ comment: e.target.value || null })}
              />
              <Field.Error />
            </Field.Root>
          </Grid.Item>
        </Grid.Root>
      </Flex>
    </Box>
  );
};

/**
 * Settings → Gengo, "Translate on publish": a rule per localized content type, saved on its own.
 * Memoized: typing in the settings form above does not re-render every rule.
 */
export const PublishRulesEditor = React.memo(function PublishRulesEditor({ canUpdate }: { canUpdate: boolean }) {
  const { formatMessage } = useIntl();
  const t: T = (id, defaultMessage, values) => formatMessage({ id: getTranslation(id), defaultMessage }, values);
  const { toggleNotification } = useNotification();
  const rules = usePublishRules();

  const onSave = async () => {
    const ok = await rules.save();
    toggleNotification(
      ok
        ? { type: 'success', message: t('settings.rules.saved', 'Translate-on-publish rules saved') }
        : { type: 'danger', message: t('settings.rules.saveFailed', 'Some rules are not valid') }
    );
  };

  let body: React.ReactNode;
  if (rules.loadError)
    body = (
      <Typography textColor="danger600" data-testid="rules-error">
        {t('settings.rules.loadError', 'The rules could not be loaded: {error}', { error: rules.loadError })}
      </Typography>
    );
  else if (!rules.rows) body = <Loader small>{t('settings.rules.loading', 'Loading rules')}</Loader>;
  else if (!rules.rows.length)
    body = (
      <Typography textColor="neutral600">
        {t('settings.rules.empty', 'No localized content type: enable Internationalization on one first.')}
      </Typography>
    );
  else
    body = rules.rows.map((row) => (
      <RuleCard
        key={row.type.uid}
        row={row}
        locales={rules.locales}
        readOnly={!canUpdate}
        errors={rules.errors}
        onChange={rules.change}
        t={t}
      />
    ));

  return (
    <Box background="neutral0" hasRadius shadow="filterShadow" padding={6} data-testid="publish-rules">
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Flex justifyContent="space-between" gap={4}>
          <Flex direction="column" alignItems="flex-start" gap={1}>
            <Typography variant="delta" tag="h2">
              {t('settings.section.rules', 'Translate on publish')}
            </Typography>
            <Typography variant="pi" textColor="neutral600">
              {t('settings.rules.hint', 'Publishing the source locale orders what changed into these locales.')}
            </Typography>
          </Flex>
          {canUpdate && rules.rows && rules.rows.length > 0 && (
            <Button
              type="button"
              variant="secondary"
              startIcon={<Check />}
              loading={rules.saving}
              disabled={!rules.dirty}
              onClick={onSave}
            >
              {t('settings.rules.save', 'Save rules')}
            </Button>
          )}
        </Flex>
        {rules.errors._form && <Typography textColor="danger600">{rules.errors._form}</Typography>}
        {body}
      </Flex>
    </Box>
  );
});
