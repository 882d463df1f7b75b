import { errors, validateYupSchema, yup } from '@strapi/utils';
import { TIERS } from '../../../../shared/contracts/orders';
import { ENVIRONMENTS, type TestConnectionRequest, type UpdateSettings } from '../../../../shared/contracts/settings';
import { CUSTOM_API_URL_MESSAGE, GENGO_CODE, isGengoApiUrl, isHttpUrl } from '../../settings';

const httpUrl = () =>
  yup
    .string()
    .nullable()
    .max(2000)
    .test(
      'http-url',
      '${path} must be an http(s) URL',
      (v: unknown) => v === null || v === undefined || v === '' || isHttpUrl(v)
    );

/**
 * `apiUrl` from the admin: empty, or one of Gengo's own API URLs. Any other host would receive every
 * signed request (a captured api_sig is valid against real Gengo for a while), the texts to
 * translate and the captcha proxy's fetches: only the config or the environment may name one.
 */
const gengoApiUrl = () =>
  httpUrl().test(
    'gengo-api-url',
    CUSTOM_API_URL_MESSAGE,
    (v: unknown) => v === null || v === undefined || v === '' || !isHttpUrl(v) || isGengoApiUrl(v)
  );

/**
 * `localeMap`: Strapi locale code → Gengo code, each a non-empty code (the whole map is replaced;
 * a locale left out goes back to the built-in rule). That the locales exist is checked on save.
 */
const localeMap = () =>
  yup.mixed().test('locale-map', '${path} must map Strapi locale codes to Gengo codes', function (v: unknown) {
    if (v === undefined) return true;
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
    const entries = Object.entries(v as Record<string, unknown>);
    if (entries.length > 500) return this.createError({ message: '${path} has too many entries' });
    for (const [locale, code] of entries) {
      if (typeof code !== 'string' || !code.trim())
        return this.createError({
          path: `localeMap.${locale}`,
          message: `The Gengo code for "${locale}" must not be empty`,
        });
      if (!GENGO_CODE.test(code.trim()))
        return this.createError({
          path: `localeMap.${locale}`,
          message: `"${code}" is not a Gengo language code (like ja, pt-br, zh-tw)`,
        });
    }
    return true;
  });

/**
 * `PUT /gengo/settings`: any subset of the settings. An empty or absent `privateKey` keeps the stored
 * one; `clearPrivateKey: true` removes it. Unknown fields are refused.
 */
const settingsFields = {
  publicKey: yup.string().nullable().max(500),
  privateKey: yup.string().nullable().max(500),
  clearPrivateKey: yup.boolean(),
  environment: yup.mixed().oneOf([...ENVIRONMENTS]),
  apiUrl: gengoApiUrl(),
  defaultTier: yup.mixed().oneOf([...TIERS]),
  autoApprove: yup.boolean(),
  previewLinks: yup.boolean(),
  publicUrl: httpUrl(),
  pollIntervalMinutes: yup.number().integer().min(1).max(10080),
  budgetPerOrder: yup.number().nullable().positive(),
  budgetPerMonth: yup.number().nullable().positive(),
  localeMap: localeMap(),
};

const updateSchema = yup
  .object()
  .shape(settingsFields)
  .noUnknown(true, '${path} has unknown field(s): ${unknown}')
  .test('clear-or-set', 'Send a new privateKey or clearPrivateKey, not both', function (value: any) {
    if (value?.clearPrivateKey && value?.privateKey) {
      return this.createError({
        path: 'privateKey',
        message: 'privateKey cannot be set together with clearPrivateKey',
      });
    }
    return true;
  });

export type UpdateSettingsInput = UpdateSettings;

/**
 * Strapi's yup errors carry each refused value in `details.errors[].value` (for an object-level
 * test, the whole body): a refused private key would be sent back and could be logged. Values go.
 */
const validateWithoutValues = async (schema: any, body: unknown) => {
  try {
    return await validateYupSchema(schema)(body);
  } catch (err: any) {
    const list = err instanceof errors.ValidationError ? (err.details as any)?.errors : null;
    if (Array.isArray(list)) for (const e of list) delete e.value;
    throw err;
  }
};

export const validateUpdateSettings = async (body: unknown): Promise<UpdateSettingsInput> => {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new errors.ValidationError('The body must be an object of settings');
  }
  return (await validateWithoutValues(updateSchema, body)) as UpdateSettingsInput;
};

/** `POST /gengo/settings/test-connection`: optional unsaved values (same fields, no clear flag). */
const testSchema = yup
  .object()
  .shape({
    publicKey: settingsFields.publicKey,
    privateKey: settingsFields.privateKey,
    environment: settingsFields.environment,
    apiUrl: settingsFields.apiUrl,
  })
  .noUnknown(true, '${path} has unknown field(s): ${unknown}');

export type TestConnectionInput = TestConnectionRequest;

export const validateTestConnection = async (body: unknown): Promise<TestConnectionInput> => {
  if (body === undefined || body === null || (typeof body === 'object' && !Object.keys(body as object).length))
    return {};
  if (typeof body !== 'object' || Array.isArray(body)) throw new errors.ValidationError('The body must be an object');
  return (await validateWithoutValues(testSchema, body)) as TestConnectionInput;
};
