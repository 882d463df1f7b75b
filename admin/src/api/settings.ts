/** The settings routes' shapes, as `GET/PUT /gengo/settings` and its connection test answer them. */

export type Environment = 'sandbox' | 'production' | 'custom';
export type Tier = 'standard' | 'pro';

export interface EditableSettings {
  publicKey: string | null;
  environment: Environment;
  apiUrl: string | null;
  defaultTier: Tier;
  autoApprove: boolean;
  publicUrl: string | null;
  pollIntervalMinutes: number;
  budgetPerOrder: number | null;
  budgetPerMonth: number | null;
  /** Strapi locale code → Gengo language code, over the built-in rules. */
  localeMap: Record<string, string>;
}

export type SettingName = keyof EditableSettings | 'privateKey';

export interface PublicSettings extends EditableSettings {
  privateKeySet: boolean;
  privateKeyEncrypted: boolean | null;
  baseUrl: string | null;
  callbackUrl?: string | null;
  /** Settings fixed by env vars or config/plugins.ts: shown read-only with their source. */
  fixed: Partial<Record<SettingName, { source: 'env' | 'config'; name: string }>>;
}

export type UpdateSettings = Partial<EditableSettings> & { privateKey?: string; clearPrivateKey?: boolean };

export type ConnectionTest =
  | { ok: true; balance: { credits: number | string; currency: string }; baseUrl: string }
  | {
      ok: false;
      baseUrl: string | null;
      error: { kind: 'settings' | 'gengo' | 'network'; code: number | string | null; message: string };
    };

export const SETTINGS_PATH = '/gengo/settings';

/** `GET /gengo/settings/languages`: the locale mapping table's data. `languages`/`pairs` null: Gengo not reachable. */
export interface LocaleLanguages {
  locales: Array<{ code: string; name: string; isDefault: boolean; defaultLc: string }>;
  languages: Array<{ lc: string; name: string }> | null;
  pairs: Array<{ lcSrc: string; lcTgt: string; tiers: string[] }> | null;
  error: string | null;
}

export const LANGUAGES_PATH = '/gengo/settings/languages';
