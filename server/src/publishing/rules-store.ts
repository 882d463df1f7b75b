import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PLUGIN_ID } from '../constants';
import { pluginConfig } from '../platform/config';
import { mergeRules, normalizeRule, readConfigRules, type EffectiveRule, type RuleEntry } from './rules';

/** Translate-on-publish rules: the store's (editable) merged with the config's (fixed, winning). */
const STORE_KEY = 'publish-rules';

const invalid = (path: string, message: string) =>
  new errors.ValidationError(message, { errors: [{ path: path.split('.'), message, name: 'ValidationError' }] });

export const createRulesStore = (strapi: Core.Strapi) => {
  const store = () => strapi.store({ type: 'plugin', name: PLUGIN_ID, key: STORE_KEY });
  const configRules = () => readConfigRules(pluginConfig(strapi).raw.publishRules).rules;
  const stored = async (): Promise<RuleEntry[]> =>
    ((await store().get({})) as { rules?: RuleEntry[] } | null)?.rules ?? [];

  /** Content type localized, locales known (each rule at `rules[i]`). */
  const check = async (rules: RuleEntry[]) => {
    const locales = ((await strapi.plugin('i18n').service('locales').find()) as Array<{ code: string }>).map(
      (l) => l.code
    );
    const seen = new Set<string>();
    rules.forEach((rule, i) => {
      const model = strapi.contentTypes[rule.contentType as keyof typeof strapi.contentTypes] as any;
      if (!model || !rule.contentType.startsWith('api::'))
        throw invalid(`rules.${i}.contentType`, `Unknown content type "${rule.contentType}"`);
      if (!strapi.plugin('i18n').service('content-types').isLocalizedContentType(model))
        throw invalid(`rules.${i}.contentType`, `Content type "${rule.contentType}" is not localized`);
      if (seen.has(rule.contentType))
        throw invalid(`rules.${i}.contentType`, `Content type "${rule.contentType}" has two rules`);
      seen.add(rule.contentType);
      for (const locale of [...rule.locales, ...(rule.sourceLocale ? [rule.sourceLocale] : [])])
        if (!locales.includes(locale)) throw invalid(`rules.${i}.locales`, `Locale "${locale}" does not exist`);
      if (rule.sourceLocale && rule.locales.includes(rule.sourceLocale))
        throw invalid(`rules.${i}.locales`, `Target locale "${rule.sourceLocale}" is the rule's source locale`);
    });
  };

  const rulesStore = {
    /** Every rule, config ones marked `fixed`. */
    async get(): Promise<{ rules: EffectiveRule[] }> {
      return { rules: mergeRules(await stored(), configRules()) };
    },

    /** The effective rule of one content type (null: none, or off). */
    async ruleFor(contentType: string): Promise<EffectiveRule | null> {
      const rule = (await rulesStore.get()).rules.find((r) => r.contentType === contentType);
      return rule?.enabled && rule.locales.length ? rule : null;
    },

    /** Replaces the stored rules (config rules keep winning). */
    async update(input: {
      rules: Array<Partial<RuleEntry> & { contentType: string }>;
    }): Promise<{ rules: EffectiveRule[] }> {
      const rules = input.rules.map((r) => normalizeRule(r.contentType, r));
      await check(rules);
      await store().set({ value: { rules } });
      return rulesStore.get();
    },
  };
  return rulesStore;
};

export type RulesStore = ReturnType<typeof createRulesStore>;
