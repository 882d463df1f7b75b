import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PLUGIN_ID } from '../constants';
import { pluginConfig } from '../platform/config';
import { seal, unseal } from '../platform/sealed-secret';
import type { PublicSettings, TestConnectionRequest, UpdateSettings } from '../../../shared/contracts/settings';
import {
  baseUrlOf,
  CUSTOM_API_URL_MESSAGE,
  isGengoApiUrl,
  mergeSettings,
  parseLocaleMap,
  readConfig,
  readEnv,
  SETTING_KEYS,
  type Fixed,
  type GengoSettings,
} from './sources';

/** What the plugin store holds: settings, the private key encrypted when Strapi can. */
export interface StoredSettings extends Partial<Omit<GengoSettings, 'privateKey'>> {
  privateKey?: { encrypted: boolean; value: string } | null;
}

/** Server-side only: carries the decrypted private key. Never send it to a client. */
export interface EffectiveSettings extends GengoSettings {
  /** The Gengo base URL, or null when `custom` has no URL. */
  baseUrl: string | null;
  fixed: Fixed;
}

/** What routes answer (shared/contracts/settings): no private key, only whether one is set. */
export type { PublicSettings };

const STORE_KEY = 'settings';

/** A field-level 400, shaped like the errors of validateYupSchema. */
const fieldError = (path: string | string[], message: string) =>
  new errors.ValidationError(message, { errors: [{ path: [path].flat(), message, name: 'ValidationError' }] });

/** The settings as stored, merged with env and config (`getEffective`), and saved (`update`). */
export const createSettingsStore = (strapi: Core.Strapi) => {
  const store = () => strapi.store({ type: 'plugin', name: PLUGIN_ID, key: STORE_KEY });
  const warned = new Set<string>();
  const warnOnce = (key: string, message: string) => {
    if (warned.has(key)) return;
    warned.add(key);
    strapi.log.warn(`[gengo] ${message}`);
  };

  const sources = () => {
    const env = readEnv(process.env);
    for (const { name, error } of env.invalid) warnOnce(`env:${name}`, `${name} ignored: ${error}`);
    const config = readConfig(pluginConfig(strapi).raw);
    for (const { name, error } of config.invalid) warnOnce(`config:${name}`, `${name} ignored: ${error}`);
    return { env, config };
  };

  /** Every key of a locale map names a Strapi locale (codes were checked by the validator). */
  const checkLocaleMap = async (map: Record<string, string>) => {
    const locales = ((await strapi.plugin('i18n').service('locales').find()) as Array<{ code: string }>).map(
      (l) => l.code
    );
    for (const locale of Object.keys(map))
      if (!locales.includes(locale)) throw fieldError(['localeMap', locale], `Locale "${locale}" does not exist`);
  };

  const getStored = async (): Promise<StoredSettings> => ((await store().get({})) as StoredSettings) ?? {};

  const decryptStored = (stored: StoredSettings): string | null => {
    const pk = stored.privateKey;
    if (!pk?.value) return null;
    const plain = unseal(strapi, pk);
    if (plain === null)
      warnOnce(
        'decrypt',
        'The stored Gengo private key cannot be decrypted (encryption key missing or changed): enter it again'
      );
    return plain;
  };

  const encryptForStore = (privateKey: string): { encrypted: boolean; value: string } => {
    const sealed = seal(strapi, privateKey);
    if (!sealed.encrypted)
      warnOnce(
        'plain',
        'admin.secrets.encryptionKey is not set: the Gengo private key is stored unencrypted. Set ENCRYPTION_KEY (admin.secrets.encryptionKey) to encrypt it.'
      );
    return sealed;
  };

  const storedAsSettings = (stored: StoredSettings): Partial<GengoSettings> => {
    const out: Partial<GengoSettings> = {};
    for (const key of SETTING_KEYS)
      if (key !== 'privateKey' && stored[key] !== undefined) (out as any)[key] = stored[key];
    // A custom URL saved by an older version from the settings page is not used any more: only
    // the config or the environment may name a host other than Gengo's.
    if (out.apiUrl && !isGengoApiUrl(out.apiUrl)) {
      warnOnce(
        'stored-api-url',
        'The API URL saved from the settings page is ignored: set a custom URL in the plugin config (apiUrl) or GENGO_API_URL'
      );
      out.apiUrl = null;
    }
    out.privateKey = decryptStored(stored);
    return out;
  };

  const effectiveFrom = (stored: Partial<GengoSettings>): EffectiveSettings => {
    const { env, config } = sources();
    const { settings, fixed } = mergeSettings(stored, config, env);
    let baseUrl: string | null = null;
    try {
      baseUrl = baseUrlOf(settings);
    } catch {
      baseUrl = null;
    }
    return { ...settings, baseUrl, fixed };
  };

  const toPublic = (effective: EffectiveSettings, stored: StoredSettings): PublicSettings => {
    const { privateKey, ...rest } = effective;
    return {
      ...rest,
      privateKeySet: Boolean(privateKey),
      privateKeyEncrypted: effective.fixed.privateKey
        ? null
        : stored.privateKey?.value
          ? stored.privateKey.encrypted
          : null,
    };
  };

  return {
    /** Merged settings (env > config > store > defaults), private key decrypted. Server use only. */
    async getEffective(): Promise<EffectiveSettings> {
      return effectiveFrom(storedAsSettings(await getStored()));
    },

    /** Settings safe to send to the admin: `privateKeySet` instead of the key. */
    async getPublic(): Promise<PublicSettings> {
      const stored = await getStored();
      return toPublic(effectiveFrom(storedAsSettings(stored)), stored);
    },

    /**
     * Saves validated input into the store (fixed keys are stored too, but the env/config value keeps
     * winning). An empty/absent private key keeps the stored one; `clearPrivateKey` removes it.
     */
    async update(input: UpdateSettings): Promise<PublicSettings> {
      const stored = await getStored();
      const next: StoredSettings = { ...stored };
      for (const key of SETTING_KEYS) {
        if (key === 'privateKey' || !(key in input)) continue;
        const value = (input as any)[key];
        (next as any)[key] = typeof value === 'string' ? value.trim() || null : value;
      }
      if (input.localeMap) {
        await checkLocaleMap(input.localeMap);
        next.localeMap = parseLocaleMap(input.localeMap).value ?? {};
      }
      if (input.clearPrivateKey) next.privateKey = null;
      else if (typeof input.privateKey === 'string' && input.privateKey.trim()) {
        next.privateKey = encryptForStore(input.privateKey.trim());
      }

      const effective = effectiveFrom(storedAsSettings(next));
      if (effective.environment === 'custom' && !effective.fixed.apiUrl) {
        throw fieldError('apiUrl', CUSTOM_API_URL_MESSAGE);
      }
      await store().set({ value: next });
      return toPublic(effective, next);
    },

    /**
     * Effective settings with unsaved values laid over the stored ones (env/config still win), for
     * a connection test. Server use only.
     */
    async getEffectiveWith(overrides: TestConnectionRequest): Promise<EffectiveSettings> {
      const stored = storedAsSettings(await getStored());
      for (const [key, value] of Object.entries(overrides)) {
        if (value === undefined) continue;
        if (key === 'privateKey' && !value) continue;
        (stored as any)[key] = typeof value === 'string' ? value.trim() || null : value;
      }
      return effectiveFrom(stored);
    },
  };
};

export type SettingsStore = ReturnType<typeof createSettingsStore>;
