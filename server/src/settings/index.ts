import type { Core } from '@strapi/strapi';
import { createGengoConnection } from './gengo-client';
import { createSetupCheck } from './health';
import { localeLanguages } from './locale-languages';
import { createSettingsStore } from './store';

/**
 * Settings: the Gengo keys and environment, ordering defaults, budget caps, the locale mapping —
 * stored, or fixed by env and config — and what is built from them: the Gengo client, the
 * connection test, the locale-to-language table, the health answer. Every other capability asks
 * this one for a Gengo client.
 */
const createSettingsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const store = createSettingsStore(strapi);
  const gengo = createGengoConnection(strapi, store);
  const setup = createSetupCheck(strapi);
  return {
    ...store,
    /** A Gengo client for the effective settings (ApplicationError when keys or URL are missing). */
    client: gengo.client,
    /** Gengo's languages, cached per API URL. */
    languages: gengo.languages,
    testConnection: gengo.testConnection,
    localeLanguages: () => localeLanguages(strapi, gengo),
    /** `GET /gengo/health`: the setup checklist (keys tested, the result reused a while). */
    health: setup.health,
    /** At boot: a warning for each setup item that is not right. */
    warnSetup: setup.warnAtBoot,
  };
};

export type SettingsService = ReturnType<typeof createSettingsService>;
export type { ConnectionTest } from './gengo-client';
export type { EffectiveSettings, PublicSettings } from './store';
export {
  CUSTOM_API_URL_MESSAGE,
  DEFAULT_TIERS,
  ENVIRONMENTS,
  GENGO_CODE,
  SETTING_KEYS,
  isGengoApiUrl,
  isHttpUrl,
  parseLocaleMap,
  readConfig,
  type DefaultTier,
  type Environment,
  type GengoSettings,
  type LocaleMap,
} from './sources';
export default createSettingsService;
