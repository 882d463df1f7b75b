import * as React from 'react';
import { Field } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { PublicSettings, SettingName } from '../../api/settings';
import { getTranslation } from '../../utils/getTranslation';

type Props = {
  name: SettingName;
  label: string;
  hint?: string;
  error?: string;
  fixed?: PublicSettings['fixed'][SettingName];
  children: React.ReactNode;
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The server names a setting by its key ("pollIntervalMinutes must be…"): under the field, the
 * person reads the label they see instead.
 */
export const withLabel = (error: string | undefined, name: string, label: string) =>
  error ? error.replace(new RegExp(`^${escape(name)}(?![\\w.])`), `"${label}"`) : error;

/** A labelled setting; one fixed by env or config says where it comes from. */
export const SettingField = ({ name, label, hint, error, fixed, children }: Props) => {
  const { formatMessage } = useIntl();
  const fixedHint =
    fixed &&
    formatMessage(
      {
        id: getTranslation('settings.fixed'),
        defaultMessage: 'Set by {source, select, env {the environment variable} other {config/plugins.ts:}} {name}',
      },
      { source: fixed.source, name: fixed.name }
    );
  return (
    <Field.Root name={name} hint={fixedHint ?? hint} error={withLabel(error, name, label)}>
      <Field.Label>{label}</Field.Label>
      {children}
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
};
