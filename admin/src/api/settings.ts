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
