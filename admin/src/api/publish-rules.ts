/** `GET/PUT /gengo/publish-rules`: translate-on-publish rules, one per localized content type. */
import type { Tier } from './settings';

export interface PublishRule {
  contentType: string;
  enabled: boolean;
  locales: string[];
  /** null: the site's default tier. */
  tier: Tier | null;
  /** null: the site's default. */
  autoApprove: boolean | null;
  comment: string | null;
  /** null: the i18n default locale. */
  sourceLocale: string | null;
  /** Which publishes order: admin ones (default), and content-API writes only when `api` is listed. */
  triggers: Array<'admin' | 'api'>;
}

/** As the server answers: config rules are `fixed` (read-only here). */
export type EffectiveRule = PublishRule & { fixed: boolean };

export const PUBLISH_RULES_PATH = '/gengo/publish-rules';

/** What the content manager lists (`/content-manager/content-types`), the fields used here. */
export interface ContentTypeInfo {
  uid: string;
  isDisplayed?: boolean;
  info: { displayName: string };
  pluginOptions?: { i18n?: { localized?: boolean } };
}

export const isLocalizedApiType = (ct: ContentTypeInfo) =>
  ct.uid.startsWith('api::') && ct.pluginOptions?.i18n?.localized === true;
