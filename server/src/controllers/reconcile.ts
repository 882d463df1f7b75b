import type { Core } from '@strapi/strapi';
import { getService } from '../get-service';

const createReconcileController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** POST /gengo/reconcile — "check now": polls Gengo for every unfinished job, answers the counts. */
  async run(ctx: any) {
    ctx.body = { data: await getService(strapi, 'reconcile').run() };
  },

  /** POST /gengo/settings/rotate-callback-token — a new secret; answers the new callback URL. */
  async rotateCallbackToken(ctx: any) {
    ctx.body = { data: await getService(strapi, 'callbacks').rotateToken() };
  },

  /** GET /gengo/settings/callback-url — the URL Gengo calls back (null without a public URL). */
  async callbackUrl(ctx: any) {
    ctx.body = { data: { callbackUrl: await getService(strapi, 'callbacks').callbackUrl() } };
  },
});

export default createReconcileController;
