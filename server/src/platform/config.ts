import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';

/**
 * The plugin's config (`config/plugins.ts` → `gengo: { config: { … } }`), read and checked in one
 * place. Besides the settings it may fix (read by settings/sources.ts) and the translate-on-publish
 * rules (publishing/rules.ts), it holds the tuning below. Strapi runs `problems` through the
 * config validator at boot (config/index.ts), so a bad value stops the start with a clear message.
 */
export interface PluginConfig {
  /** Per call to Gengo (ms). */
  timeoutMs: number;
  /** Retries of a failed read or of a POST that provably did not arrive. */
  retries: number;
  /**
   * Gengo calls started per minute by this process, in bursts of up to 20 (gengo/pacing.ts): at
   * most 140 in any minute, below Gengo's 150. 0 = no pacing (an emulator, a proxy that paces).
   */
  requestsPerMinute: number;
  /** How long a callback's job waits for others to be fetched with it (ms). */
  callbackGatherMs: number;
  /**
   * Job ids the callback intake holds waiting to be fetched; beyond it a callback's id is left to
   * the poller (a warning says how many). Bounds the memory a flood of callbacks can take.
   */
  callbackMaxQueuedIds: number;
  /**
   * Gengo GETs the callback intake makes per minute (batches, re-checks of a refused batch, comment
   * threads), on top of the client's pacing. 0 = no cap of its own.
   */
  callbackRequestsPerMinute: number;
  /** Documents of a bulk order placed together, as one Gengo order per target locale. */
  bulkPageSize: number;
  /** Publish a target locale once all its jobs are approved and the source is published. */
  publishWhenApproved: boolean;
  /** The config as given, for the settings and rules it may fix. */
  raw: Record<string, unknown>;
}

export const CONFIG_DEFAULTS = {
  timeoutMs: 30_000,
  retries: 3,
  requestsPerMinute: 120,
  callbackGatherMs: 100,
  callbackMaxQueuedIds: 5000,
  callbackRequestsPerMinute: 60,
  bulkPageSize: 25,
  publishWhenApproved: false,
} as const;

const wholeNumber = (min: number) => (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= min;

const CHECKS: Array<[keyof typeof CONFIG_DEFAULTS, (v: unknown) => boolean, string]> = [
  ['timeoutMs', wholeNumber(0), 'must be a whole number ≥ 0'],
  ['retries', wholeNumber(0), 'must be a whole number ≥ 0'],
  ['requestsPerMinute', wholeNumber(0), 'must be a whole number ≥ 0'],
  ['callbackGatherMs', wholeNumber(0), 'must be a whole number ≥ 0'],
  ['callbackMaxQueuedIds', wholeNumber(1), 'must be a whole number ≥ 1'],
  ['callbackRequestsPerMinute', wholeNumber(0), 'must be a whole number ≥ 0'],
  ['bulkPageSize', wholeNumber(1), 'must be a whole number ≥ 1'],
  ['publishWhenApproved', (v) => typeof v === 'boolean', 'must be true or false'],
];

/** The tuning of a raw config, defaults filled in, and what is wrong with it (pure). */
export const parsePluginConfig = (raw: unknown): { config: PluginConfig; problems: string[] } => {
  const given = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const config: PluginConfig = { ...CONFIG_DEFAULTS, raw: given };
  const problems: string[] = [];
  for (const [key, valid, message] of CHECKS) {
    const value = given[key];
    if (value === undefined) continue;
    if (valid(value)) (config as any)[key] = value;
    else problems.push(`gengo.config.${key} ${message}`);
  }
  return { config, problems };
};

const cache = new WeakMap<Core.Strapi, PluginConfig>();

/** The plugin's config, parsed once per Strapi instance (the config is fixed once Strapi has loaded). */
export const pluginConfig = (strapi: Core.Strapi): PluginConfig => {
  let config = cache.get(strapi);
  if (!config) {
    config = parsePluginConfig(strapi.config.get(`plugin::${PLUGIN_ID}`)).config;
    cache.set(strapi, config);
  }
  return config;
};

/** Forgets the parsed config: for tests that change `plugin::gengo` on a running Strapi. */
export const reloadPluginConfig = (strapi: Core.Strapi): void => {
  cache.delete(strapi);
};
