import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getService } from '../platform/services';
import { requestAccess } from '../platform/content-permissions';
import { assertCanRead, userOf } from './admin-context';
import {
  validateDocumentStatus,
  validateDocumentStatuses,
  validateListOrders,
  validateOrder,
  validateQuote,
} from './validation/orders';

/** Quote, order, and the read routes of orders (the orders page, the edit-view panel). */

const createOrdersController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** POST /gengo/quote */
  async quote(ctx: any) {
    const input = await validateQuote(ctx.request.body);
    assertCanRead(strapi, ctx, input.contentType);
    ctx.body = { data: await getService(strapi, 'ordering').quote(input, requestAccess(strapi, ctx)) };
  },

  /** GET /gengo/order-options */
  async options(ctx: any) {
    ctx.body = { data: await getService(strapi, 'ordering').options() };
  },

  /** POST /gengo/orders (an `Idempotency-Key` header or `idempotencyKey` field makes retries safe). */
  async create(ctx: any) {
    const input = await validateOrder(ctx.request.body, ctx.get?.('idempotency-key') || undefined);
    assertCanRead(strapi, ctx, input.contentType);
    ctx.body = {
      data: await getService(strapi, 'ordering').place(input, userOf(ctx), { access: requestAccess(strapi, ctx) }),
    };
  },

  /** GET /gengo/orders?contentType=&documentId=&locale=&status=&page=&pageSize= */
  async find(ctx: any) {
    const q = await validateListOrders(ctx.query);
    const { results, pagination } = await getService(strapi, 'ordering').list(q, requestAccess(strapi, ctx));
    ctx.body = { data: results, meta: { pagination } };
  },

  /** GET /gengo/orders/:id */
  async findOne(ctx: any) {
    const id = Number(ctx.params.id);
    if (!Number.isInteger(id) || id < 1) throw new errors.ValidationError('id must be a positive integer');
    ctx.body = { data: await getService(strapi, 'ordering').one(id, requestAccess(strapi, ctx)) };
  },

  /** GET /gengo/document-status?contentType=&documentId= */
  async documentStatus(ctx: any) {
    const q = await validateDocumentStatus(ctx.query);
    ctx.body = {
      data: await getService(strapi, 'ordering').documentStatus(
        q.contentType,
        q.documentId,
        requestAccess(strapi, ctx)
      ),
    };
  },

  /** GET /gengo/document-statuses?contentType=&documentIds=a,b&locale=&state= (the list view's column) */
  async documentStatuses(ctx: any) {
    const q = await validateDocumentStatuses(ctx.query);
    ctx.body = { data: await getService(strapi, 'ordering').documentStatuses(q, requestAccess(strapi, ctx)) };
  },
});

export default createOrdersController;
