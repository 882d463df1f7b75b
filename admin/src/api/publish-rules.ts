/**
 * `GET/PUT /gengo/publish-rules`: translate-on-publish rules, one per localized content type (their
 * shapes from shared/contracts), and the content types they may be set for.
 */
export { PUBLISH_RULES_PATH } from '../../../shared/contracts/publish-rules';
export type { EffectiveRule, PublishRule, RuleEntry } from '../../../shared/contracts/publish-rules';

/** What the content manager lists (`/content-manager/content-types`), the fields used here. */
export interface ContentTypeInfo {
  uid: string;
  isDisplayed?: boolean;
  info: { displayName: string };
  pluginOptions?: { i18n?: { localized?: boolean } };
}

export const isLocalizedApiType = (ct: ContentTypeInfo) =>
  ct.uid.startsWith('api::') && ct.pluginOptions?.i18n?.localized === true;
