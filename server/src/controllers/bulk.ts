import type { Core } from '@strapi/strapi';
import { requestAccess } from '../platform/content-permissions';
import { getService } from '../platform/services';
import { assertCanRead, userOf } from './admin-context';
import { validateBatchId, validateBulkOrder, validateBulkQuote } from './validation/bulk';

/** Bulk orders: the list view's "Translate with Gengo" for a selection (the bulk/ capability). */
const createBulkController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** POST /gengo/bulk/quote */
  async quote(ctx: any) {
    const input = await validateBulkQuote(ctx.request.body);
    assertCanRead(strapi, ctx, input.contentType);
    ctx.body = { data: await getService(strapi, 'bulk').quote(input, requestAccess(strapi, ctx)) };
  },

  /** POST /gengo/bulk: 202 with the batch started; 200 with the batch the same request made before. */
  async create(ctx: any) {
    const input = await validateBulkOrder(ctx.request.body, ctx.get?.('idempotency-key') || undefined);
    assertCanRead(strapi, ctx, input.contentType);
    const { batch, created } = await getService(strapi, 'bulk').create(input, userOf(ctx), requestAccess(strapi, ctx));
    ctx.status = created ? 202 : 200;
    ctx.body = { data: batch };
  },

  /** GET /gengo/bulk */
  async find(ctx: any) {
    ctx.body = { data: await getService(strapi, 'bulk').list() };
  },

  /** GET /gengo/bulk/:id */
  async findOne(ctx: any) {
    ctx.body = { data: await getService(strapi, 'bulk').view(validateBatchId(ctx.params.id)) };
  },

  /** POST /gengo/bulk/:id/cancel */
  async cancel(ctx: any) {
    ctx.body = { data: await getService(strapi, 'bulk').cancel(validateBatchId(ctx.params.id)) };
  },
});

export default createBulkController;
