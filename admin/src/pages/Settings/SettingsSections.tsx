import * as React from 'react';
import {
  Box,
  Flex,
  Grid,
  NumberInput,
  SingleSelect,
  SingleSelectOption,
  TextInput,
  Toggle,
  Typography,
} from '@strapi/design-system';
import type { CallbackUrl, EditableSettings, Environment, PublicSettings, Tier } from '../../api/settings';
import { ConnectionTest } from './ConnectionTest';
import { SettingField } from './SettingField';
import type { useSettingsForm } from './useSettingsForm';

/** The settings form's sections, each a card of fields (the page lays them out and saves them). */

export const Section = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <Box background="neutral0" hasRadius shadow="filterShadow" padding={6}>
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Typography variant="delta" tag="h2">
        {title}
      </Typography>
      <Grid.Root gap={5}>{children}</Grid.Root>
    </Flex>
  </Box>
);

export const Cell = ({ children, full }: { children: React.ReactNode; full?: boolean }) => (
  <Grid.Item col={full ? 12 : 6} s={12} direction="column" alignItems="stretch">
    {children}
  </Grid.Item>
);

export interface SectionProps {
  form: ReturnType<typeof useSettingsForm>;
  settings: PublicSettings;
  values: EditableSettings;
  /** Whether a setting is read-only (no settings.update, or fixed by env or config). */
  locked: (name: keyof PublicSettings['fixed']) => boolean;
  t: (id: string, defaultMessage: string, values?: Record<string, any>) => string;
  /** A connection test ran (the setup checklist asks again). */
  onTested?: () => void;
}

/** Keys, environment and the connection test. */
export const AccountSection = ({ form, settings, values, locked, t, onTested }: SectionProps) => {
  const { errors } = form;
  return (
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
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => form.change('publicKey', e.target.value || null)}
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
            <SingleSelectOption value="sandbox">{t('settings.environment.sandbox', 'Sandbox')}</SingleSelectOption>
            <SingleSelectOption value="production">
              {t('settings.environment.production', 'Production')}
            </SingleSelectOption>
            {/* Another host comes only from the config or GENGO_API_URL (the server refuses it from here). */}
            {(settings.fixed.apiUrl || values.environment === 'custom') && (
              <SingleSelectOption value="custom">{t('settings.environment.custom', 'Custom URL')}</SingleSelectOption>
            )}
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
            hint={t(
              'settings.apiUrl.configOnly',
              'A custom API URL is set in the plugin config (apiUrl) or the GENGO_API_URL environment variable.'
            )}
          >
            <TextInput value={values.apiUrl ?? ''} disabled />
          </SettingField>
        )}
      </Cell>
      <Cell full>
        <ConnectionTest disabled={form.dirty} onTested={onTested} />
        {form.dirty && (
          <Typography variant="pi" textColor="neutral600">
            {t('settings.test.saveFirst', 'Save your changes to test them.')}
          </Typography>
        )}
      </Cell>
    </Section>
  );
};

/** Default tier, auto-approval and the budget caps. */
export const OrderingSection = ({ form, settings, values, locked, t }: SectionProps) => {
  const { errors } = form;
  return (
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
          name="previewLinks"
          label={t('settings.previewLinks', 'Send a preview link to translators')}
          fixed={settings.fixed.previewLinks}
          hint={t(
            'settings.previewLinks.hint',
            "Attaches the entry's preview URL to each job (secrets and tokens are removed from it). Off: no link leaves the site."
          )}
        >
          <Toggle
            checked={values.previewLinks}
            disabled={locked('previewLinks')}
            onLabel={t('settings.on', 'On')}
            offLabel={t('settings.off', 'Off')}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => form.change('previewLinks', e.target.checked)}
          />
        </SettingField>
      </Cell>
      <Cell>
        <SettingField
          name="budgetPerOrder"
          label={t('settings.budgetPerOrder', 'Budget cap per order (Gengo credits, USD)')}
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
          label={t('settings.budgetPerMonth', 'Budget cap per calendar month (Gengo credits, USD)')}
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
  );
};

/** The public URL Gengo calls back, the poll interval, and the callback URL it gives Gengo. */
export const DeliverySection = ({
  form,
  settings,
  values,
  locked,
  t,
  callbackUrl,
}: SectionProps & { callbackUrl: CallbackUrl | null }) => {
  const { errors } = form;
  return (
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
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => form.change('publicUrl', e.target.value || null)}
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
      {callbackUrl && (
        <Cell full>
          <Typography variant="pi" textColor="neutral600">
            {t('settings.callbackUrl', 'Callback URL given to Gengo: {url}', { url: callbackUrl.callbackUrl })}
          </Typography>
          {callbackUrl.tokenRecreatedAt && (
            <Box paddingTop={2} data-testid="callback-token-recreated">
              <Typography variant="pi" textColor="warning600">
                {t(
                  'settings.callbackUrl.recreated',
                  'This callback URL is new since {date}: the stored token could not be decrypted (ENCRYPTION_KEY changed), so a new one was made. Jobs ordered before still call the old URL, which is still accepted.',
                  { date: new Date(callbackUrl.tokenRecreatedAt).toLocaleString() }
                )}
              </Typography>
            </Box>
          )}
        </Cell>
      )}
    </Section>
  );
};
