import * as React from 'react';
import {
  Box,
  Button,
  Flex,
  Grid,
  NumberInput,
  SingleSelect,
  SingleSelectOption,
  TextInput,
  Toggle,
  Typography,
} from '@strapi/design-system';
import { Check } from '@strapi/icons';
import { Layouts, Page, useNotification, useRBAC } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { PERMISSIONS } from '../../constants';
import { getTranslation } from '../../utils/getTranslation';
import type { Environment, Tier } from '../../api/settings';
import { ConnectionTest } from './ConnectionTest';
import { LocaleMapTable } from './LocaleMapTable';
import { PublishRulesEditor } from './PublishRulesEditor';
import { SettingField } from './SettingField';
import { SetupChecklist } from './SetupChecklist';
import { useSettingsForm } from './useSettingsForm';

const Section = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <Box background="neutral0" hasRadius shadow="filterShadow" padding={6}>
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Typography variant="delta" tag="h2">
        {title}
      </Typography>
      <Grid.Root gap={5}>{children}</Grid.Root>
    </Flex>
  </Box>
);

const Cell = ({ children, full }: { children: React.ReactNode; full?: boolean }) => (
  <Grid.Item col={full ? 12 : 6} s={12} direction="column" alignItems="stretch">
    {children}
  </Grid.Item>
);

