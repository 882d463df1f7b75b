import * as React from 'react';
import { Button, Flex, Typography } from '@strapi/design-system';
import { Check } from '@strapi/icons';
import { Layouts, Page, useNotification, useRBAC } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { PERMISSIONS } from '../../constants';
import { getTranslation } from '../../utils/getTranslation';
import { LocaleMapTable } from './LocaleMapTable';
import { PublishRulesEditor } from './PublishRulesEditor';
import { SetupChecklist } from './SetupChecklist';
import { AccountSection, Cell, DeliverySection, OrderingSection, Section } from './SettingsSections';
import { useCallbackUrl } from './useCallbackUrl';
import { useSettingsForm } from './useSettingsForm';

const SettingsForm = () => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string, values?: Record<string, any>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values);
  const { toggleNotification } = useNotification();
  const { allowedActions, isLoading: loadingRBAC } = useRBAC(PERMISSIONS.settingsUpdate);
  const form = useSettingsForm();
  const { settings, values, errors } = form;
  const callbackUrl = useCallbackUrl(settings?.publicUrl);
  // Bumped by each connection test: with the saved settings, what the setup checklist re-checks on.
  const [tests, setTests] = React.useState(0);
  const recheck = React.useMemo(() => ({ settings, tests }), [settings, tests]);

  if (form.loadError) return <Page.Error />;
  if (!settings || !values || loadingRBAC) return <Page.Loading />;

  const canUpdate = Boolean(allowedActions.canUpdate);
  const locked = (name: keyof typeof settings.fixed) => !canUpdate || Boolean(settings.fixed[name]);
  const sectionProps = { form, settings, values, locked, t, onTested: () => setTests((n) => n + 1) };

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
          <SetupChecklist reloadKey={recheck} />
          {errors._form && <Typography textColor="danger600">{errors._form}</Typography>}
          <AccountSection {...sectionProps} />
          <OrderingSection {...sectionProps} />
          <DeliverySection {...sectionProps} callbackUrl={callbackUrl} />

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
