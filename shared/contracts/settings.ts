/**
 * The settings routes (`GET/PUT /gengo/settings`, `POST /gengo/settings/test-connection`,
 * `GET /gengo/settings/languages`, `GET /gengo/settings/callback-url`,
 * `POST /gengo/settings/rotate-callback-token`). The private key goes in (`PUT`, the connection
 * test) and never comes out: answers say only whether one is set.
 */
import type { Tier } from './orders';

export const SETTINGS_PATH = '/gengo/settings';
export const LANGUAGES_PATH = '/gengo/settings/languages';

export const ENVIRONMENTS = ['sandbox', 'production', 'custom'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

/** Strapi locale code → Gengo language code, over the built-in rules of content/locale-codes.ts. */
export type LocaleMap = Record<string, string>;

/** The settings an admin can see and change (everything but the private key). */
export interface EditableSettings {
  publicKey: string | null;
  environment: Environment;
  /** Base URL when `environment` is `custom` (the emulator, a proxy). */
  apiUrl: string | null;
  defaultTier: Tier;
  autoApprove: boolean;
  /**
   * Attach a link to the entry's preview (Strapi's `admin.preview` handler) to each job, for the
   * translator. Off by default: the link leaves the site; secrets are stripped from it either way.
   */
  previewLinks: boolean;
  /** The site's public URL, for Gengo's callbacks. */
  publicUrl: string | null;
  /** Minutes between polls of Gengo (≥ 1; Gengo asks for no more than one poll per 30 min). */
  pollIntervalMinutes: number;
  /** Caps in credits; null = no cap. */
  budgetPerOrder: number | null;
  budgetPerMonth: number | null;
  localeMap: LocaleMap;
}

export type SettingName = keyof EditableSettings | 'privateKey';

export type FixedSource = { source: 'env'; name: string } | { source: 'config'; name: string };
/** Settings fixed by environment variables or the plugin config: shown read-only with their source. */
export type Fixed = Partial<Record<SettingName, FixedSource>>;

/** `GET /gengo/settings` and `PUT /gengo/settings` answer: no private key, only whether one is set. */
export interface PublicSettings extends EditableSettings {
  privateKeySet: boolean;
  /** Whether the stored private key is encrypted at rest (null: none stored). */
  privateKeyEncrypted: boolean | null;
  /** The Gengo base URL, or null when `custom` has no URL. */
  baseUrl: string | null;
  fixed: Fixed;
}

/** `PUT /gengo/settings` body: any of the settings; a new private key, or `clearPrivateKey`. */
export type UpdateSettings = Partial<EditableSettings> & { privateKey?: string | null; clearPrivateKey?: boolean };

/** `POST /gengo/settings/test-connection` body: unsaved values to test (none: the saved settings). */
export type TestConnectionRequest = Pick<UpdateSettings, 'publicKey' | 'privateKey' | 'environment' | 'apiUrl'>;

/** `POST /gengo/settings/test-connection` answer: a failure is data, not an error. */
export type ConnectionTest =
  | { ok: true; balance: { credits: number | string; currency: string }; baseUrl: string; environment: string }
  | {
      ok: false;
      baseUrl: string | null;
      environment: string;
      error: {
        kind: 'settings' | 'gengo' | 'network';
        /** Gengo's code (number), a network code (ECONNREFUSED…), or null. */
        code: number | string | null;
        /** Gengo's own message for `gengo` errors. */
        message: string;
        status?: number;
      };
    };

/** `GET /gengo/settings/languages`: the locale mapping table's data. `languages`/`pairs` null: Gengo not reachable. */
export interface LocaleLanguages {
  locales: Array<{ code: string; name: string; isDefault: boolean; defaultLc: string }>;
  languages: Array<{ lc: string; name: string }> | null;
  pairs: Array<{ lcSrc: string; lcTgt: string; tiers: string[] }> | null;
  error: string | null;
}

/** `GET /gengo/settings/callback-url` answer (null without a public URL). */
export interface CallbackUrl {
  callbackUrl: string | null;
  /**
   * When the callback token was re-created because the stored one could not be decrypted
   * (ENCRYPTION_KEY changed): the URL changed then. Null: never.
   */
  tokenRecreatedAt: string | null;
}
