import { errors, validateYupSchema, yup } from '@strapi/utils';
import {
  REJECT_REASONS,
  type ApproveFieldsRequest,
  type CommentRequest,
  type EntryReviewQuery,
  type ReviseFieldsRequest,
  type ReviseRequest,
} from '../../../../shared/contracts/review';
import type { ApproveInput, RejectInput, ResolveInput } from '../../review';

/** Bodies of the review routes (`/gengo/jobs/:id/…`). */

const object = (body: unknown) => {
  if (body === undefined || body === null || body === '') return {};
  if (typeof body !== 'object' || Array.isArray(body)) throw new errors.ValidationError('The body must be an object');
  return body;
};
const strictObject = (shape: Record<string, any>) =>
  yup.object().shape(shape).noUnknown(true, '${path} has unknown field(s): ${unknown}');

const approveSchema = strictObject({
  rating: yup.number().integer().min(1).max(5).nullable(),
  forTranslator: yup.string().max(5000).nullable(),
  forGengo: yup.string().max(5000).nullable(),
  public: yup.boolean().nullable(),
});

const text = (max = 5000) => yup.string().trim().min(1, '${path} is required').max(max).required('${path} is required');

const reviseSchema = strictObject({ comment: text() });
const rejectSchema = strictObject({
  reason: yup
    .mixed()
    .oneOf([...REJECT_REASONS])
    .required('${path} is required'),
  comment: text(),
  captcha: text(100),
  followUp: yup.mixed().oneOf(['requeue', 'cancel', null]),
});
const commentSchema = strictObject({ body: text() });

export const validateApprove = async (body: unknown) =>
  (await validateYupSchema(approveSchema)(object(body))) as ApproveInput;
export const validateRevise = async (body: unknown) =>
  (await validateYupSchema(reviseSchema)(object(body))) as ReviseRequest;
export const validateReject = async (body: unknown) =>
  (await validateYupSchema(rejectSchema)(object(body))) as RejectInput;
export const validateComment = async (body: unknown) =>
  (await validateYupSchema(commentSchema)(object(body))) as CommentRequest;

/** `:id` is our job's numeric id or its documentId. */
export const validateJobId = (id: unknown): string => {
  if (typeof id !== 'string' || !/^[A-Za-z0-9]{1,64}$/.test(id)) throw new errors.ValidationError('Invalid job id');
  return id;
};

const resolveSchema = strictObject({
  path: yup.string().min(1).max(300).required('${path} is required'),
  choice: yup.mixed().oneOf(['keep', 'take']).required('${path} is required'),
});

export const validateResolve = async (body: unknown): Promise<ResolveInput> =>
  (await validateYupSchema(resolveSchema)(object(body))) as ResolveInput;

const fieldKey = yup.string().min(1).max(300);

const entryReviewSchema = strictObject({
  contentType: yup
    .string()
    .matches(/^api::[a-z0-9-]+\.[a-z0-9-]+$/, '${path} must be a content type uid')
    .required('${path} is required'),
  documentId: yup.string().min(1).max(100).required('${path} is required'),
  locale: yup.string().min(1).max(50).required('${path} is required'),
});

/** `GET /gengo/review?contentType=&documentId=&locale=` */
export const validateEntryReview = async (query: unknown): Promise<EntryReviewQuery> =>
  (await validateYupSchema(entryReviewSchema)(object(query))) as EntryReviewQuery;

const approveFieldsSchema = approveSchema.shape({ fields: yup.array().of(fieldKey.required()).max(500).nullable() });
const reviseFieldsSchema = strictObject({
  fields: yup.array().of(fieldKey.required()).min(1, '${path} names at least one field').max(500).required(),
  comment: text(),
});

export const validateApproveFields = async (body: unknown) =>
  (await validateYupSchema(approveFieldsSchema)(object(body))) as ApproveFieldsRequest;
export const validateReviseFields = async (body: unknown) =>
  (await validateYupSchema(reviseFieldsSchema)(object(body))) as ReviseFieldsRequest;

/** `:id` of an order: a positive integer. */
export const validateOrderId = (id: unknown): number => {
  const n = Number(id);
  if (!Number.isInteger(n) || n < 1) throw new errors.ValidationError('id must be a positive integer');
  return n;
};
