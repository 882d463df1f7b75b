import type { Core } from '@strapi/strapi';
import { getService } from '../platform/services';

const createReconcileController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** POST /gengo/reconcile — "check now": polls Gengo for every unfinished job, answers the counts. */
  async run(ctx: any) {
    ctx.body = { data: await getService(strapi, 'receiving').reconcile() };
  },

  /** POST /gengo/settings/rotate-callback-token — a new secret; answers the new callback URL. */
  async rotateCallbackToken(ctx: any) {
    ctx.body = { data: await getService(strapi, 'receiving').rotateToken() };
  },

  /** GET /gengo/settings/callback-url — the URL Gengo calls back (null without a public URL). */
  async callbackUrl(ctx: any) {
    ctx.body = { data: await getService(strapi, 'receiving').callbackUrlState() };
  },
});

export default createReconcileController;
