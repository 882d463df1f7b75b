/** `GET/PUT /gengo/publish-rules`: translate-on-publish rules, one per localized content type. */
import type { Tier } from './orders';

export const PUBLISH_RULES_PATH = '/gengo/publish-rules';

export interface PublishRule {
  /** Translate on publish on/off. */
  enabled: boolean;
  /** Target locales to order. */
  locales: string[];
  /** null: the site's default tier. */
  tier: Tier | null;
  /** null: the site's default. */
  autoApprove: boolean | null;
  /** Note for the translators, appended to the order comment. */
  comment: string | null;
  /** The locale whose publication orders; null: the i18n default locale. */
  sourceLocale: string | null;
}

export type RuleEntry = PublishRule & { contentType: string };

/** `GET` and `PUT` answer: rules from the plugin config are `fixed` (read-only in the admin). */
export type EffectiveRule = RuleEntry & { fixed: boolean };

/** `PUT /gengo/publish-rules` body: the stored rules, whole (fields left out take their defaults). */
export interface UpdatePublishRules {
  rules: Array<Partial<RuleEntry> & { contentType: string }>;
}
