import { GENGO_BASE_URLS, normalizeBaseUrl } from '../gengo';
import { TIERS, type Tier } from '../../../shared/contracts/orders';
import {
  ENVIRONMENTS,
  type EditableSettings,
  type Environment,
  type Fixed,
  type FixedSource,
  type LocaleMap,
} from '../../../shared/contracts/settings';

/**
 * The plugin's settings, where each comes from, and how they merge: environment variables win,
 * then the plugin's config (`config/plugins.ts` → `gengo.config`), then what an admin saved in the
 * plugin store, then the defaults. Pure functions: the service (settings.ts) does the I/O.
 */

/**
 * Default tiers an admin can pick: the tiers one orders (shared/contracts/orders). Gengo's
 * `machine` tier is free machine translation (Bing, 2000 characters per job) and `ultra` is no
 * longer sold: neither is human translation by one translator we can order here.
 */
export const DEFAULT_TIERS = TIERS;
export type DefaultTier = Tier;
export { ENVIRONMENTS };
export type { Environment, LocaleMap };

/** Every setting, the private key included (server side only: routes answer PublicSettings). */
export interface GengoSettings extends EditableSettings {
  privateKey: string | null;
}

export type SettingKey = keyof GengoSettings;

export const SETTING_KEYS: SettingKey[] = [
  'publicKey',
  'privateKey',
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

export const DEFAULT_SETTINGS: GengoSettings = {
  publicKey: null,
  privateKey: null,
  environment: 'sandbox',
  apiUrl: null,
  defaultTier: 'standard',
  autoApprove: false,
  previewLinks: false,
  publicUrl: null,
  pollIntervalMinutes: 30,
  budgetPerOrder: null,
  budgetPerMonth: null,
  localeMap: {},
};

export const ENV_VARS: Record<SettingKey, string> = {
  publicKey: 'GENGO_PUBLIC_KEY',
  privateKey: 'GENGO_PRIVATE_KEY',
  environment: 'GENGO_ENVIRONMENT',
  apiUrl: 'GENGO_API_URL',
  defaultTier: 'GENGO_DEFAULT_TIER',
  autoApprove: 'GENGO_AUTO_APPROVE',
  previewLinks: 'GENGO_PREVIEW_LINKS',
  publicUrl: 'GENGO_PUBLIC_URL',
  pollIntervalMinutes: 'GENGO_POLL_INTERVAL_MINUTES',
  budgetPerOrder: 'GENGO_BUDGET_PER_ORDER',
  budgetPerMonth: 'GENGO_BUDGET_PER_MONTH',
  localeMap: 'GENGO_LOCALE_MAP',
};

export type { Fixed, FixedSource };

/** Checks one value; returns the parsed value or an error message. */
export const parseSetting = (key: SettingKey, raw: unknown): { value?: unknown; error?: string } => {
  const str = typeof raw === 'string' ? raw.trim() : raw;
  switch (key) {
    case 'publicKey':
    case 'privateKey':
      return typeof str === 'string' && str ? { value: str } : { error: 'must be a non-empty string' };
    case 'environment':
      return ENVIRONMENTS.includes(str as Environment)
        ? { value: str }
        : { error: `must be one of ${ENVIRONMENTS.join(', ')}` };
    case 'defaultTier':
      return DEFAULT_TIERS.includes(str as DefaultTier)
        ? { value: str }
        : { error: `must be one of ${DEFAULT_TIERS.join(', ')}` };
    case 'apiUrl':
    case 'publicUrl':
      return isHttpUrl(str) ? { value: str } : { error: 'must be an http(s) URL' };
    case 'autoApprove':
    case 'previewLinks':
      if (typeof str === 'boolean') return { value: str };
      if (str === 'true' || str === '1') return { value: true };
      if (str === 'false' || str === '0') return { value: false };
      return { error: 'must be true or false' };
    case 'pollIntervalMinutes': {
      const n = typeof str === 'string' && str !== '' ? Number(str) : str;
      return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 10080
        ? { value: n }
        : { error: 'must be a whole number of minutes, at least 1' };
    }
    case 'budgetPerOrder':
    case 'budgetPerMonth': {
      const n = typeof str === 'string' && str !== '' ? Number(str) : str;
      return typeof n === 'number' && Number.isFinite(n) && n > 0
        ? { value: n }
        : { error: 'must be a positive number of credits' };
    }
    case 'localeMap':
      return parseLocaleMap(str);
    default:
      return { error: 'unknown setting' };
  }
};

/** A Gengo language code as Gengo spells them (`ja`, `pt-br`, `zh-tw`, `es-la`). */
export const GENGO_CODE = /^[a-z]{2,3}(-[a-z0-9]{2,8})?$/i;

/**
 * A locale map: an object of non-empty codes, or (env) `pt-BR=pt,zh-Hans=zh` or its JSON. Codes
 * are trimmed and Gengo codes lowercased; whether the Strapi locales exist is checked on save.
 */
export const parseLocaleMap = (raw: unknown): { value?: LocaleMap; error?: string } => {
  let obj = raw;
  if (typeof raw === 'string') {
    try {
      obj = raw.startsWith('{')
        ? JSON.parse(raw)
        : Object.fromEntries(
            raw
              .split(',')
              .filter((p) => p.trim())
              .map((p) => p.split('=').map((x) => x.trim()))
          );
    } catch {
      return { error: 'must be JSON or locale=code pairs separated by commas' };
    }
  }
  if (!obj || typeof obj !== 'object' || Array.isArray(obj))
    return { error: 'must map Strapi locale codes to Gengo codes' };
  const value: LocaleMap = {};
  for (const [locale, code] of Object.entries(obj as Record<string, unknown>)) {
    if (!locale.trim() || typeof code !== 'string' || !GENGO_CODE.test(code.trim()))
      return { error: `has an invalid entry for "${locale}": Gengo codes look like ja, pt-br, zh-tw` };
    value[locale.trim()] = code.trim().toLowerCase();
  }
  return { value };
};

export const isHttpUrl = (value: unknown): value is string => {
  if (typeof value !== 'string' || !value) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
};

const isSet = (v: unknown) =>
  v !== undefined && v !== null && v !== '' && !(typeof v === 'object' && !Object.keys(v as object).length);

/**
 * Settings fixed by environment variables. Invalid values are left out and reported in `invalid`.
 * `GENGO_API_URL` alone implies the `custom` environment.
 */
export const readEnv = (env: NodeJS.ProcessEnv) => {
  const values: Partial<GengoSettings> = {};
  const fixed: Fixed = {};
  const invalid: { name: string; error: string }[] = [];
  for (const key of SETTING_KEYS) {
    const name = ENV_VARS[key];
    if (!isSet(env[name])) continue;
    const { value, error } = parseSetting(key, env[name]);
    if (error) invalid.push({ name, error });
    else {
      (values as any)[key] = value;
      fixed[key] = { source: 'env', name };
    }
  }
  if (values.apiUrl && !values.environment) {
    values.environment = 'custom';
    fixed.environment = { source: 'env', name: ENV_VARS.apiUrl };
  }
  return { values, fixed, invalid };
};

/** Settings fixed by the plugin's config. Invalid values are reported (the config validator throws on them). */
export const readConfig = (config: Record<string, unknown> | undefined) => {
  const values: Partial<GengoSettings> = {};
  const fixed: Fixed = {};
  const invalid: { name: string; error: string }[] = [];
  for (const key of SETTING_KEYS) {
    const raw = config?.[key];
    if (!isSet(raw)) continue;
    const name = `gengo.config.${key}`;
    const { value, error } = parseSetting(key, raw);
    if (error) invalid.push({ name, error });
    else {
      (values as any)[key] = value;
      fixed[key] = { source: 'config', name };
    }
  }
  if (values.apiUrl && !values.environment) {
    values.environment = 'custom';
    fixed.environment = { source: 'config', name: 'gengo.config.apiUrl' };
  }
  return { values, fixed, invalid };
};

/** env > config > stored > defaults, key by key; `fixed` tells which keys an admin cannot change. */
export const mergeSettings = (
  stored: Partial<GengoSettings>,
  config: ReturnType<typeof readConfig>,
  env: ReturnType<typeof readEnv>
): { settings: GengoSettings; fixed: Fixed } => {
  const settings = { ...DEFAULT_SETTINGS };
  for (const key of SETTING_KEYS) {
    if (isSet(stored[key])) (settings as any)[key] = stored[key];
  }
  Object.assign(settings, config.values, env.values);
  return { settings, fixed: { ...config.fixed, ...env.fixed } };
};

/** Why the settings page cannot name another API host (issue 19, edges of trust). */
export const CUSTOM_API_URL_MESSAGE =
  "apiUrl can only be Gengo's production or sandbox API URL here: another URL (an emulator, a proxy) is set in the plugin config (apiUrl) or the GENGO_API_URL environment variable";

/**
 * Whether a URL is one of Gengo's own API base URLs (production or sandbox). Only these may be
 * saved from the settings page: any other host (an emulator, a proxy) comes from the plugin config
 * or GENGO_API_URL, so that a settings admin cannot send every signed request, the texts and the
 * captcha proxy to a host of their choice.
 */
export const isGengoApiUrl = (value: unknown): boolean => {
  if (!isHttpUrl(value)) return false;
  try {
    const url = normalizeBaseUrl(value);
    return Object.values(GENGO_BASE_URLS).some((gengo) => gengo === url);
  } catch {
    return false;
  }
};

/** The Gengo base URL the settings point at, or null (custom environment without a URL). */
export const baseUrlOf = (s: Pick<GengoSettings, 'environment' | 'apiUrl'>): string | null => {
  if (s.environment === 'custom') return s.apiUrl ? normalizeBaseUrl(s.apiUrl) : null;
  return GENGO_BASE_URLS[s.environment] ?? null;
};
