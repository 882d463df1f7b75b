import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { SETTINGS_PATH, type EditableSettings, type PublicSettings, type UpdateSettings } from '../../api/settings';

export type FieldErrors = Partial<Record<string, string>>;

const EDITABLE: (keyof EditableSettings)[] = [
  'publicKey',
  'environment',
  'apiUrl',
  'defaultTier',
  'autoApprove',
  'previewLinks',
  'publicUrl',
  'pollIntervalMinutes',
  'budgetPerOrder',
  'budgetPerMonth',
  'localeMap',
];

/** Values compare by content: the locale map is an object, and key order does not matter. */
const same = (a: unknown, b: unknown): boolean => {
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a as object);
    return ka.length === Object.keys(b as object).length && ka.every((k) => (a as any)[k] === (b as any)[k]);
  }
  return a === b;
};

/**
 * Field errors out of a Strapi ValidationError answer (`details.errors[].path`), keyed by the path
 * joined with dots: `publicKey`, `localeMap.pt-BR`, `rules.0.locales`.
 */
export const fieldErrorsOf = (err: any): FieldErrors | null => {
  const details = err?.response?.data?.error?.details?.errors;
  if (!Array.isArray(details)) return null;
  return Object.fromEntries(details.map((d: any) => [(d.path ?? []).map(String).join('.'), String(d.message)]));
};

/**
 * Loads the settings, keeps the edits, and saves only what changed and is not fixed by env/config.
 * The private key is write-only: `privateKey` holds a new value typed here, never the stored one.
 */
export const useSettingsForm = () => {
  const { get, put } = useFetchClient();
  const [settings, setSettings] = React.useState<PublicSettings | null>(null);
  const [values, setValues] = React.useState<EditableSettings | null>(null);
  const [privateKey, setPrivateKey] = React.useState('');
  const [loadError, setLoadError] = React.useState<string | null>(null);
  const [errors, setErrors] = React.useState<FieldErrors>({});
  const [saving, setSaving] = React.useState(false);

  const accept = (data: PublicSettings) => {
    setSettings(data);
    setValues(Object.fromEntries(EDITABLE.map((k) => [k, data[k]])) as unknown as EditableSettings);
    setPrivateKey('');
    setErrors({});
  };

  React.useEffect(() => {
    get<{ data: PublicSettings }>(SETTINGS_PATH).then(
      ({ data }) => accept(data.data),
      (err: any) => setLoadError(err?.message ?? String(err))
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const change = <K extends keyof EditableSettings>(name: K, value: EditableSettings[K]) =>
    setValues((v) => (v ? { ...v, [name]: value } : v));

  const changes = (): UpdateSettings => {
    if (!settings || !values) return {};
    const body: UpdateSettings = {};
    for (const key of EDITABLE) {
      if (!settings.fixed[key] && !same(values[key], settings[key])) (body as any)[key] = values[key];
    }
    if (privateKey && !settings.fixed.privateKey) body.privateKey = privateKey;
    return body;
  };

  const save = async (): Promise<boolean> => {
    setSaving(true);
    try {
      const { data } = await put<{ data: PublicSettings }>(SETTINGS_PATH, changes());
      accept(data.data);
      return true;
    } catch (err) {
      setErrors(fieldErrorsOf(err) ?? { _form: (err as any)?.message ?? 'Saving failed' });
      return false;
    } finally {
      setSaving(false);
    }
  };

  return {
    settings,
    values,
    privateKey,
    setPrivateKey,
    change,
    errors,
    loadError,
    saving,
    dirty: Object.keys(changes()).length > 0,
    save,
  };
};