const SettingsForm = () => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string, values?: Record<string, any>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values);
  const { toggleNotification } = useNotification();
  const { allowedActions, isLoading: loadingRBAC } = useRBAC(PERMISSIONS.settingsUpdate);
  const form = useSettingsForm();
  const { settings, values, errors } = form;

  if (form.loadError) return <Page.Error />;
  if (!settings || !values || loadingRBAC) return <Page.Loading />;

  const canUpdate = Boolean(allowedActions.canUpdate);
  const locked = (name: keyof typeof settings.fixed) => !canUpdate || Boolean(settings.fixed[name]);

  const onSubmit = async (e: React.FormEvent) => {
    e.preventDefault();
    const ok = await form.save();
    toggleNotification(
      ok
        ? { type: 'success', message: t('settings.saved', 'Settings saved') }
        : { type: 'danger', message: t('settings.save.failed', 'Some settings are not valid') }
    );
  };

  return (
    <form onSubmit={onSubmit}>
      <Layouts.Header
        title={t('settings.title', 'Gengo')}
        subtitle={t('settings.subtitle', 'Your Gengo account and how translations are ordered and received')}
        primaryAction={
          canUpdate ? (
            <Button type="submit" startIcon={<Check />} loading={form.saving} disabled={!form.dirty}>
              {t('settings.save', 'Save')}
            </Button>
          ) : undefined
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <SetupChecklist />
          {errors._form && <Typography textColor="danger600">{errors._form}</Typography>}
          <Section title={t('settings.section.account', 'Gengo account')}>
            <Cell>
              <SettingField
                name="publicKey"
                label={t('settings.publicKey', 'Public key')}
                error={errors.publicKey}
                fixed={settings.fixed.publicKey}
              >
                <TextInput
                  value={values.publicKey ?? ''}
                  disabled={locked('publicKey')}
                  onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
                    form.change('publicKey', e.target.value || null)
                  }
                />
              </SettingField>
            </Cell>
            <Cell>
              <SettingField
                name="privateKey"
                label={t('settings.privateKey', 'Private key')}
                error={errors.privateKey}
                fixed={settings.fixed.privateKey}
                hint={
                  settings.privateKeySet
                    ? t('settings.privateKey.set', 'A private key is set. Type a new one to replace it.')
                    : t('settings.privateKey.unset', 'No private key is set.')
                }
              >
                <TextInput
                  type="password"
                  autoComplete="new-password"
                  placeholder={settings.privateKeySet ? '••••••••••••' : ''}
                  value={form.privateKey}
                  disabled={locked('privateKey')}
                  onChange={(e: React.ChangeEvent<HTMLInputElement>) => form.setPrivateKey(e.target.value)}
                />
              </SettingField>
            </Cell>
            <Cell>
              <SettingField
                name="environment"
                label={t('settings.environment', 'Environment')}
                error={errors.environment}
                fixed={settings.fixed.environment}
              >
                <SingleSelect
                  value={values.environment}
                  disabled={locked('environment')}
                  onChange={(v: string | number) => form.change('environment', v as Environment)}
                >
                  <SingleSelectOption value="sandbox">
                    {t('settings.environment.sandbox', 'Sandbox')}
                  </SingleSelectOption>
                  <SingleSelectOption value="production">
                    {t('settings.environment.production', 'Production')}
                  </SingleSelectOption>
                  <SingleSelectOption value="custom">
                    {t('settings.environment.custom', 'Custom URL')}
                  </SingleSelectOption>
                </SingleSelect>
              </SettingField>
            </Cell>
            <Cell>
              {values.environment === 'custom' && (
                <SettingField
                  name="apiUrl"
                  label={t('settings.apiUrl', 'API URL')}
                  error={errors.apiUrl}
                  fixed={settings.fixed.apiUrl}
                >
                  <TextInput
                    value={values.apiUrl ?? ''}
                    placeholder="http://127.0.0.1:3999/v2/"
                    disabled={locked('apiUrl')}
                    onChange={(e: React.ChangeEvent<HTMLInputElement>) => form.change('apiUrl', e.target.value || null)}
                  />
                </SettingField>
              )}
            </Cell>
            <Cell full>
              <ConnectionTest disabled={form.dirty} />
              {form.dirty && (
                <Typography variant="pi" textColor="neutral600">
                  {t('settings.test.saveFirst', 'Save your changes to test them.')}
                </Typography>
              )}
            </Cell>
          </Section>

          <Section title={t('settings.section.ordering', 'Ordering')}>
            <Cell>
              <SettingField
                name="defaultTier"
                label={t('settings.defaultTier', 'Default tier')}
                error={errors.defaultTier}
                fixed={settings.fixed.defaultTier}
              >
                <SingleSelect
                  value={values.defaultTier}
                  disabled={locked('defaultTier')}
                  onChange={(v: string | number) => form.change('defaultTier', v as Tier)}
                >
                  <SingleSelectOption value="standard">{t('settings.tier.standard', 'Standard')}</SingleSelectOption>
                  <SingleSelectOption value="pro">{t('settings.tier.pro', 'Pro')}</SingleSelectOption>
                </SingleSelect>
              </SettingField>
            </Cell>
            <Cell>
              <SettingField
                name="autoApprove"
                label={t('settings.autoApprove', 'Approve translations automatically')}
                fixed={settings.fixed.autoApprove}
                hint={t('settings.autoApprove.hint', 'Off: each translation waits for your review in the side panel.')}
              >
                <Toggle
                  checked={values.autoApprove}
                  disabled={locked('autoApprove')}
                  onLabel={t('settings.on', 'On')}
                  offLabel={t('settings.off', 'Off')}
                  onChange={(e: React.ChangeEvent<HTMLInputElement>) => form.change('autoApprove', e.target.checked)}
                />
              </SettingField>
            </Cell>
            <Cell>
              <SettingField
                name="budgetPerOrder"
                label={t('settings.budgetPerOrder', 'Budget cap per order (credits)')}
                error={errors.budgetPerOrder}
                fixed={settings.fixed.budgetPerOrder}
              >
                <NumberInput
                  value={values.budgetPerOrder ?? undefined}
                  disabled={locked('budgetPerOrder')}
                  onValueChange={(v: number | undefined) => form.change('budgetPerOrder', v ?? null)}
                />
              </SettingField>
            </Cell>
            <Cell>
              <SettingField
                name="budgetPerMonth"
                label={t('settings.budgetPerMonth', 'Budget cap per calendar month (credits)')}
                error={errors.budgetPerMonth}
                fixed={settings.fixed.budgetPerMonth}
              >
                <NumberInput
                  value={values.budgetPerMonth ?? undefined}
                  disabled={locked('budgetPerMonth')}
                  onValueChange={(v: number | undefined) => form.change('budgetPerMonth', v ?? null)}
                />
              </SettingField>
            </Cell>
          </Section>

          <Section title={t('settings.section.delivery', 'Receiving translations')}>
            <Cell>
              <SettingField
                name="publicUrl"
                label={t('settings.publicUrl', 'Public URL of this site')}
                error={errors.publicUrl}
                fixed={settings.fixed.publicUrl}
                hint={t(
                  'settings.publicUrl.hint',
                  'Gengo posts its callbacks here. Without it, the poller fetches finished jobs.'
                )}
              >
                <TextInput
                  value={values.publicUrl ?? ''}
                  placeholder="https://cms.example.com"
                  disabled={locked('publicUrl')}
                  onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
                    form.change('publicUrl', e.target.value || null)
                  }
                />
              </SettingField>
            </Cell>
            <Cell>
              <SettingField
                name="pollIntervalMinutes"
                label={t('settings.pollInterval', 'Poll Gengo every (minutes)')}
                error={errors.pollIntervalMinutes}
                fixed={settings.fixed.pollIntervalMinutes}
              >
                <NumberInput
                  value={values.pollIntervalMinutes}
                  disabled={locked('pollIntervalMinutes')}
                  onValueChange={(v: number | undefined) => form.change('pollIntervalMinutes', v ?? 30)}
                />
              </SettingField>
            </Cell>
            {settings.callbackUrl && (
              <Cell full>
                <Typography variant="pi" textColor="neutral600">
                  {t('settings.callbackUrl', 'Callback URL given to Gengo: {url}', { url: settings.callbackUrl })}
                </Typography>
              </Cell>
            )}
          </Section>

          <Section title={t('settings.section.localeMap', 'Locale mapping')}>
            <Cell full>
              <Typography variant="pi" textColor="neutral600">
                {t(
                  'settings.localeMap.hint',
                  'The Gengo language each Strapi locale is ordered in. Leave empty for the built-in code.'
                )}
              </Typography>
              <LocaleMapTable
                map={values.localeMap}
                onChange={(map) => form.change('localeMap', map)}
                fixed={settings.fixed.localeMap}
                disabled={!canUpdate}
                errors={errors}
                reloadKey={settings}
              />
            </Cell>
          </Section>

          <PublishRulesEditor canUpdate={canUpdate} />
        </Flex>
      </Layouts.Content>
    </form>
  );
};

const SettingsPage = () => {
  const { formatMessage } = useIntl();
  return (
    <Page.Protect permissions={PERMISSIONS.settingsRead}>
      <Page.Main>
        <Page.Title>
          {formatMessage({ id: getTranslation('settings.page.title'), defaultMessage: 'Settings - Gengo' })}
        </Page.Title>
        <SettingsForm />
      </Page.Main>
    </Page.Protect>
  );
};

export { SettingsPage };
export default SettingsPage;
