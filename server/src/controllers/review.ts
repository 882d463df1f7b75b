import { requestAccess } from '../platform/content-permissions';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getService } from '../platform/services';
import { userOf } from './admin-context';
import {
  validateApprove,
  validateComment,
  validateApproveFields,
  validateEntryReview,
  validateJobId,
  validateOrderId,
  validateReject,
  validateReviseFields,
  validateResolve,
  validateRevise,
} from './validation/review';

/** `/gengo/jobs/:id…`: one of our jobs, its review actions and what Gengo keeps about it. */
const createReviewController = ({ strapi }: { strapi: Core.Strapi }) => {
  const review = () => getService(strapi, 'review');
  const id = (ctx: any) => validateJobId(ctx.params.id);

  return {
    async findOne(ctx: any) {
      ctx.body = { data: await review().get(id(ctx)) };
    },
    /** The captcha image, served from our origin (the admin's CSP blocks Gengo's image host). */
    async captcha(ctx: any) {
      const image = await review().captcha(id(ctx));
      ctx.set('Cache-Control', 'no-store');
      ctx.type = image.contentType;
      ctx.body = image.body;
    },
    async approve(ctx: any) {
      const jobId = id(ctx);
      ctx.body = { data: await review().approve(jobId, await validateApprove(ctx.request.body)) };
    },
    async revise(ctx: any) {
      const jobId = id(ctx);
      const { comment } = await validateRevise(ctx.request.body);
      ctx.body = { data: await review().revise(jobId, comment) };
    },
    async reject(ctx: any) {
      const jobId = id(ctx);
      ctx.body = { data: await review().reject(jobId, await validateReject(ctx.request.body)) };
    },
    async cancel(ctx: any) {
      ctx.body = { data: await review().cancel(id(ctx)) };
    },
    async comments(ctx: any) {
      ctx.body = { data: await review().comments(id(ctx)) };
    },
    async postComment(ctx: any) {
      const jobId = id(ctx);
      const { body } = await validateComment(ctx.request.body);
      ctx.body = { data: await review().postComment(jobId, body) };
    },
    async revisions(ctx: any) {
      ctx.body = { data: await review().revisions(id(ctx)) };
    },
    async revision(ctx: any) {
      const revId = String(ctx.params.revId ?? '');
      if (!/^\d{1,20}$/.test(revId)) throw new errors.ValidationError('Invalid revision id');
      ctx.body = { data: await review().revision(id(ctx), revId) };
    },
    async feedback(ctx: any) {
      ctx.body = { data: await review().feedback(id(ctx)) };
    },
    /** POST /gengo/orders/:id/resolve { path, choice: keep | take } */
    async resolve(ctx: any) {
      const orderId = Number(ctx.params.id);
      if (!Number.isInteger(orderId) || orderId < 1) throw new errors.ValidationError('id must be a positive integer');
      const input = await validateResolve(ctx.request.body);
      ctx.body = { data: await review().resolve(orderId, input, userOf(ctx).name, requestAccess(strapi, ctx)) };
    },
    /** GET /gengo/review?contentType=&documentId=&locale= */
    async entry(ctx: any) {
      const q = await validateEntryReview(ctx.query);
      ctx.body = { data: await review().entry(q, requestAccess(strapi, ctx)) };
    },
    /** POST /gengo/orders/:id/approve { fields?, rating?, forTranslator?, forGengo?, public? } */
    async approveFields(ctx: any) {
      const orderId = validateOrderId(ctx.params.id);
      const input = await validateApproveFields(ctx.request.body);
      ctx.body = { data: await review().fields.approve(orderId, input, requestAccess(strapi, ctx)) };
    },
    /** POST /gengo/orders/:id/revise { fields, comment } */
    async reviseFields(ctx: any) {
      const orderId = validateOrderId(ctx.params.id);
      const input = await validateReviseFields(ctx.request.body);
      ctx.body = { data: await review().fields.revise(orderId, input, requestAccess(strapi, ctx)) };
    },
    async machinePreview(ctx: any) {
      ctx.body = { data: await review().machinePreview(id(ctx)) };
    },
  };
};

export default createReviewController;
