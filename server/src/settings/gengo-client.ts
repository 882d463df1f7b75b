import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { createGengoClient, GengoApiError, GengoTransportError, type GengoClient, type Language } from '../gengo';
import type { ConnectionTest, TestConnectionRequest } from '../../../shared/contracts/settings';
import { pluginConfig } from '../platform/config';
import type { EffectiveSettings, SettingsStore } from './store';

/** The Gengo client, built from the effective settings, and the connection test. */

export type { ConnectionTest };

/** Gengo's list of languages changes rarely; orders and quotes read it this long before asking again. */
const LANGUAGES_TTL_MS = 10 * 60_000;

/** The Gengo client built from the effective settings, Gengo's languages (cached), the connection test. */
export const createGengoConnection = (strapi: Core.Strapi, settings: SettingsStore) => {
  let languagesCache: { baseUrl: string; at: number; value: Promise<Language[]> } | null = null;

  const build = (s: EffectiveSettings, extra: { retries?: number; timeoutMs?: number } = {}): GengoClient => {
    if (!s.publicKey || !s.privateKey)
      throw new errors.ApplicationError('Gengo is not configured: set the public and private keys');
    if (!s.baseUrl)
      throw new errors.ApplicationError('Gengo is not configured: the custom environment needs an API URL');
    const config = pluginConfig(strapi);
    return createGengoClient({
      publicKey: s.publicKey,
      privateKey: s.privateKey,
      baseUrl: s.baseUrl,
      timeoutMs: extra.timeoutMs ?? config.timeoutMs,
      retries: extra.retries ?? config.retries,
      siteUrl: s.publicUrl,
      rateLimit: config.requestsPerMinute === 0 ? false : { perMinute: config.requestsPerMinute },
      onRetry: ({ method, path, attempt, delayMs }) =>
        strapi.log.debug(`[gengo] retry ${attempt} of ${method} ${path} in ${delayMs} ms`),
    });
  };

  return {
    /** A client for the effective settings. Throws ApplicationError when keys or URL are missing. */
    async client(): Promise<GengoClient> {
      return build(await settings.getEffective());
    },

    /**
     * Gengo's languages (`translate/service/languages`), asked once per LANGUAGES_TTL_MS and API
     * URL rather than once per order or quote. A failed answer is not kept.
     */
    languages(client: GengoClient): Promise<Language[]> {
      const fresh =
        languagesCache &&
        languagesCache.baseUrl === client.baseUrl &&
        Date.now() - languagesCache.at < LANGUAGES_TTL_MS;
      if (fresh) return languagesCache!.value;
      const value = client.getLanguages();
      const entry = { baseUrl: client.baseUrl, at: Date.now(), value };
      languagesCache = entry;
      value.catch(() => {
        if (languagesCache === entry) languagesCache = null;
      });
      return value;
    },

    /** Calls `account/balance` with the effective settings and `overrides`; failures are data. */
    async testConnection(overrides: TestConnectionRequest = {}): Promise<ConnectionTest> {
      const s = await settings.getEffectiveWith(overrides);
      const base = { baseUrl: s.baseUrl, environment: s.environment };
      let client: GengoClient;
      try {
        client = build(s, { retries: 0, timeoutMs: 15_000 });
      } catch (err: any) {
        return { ok: false, ...base, error: { kind: 'settings', code: null, message: err.message } };
      }
      try {
        const balance = await client.getAccountBalance();
        return {
          ok: true,
          baseUrl: client.baseUrl,
          environment: s.environment,
          balance: { credits: balance.credits, currency: balance.currency },
        };
      } catch (err) {
        if (err instanceof GengoApiError) {
          return {
            ok: false,
            ...base,
            error: {
              kind: 'gengo',
              code: err.code ?? null,
              message: err.gengoMessage ?? err.message,
              status: err.status,
            },
          };
        }
        if (err instanceof GengoTransportError) {
          return { ok: false, ...base, error: { kind: 'network', code: err.code ?? null, message: err.message } };
        }
        throw err;
      }
    },
  };
};

export type GengoConnection = ReturnType<typeof createGengoConnection>;
