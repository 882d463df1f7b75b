import { errors, validateYupSchema, yup } from '@strapi/utils';
import { TIERS } from '../../../../shared/contracts/orders';
import type { UpdatePublishRules } from '../../../../shared/contracts/publish-rules';

/** `PUT /gengo/publish-rules`: `{ rules: [{ contentType, enabled, locales, tier, autoApprove, comment, sourceLocale }] }`. */
const ruleSchema = yup
  .object()
  .shape({
    contentType: yup.string().required().max(200),
    enabled: yup.boolean(),
    locales: yup.array().of(yup.string().required().max(50)).required().max(100),
    tier: yup
      .mixed()
      .oneOf([...TIERS, null])
      .nullable(),
    autoApprove: yup.boolean().nullable(),
    comment: yup.string().nullable().max(2000),
    sourceLocale: yup.string().nullable().max(50),
  })
  .noUnknown(true, '${path} has unknown field(s): ${unknown}');

const updateSchema = yup
  .object()
  .shape({ rules: yup.array().of(ruleSchema).required().max(200) })
  .noUnknown(true, '${path} has unknown field(s): ${unknown}');

export type UpdatePublishRulesInput = UpdatePublishRules;

export const validateUpdatePublishRules = async (body: unknown): Promise<UpdatePublishRulesInput> => {
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw new errors.ValidationError('The body must be an object');
  return (await validateYupSchema(updateSchema)(body)) as UpdatePublishRulesInput;
};
