import type { Core } from '@strapi/strapi';
import { createRulesStore } from './rules-store';
import { createPublishTrigger } from './trigger';

/**
 * Translate on publish: per content type, a rule (rules, rules-store) says which locales to order
 * when the source locale is published; the document middleware tells the trigger, which orders
 * what changed, out of band.
 */
const createPublishingService = ({ strapi }: { strapi: Core.Strapi }) => {
  const rules = createRulesStore(strapi);
  const trigger = createPublishTrigger(strapi, { rules });
  return {
    /** `GET /gengo/publish-rules` */
    rules: rules.get,
    /** `PUT /gengo/publish-rules` */
    updateRules: rules.update,
    /** Called by the document middleware after an action succeeded; returns at once. */
    onDocumentAction: trigger.onDocumentAction,
    /** Resolves once every scheduled order (and its follow-ups) is done (shutdown, tests). */
    settled: trigger.settled,
    close: trigger.close,
  };
};

export type PublishingService = ReturnType<typeof createPublishingService>;
export default createPublishingService;
export { registerDocumentMiddlewares } from './document-middleware';
export { readConfigRules, type EffectiveRule, type PublishRule } from './rules';
