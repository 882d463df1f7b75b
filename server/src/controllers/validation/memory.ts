import { errors, validateYupSchema, yup } from '@strapi/utils';
import type { MemoryPairQuery } from '../../../../shared/contracts/memory';

/** `GET /gengo/memory` (either language optional) and `DELETE /gengo/memory` (both required). */

const lang = () =>
  yup
    .string()
    .matches(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, '${path} must be a Gengo language code (e.g. en, fr, zh-tw)')
    .max(20);

const listSchema = yup
  .object()
  .shape({ sourceLang: lang(), targetLang: lang() })
  .noUnknown(true, '${path} has unknown field(s): ${unknown}');

const clearSchema = yup
  .object()
  .shape({ sourceLang: lang().required(), targetLang: lang().required() })
  .noUnknown(true, '${path} has unknown field(s): ${unknown}');

const object = (query: unknown) => {
  if (query != null && (typeof query !== 'object' || Array.isArray(query)))
    throw new errors.ValidationError('The query must be an object');
  return query ?? {};
};

export const validateMemoryList = async (query: unknown): Promise<MemoryPairQuery> =>
  (await validateYupSchema(listSchema)(object(query))) as MemoryPairQuery;

export const validateMemoryClear = async (query: unknown): Promise<Required<MemoryPairQuery>> =>
  (await validateYupSchema(clearSchema)(object(query))) as Required<MemoryPairQuery>;
