import { TIERS } from '../../../shared/contracts/orders';
import type { EffectiveRule, PublishRule, RuleEntry } from '../../../shared/contracts/publish-rules';

/**
 * Translate-on-publish rules, one per content type: stored in the plugin store (`publish-rules`),
 * or fixed in `config/plugins.ts` (`gengo.config.publishRules`), which wins per content type. Pure.
 */
export type { EffectiveRule, PublishRule, RuleEntry };

export const normalizeRule = (contentType: string, r: Partial<PublishRule>): RuleEntry => ({
  contentType,
  enabled: r.enabled !== false,
  locales: [...new Set(r.locales ?? [])],
  tier: r.tier ?? null,
  autoApprove: r.autoApprove ?? null,
  comment: r.comment?.trim() || null,
  sourceLocale: r.sourceLocale || null,
});

/** Config rules win per content type; the result is sorted by content type. */
export const mergeRules = (stored: RuleEntry[], config: RuleEntry[]): EffectiveRule[] => {
  const out = new Map<string, EffectiveRule>();
  for (const r of stored) out.set(r.contentType, { ...r, fixed: false });
  for (const r of config) out.set(r.contentType, { ...r, fixed: true });
  return [...out.values()].sort((a, b) => a.contentType.localeCompare(b.contentType));
};

const isStringArray = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'string' && x.length > 0);

/**
 * `gengo.config.publishRules`: `{ 'api::article.article': { locales: ['fr'], tier: 'pro', … } }`.
 * Returns the rules and the problems found (shape only: content types are checked once loaded).
 */
export const readConfigRules = (value: unknown): { rules: RuleEntry[]; problems: string[] } => {
  const problems: string[] = [];
  const rules: RuleEntry[] = [];
  if (value === undefined || value === null) return { rules, problems };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { rules, problems: ['gengo.config.publishRules must be an object keyed by content type uid'] };
  }
  for (const [uid, raw] of Object.entries(value as Record<string, unknown>)) {
    const at = `gengo.config.publishRules["${uid}"]`;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
      problems.push(`${at} must be an object`);
      continue;
    }
    const r = raw as Record<string, unknown>;
    const known = ['enabled', 'locales', 'tier', 'autoApprove', 'comment', 'sourceLocale'];
    const unknown = Object.keys(r).filter((k) => !known.includes(k));
    const before = problems.length;
    if (unknown.length) problems.push(`${at} has unknown field(s): ${unknown.join(', ')}`);
    if (r.enabled !== undefined && typeof r.enabled !== 'boolean') problems.push(`${at}.enabled must be true or false`);
    if (!isStringArray(r.locales)) problems.push(`${at}.locales must be a list of locale codes`);
    if (r.tier != null && !TIERS.includes(r.tier as any))
      problems.push(`${at}.tier must be one of ${TIERS.join(', ')}`);
    if (r.autoApprove != null && typeof r.autoApprove !== 'boolean')
      problems.push(`${at}.autoApprove must be true or false`);
    if (r.comment != null && typeof r.comment !== 'string') problems.push(`${at}.comment must be a string`);
    if (r.sourceLocale != null && typeof r.sourceLocale !== 'string')
      problems.push(`${at}.sourceLocale must be a locale code`);
    if (problems.length === before) rules.push(normalizeRule(uid, r as Partial<PublishRule>));
  }
  return { rules, problems };
};
