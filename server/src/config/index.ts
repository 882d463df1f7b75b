import { parsePluginConfig } from '../platform/config';
import { readConfigRules } from '../publishing';
import { readConfig } from '../settings';

/**
 * The plugin's config (`config/plugins.ts` → `gengo: { config: { … } }`), checked when Strapi
 * loads it. Every setting may be fixed here (publicKey, privateKey, environment, apiUrl,
 * defaultTier, autoApprove, previewLinks, publicUrl, pollIntervalMinutes, budgetPerOrder, budgetPerMonth,
 * localeMap; settings/sources.ts); environment variables win over it, and it wins over what admins
 * save. Translate on publish: `publishRules` (publishing/rules.ts), fixed per content type. Tuning:
 * `timeoutMs`, `retries`, `requestsPerMinute`, `callbackGatherMs`, `bulkPageSize`,
 * `publishWhenApproved` (platform/config.ts, with their defaults). No defaults here, so that "set in config" can be told
 * from "not set".
 */
export default {
  default: {},
  validator(config: Record<string, unknown>) {
    const problems = [
      ...readConfig(config).invalid.map(({ name, error }) => `${name} ${error}`),
      ...parsePluginConfig(config).problems,
      ...readConfigRules(config?.publishRules).problems,
    ];
    if (problems.length) throw new Error(`Invalid gengo plugin config: ${problems.join('; ')}`);
  },
};
