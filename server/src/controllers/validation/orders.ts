import { errors, validateYupSchema, yup } from '@strapi/utils';
import {
  ORDER_STATUSES,
  ORDERS_SORTS,
  TIERS,
  type DocumentStatusQuery,
  type ListOrdersQuery,
} from '../../../../shared/contracts/orders';
import { TRANSLATION_STATES, type DocumentStatusesQuery } from '../../../../shared/contracts/translation-states';
import type { OrderInput, QuoteInput } from '../../ordering';

/** Bodies of `POST /gengo/quote` and `POST /gengo/orders`, and the query of `GET /gengo/orders`. */

const uid = () =>
  yup
    .string()
    .matches(/^api::[\w-]+\.[\w-]+$/, '${path} must be a content type uid (api::name.name)')
    .max(200);
const locale = () => yup.string().min(2).max(20);

const quoteFields = {
  contentType: uid().required(),
  documentId: yup.string().min(1).max(100).required(),
  sourceLocale: locale().nullable(),
  targetLocales: yup.array().of(locale().required()).min(1).max(30).required(),
  tier: yup.mixed().oneOf([...TIERS, null]),
  fields: yup.array().of(yup.string().min(1).max(300).required()).max(200).nullable(),
  reuseMemory: yup.boolean().nullable(),
};

const quoteSchema = yup.object().shape(quoteFields).noUnknown(true, '${path} has unknown field(s): ${unknown}');

const orderSchema = yup
  .object()
  .shape({
    ...quoteFields,
    comment: yup.string().nullable().max(4000),
    autoApprove: yup.boolean().nullable(),
    asGroup: yup.boolean().nullable(),
    allowFork: yup.boolean().nullable(),
    glossaryId: yup.number().integer().positive().nullable(),
    usePreferred: yup.boolean().nullable(),
    replaceExisting: yup.boolean().nullable(),
    idempotencyKey: yup.string().min(8).max(200).nullable(),
  })
  .noUnknown(true, '${path} has unknown field(s): ${unknown}');

const object = (body: unknown) => {
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw new errors.ValidationError('The body must be an object');
  return body;
};

export const validateQuote = async (body: unknown): Promise<QuoteInput> =>
  (await validateYupSchema(quoteSchema)(object(body))) as QuoteInput;

/** The `Idempotency-Key` header, when sent, stands for `idempotencyKey`. */
export const validateOrder = async (body: unknown, idempotencyHeader?: string): Promise<OrderInput> => {
  const input = { ...(object(body) as Record<string, unknown>) };
  if (idempotencyHeader && input.idempotencyKey == null) input.idempotencyKey = idempotencyHeader;
  return (await validateYupSchema(orderSchema)(input)) as OrderInput;
};

const listSchema = yup
  .object()
  .shape({
    contentType: uid(),
    documentId: yup.string().max(100),
    locale: locale(),
    status: yup.mixed().oneOf([...ORDER_STATUSES]),
    page: yup.number().integer().min(1).default(1),
    pageSize: yup.number().integer().min(1).max(100).default(25),
    sort: yup.mixed().oneOf([...ORDERS_SORTS]),
  })
  .noUnknown(true, '${path} has unknown field(s): ${unknown}');

export const validateListOrders = async (query: unknown): Promise<ListOrdersQuery> =>
  (await validateYupSchema(listSchema, { strict: false })(query ?? {})) as ListOrdersQuery;

const statusSchema = yup
  .object()
  .shape({ contentType: uid().required(), documentId: yup.string().min(1).max(100).required() })
  .noUnknown(true, '${path} has unknown field(s): ${unknown}');

export const validateDocumentStatus = async (query: unknown): Promise<DocumentStatusQuery> =>
  (await validateYupSchema(statusSchema)(query ?? {})) as DocumentStatusQuery;

/** `documentIds` as one comma-separated value (`a,b`) or repeated (`documentIds[0]=a`). */
const idList = yup
  .array()
  .transform((value, original) => (typeof original === 'string' ? original.split(',') : value))
  .of(
    yup
      .string()
      .matches(/^[\w-]{1,100}$/, '${path} must be document ids')
      .required()
  )
  .min(1)
  .max(100);

const statusesSchema = yup
  .object()
  .shape({
    contentType: uid().required(),
    documentIds: idList,
    locale: locale(),
    state: yup.mixed().oneOf([...TRANSLATION_STATES]),
  })
  .noUnknown(true, '${path} has unknown field(s): ${unknown}')
  .test('ids-or-state', 'documentIds or state is required', (q) => Boolean(q?.documentIds || q?.state));

export const validateDocumentStatuses = async (query: unknown): Promise<DocumentStatusesQuery> =>
  (await validateYupSchema(statusesSchema, { strict: false })(query ?? {})) as DocumentStatusesQuery;
