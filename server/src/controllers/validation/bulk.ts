import { errors, validateYupSchema, yup } from '@strapi/utils';
import type { BulkOrderRequest, BulkRequest } from '../../../../shared/contracts/bulk';
import { TIERS } from '../../../../shared/contracts/orders';

/** Bodies of `POST /gengo/bulk/quote` and `POST /gengo/bulk`, and the `:id` of a batch. */

export const MAX_BULK_DOCUMENTS = 5000;

const quoteFields = {
  contentType: yup
    .string()
    .matches(/^api::[\w-]+\.[\w-]+$/, '${path} must be a content type uid (api::name.name)')
    .max(200)
    .required(),
  documentIds: yup
    .array()
    .of(yup.string().min(1).max(100).required())
    .min(1)
    .max(MAX_BULK_DOCUMENTS)
    .required()
    .test(
      'unique',
      '${path} must not repeat a document',
      (ids: unknown) => !Array.isArray(ids) || new Set(ids).size === ids.length
    ),
  sourceLocale: yup.string().min(2).max(20).nullable(),
  targetLocales: yup.array().of(yup.string().min(2).max(20).required()).min(1).max(30).required(),
  tier: yup.mixed().oneOf([...TIERS, null]),
};

const strict = (shape: Record<string, any>) =>
  yup.object().shape(shape).noUnknown(true, '${path} has unknown field(s): ${unknown}');

const quoteSchema = strict(quoteFields);
const orderSchema = strict({
  ...quoteFields,
  comment: yup.string().nullable().max(4000),
  autoApprove: yup.boolean().nullable(),
  idempotencyKey: yup.string().min(8).max(200).nullable(),
});

const object = (body: unknown) => {
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw new errors.ValidationError('The body must be an object');
  return body as Record<string, unknown>;
};

export const validateBulkQuote = async (body: unknown): Promise<BulkRequest> =>
  (await validateYupSchema(quoteSchema)(object(body))) as BulkRequest;

/** The `Idempotency-Key` header, when sent, stands for `idempotencyKey`. */
export const validateBulkOrder = async (body: unknown, idempotencyHeader?: string): Promise<BulkOrderRequest> => {
  const input = { ...object(body) };
  if (idempotencyHeader && input.idempotencyKey == null) input.idempotencyKey = idempotencyHeader;
  return (await validateYupSchema(orderSchema)(input)) as BulkOrderRequest;
};

export const validateBatchId = (id: unknown): number => {
  const n = Number(id);
  if (typeof id !== 'string' || !/^\d{1,12}$/.test(id) || n < 1)
    throw new errors.ValidationError('id must be a positive integer');
  return n;
};
