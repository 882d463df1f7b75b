import { readConfigRules } from '../publish/rules';
import { readConfig } from '../services/settings-sources';

/**
 * The plugin's config (`config/plugins.ts` → `gengo: { config: { … } }`). Every setting may be
 * fixed here (publicKey, privateKey, environment, apiUrl, defaultTier, autoApprove, publicUrl,
 * pollIntervalMinutes, budgetPerOrder, budgetPerMonth, localeMap); environment variables (GENGO_PUBLIC_KEY…)
 * win over it, and it wins over what admins save. No defaults here, so that "set in config" can be
 * told from "not set": the defaults live in services/settings-sources.ts. Client tuning:
 * `timeoutMs` (30000) and `retries` (3). Receiving: `publishWhenApproved` (false) publishes a target
 * locale once all its jobs are approved and written, if the source locale is published.
 * Translate on publish: `publishRules` (see publish/rules.ts), fixed per content type. Bulk orders:
 * `bulkPageSize` (25), documents of a batch placed together, as one Gengo order per target locale.
 * `callbackGatherMs` (100): how long a callback's job waits for others to be fetched with it.
 */
export default {
  default: {},
  validator(config: Record<string, unknown>) {
    const { invalid } = readConfig(config);
    const problems = invalid.map(({ name, error }) => `${name} ${error}`);
    for (const key of ['timeoutMs', 'retries', 'callbackGatherMs'] as const) {
      const v = config?.[key];
      if (v !== undefined && !(typeof v === 'number' && Number.isInteger(v) && v >= 0)) {
        problems.push(`gengo.config.${key} must be a whole number ≥ 0`);
      }
    }
    const pageSize = config?.bulkPageSize;
    if (pageSize !== undefined && !(typeof pageSize === 'number' && Number.isInteger(pageSize) && pageSize >= 1)) {
      problems.push('gengo.config.bulkPageSize must be a whole number ≥ 1');
    }
    if (config?.publishWhenApproved !== undefined && typeof config.publishWhenApproved !== 'boolean') {
      problems.push('gengo.config.publishWhenApproved must be true or false');
    }
    problems.push(...readConfigRules(config?.publishRules).problems);
    if (problems.length) throw new Error(`Invalid gengo plugin config: ${problems.join('; ')}`);
  },
};
