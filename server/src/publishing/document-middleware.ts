import type { Core } from '@strapi/strapi';
import { getService } from '../platform/services';

/**
 * Document Service middleware (registered in `register`): after a successful action, tells the
 * translate-on-publish trigger, which only schedules work. Never delays nor fails the action.
 */
export const registerDocumentMiddlewares = (strapi: Core.Strapi) => {
  strapi.documents.use(async (ctx, next) => {
    const result = await next();
    try {
      getService(strapi, 'publishing').onDocumentAction(ctx as any, result);
    } catch (err: any) {
      strapi.log.error(`[gengo] translate on publish: ${err?.message ?? err}`);
    }
    return result;
  });
};
