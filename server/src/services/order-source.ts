import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { extractSegments, toGengoLanguage, type Doc, type GetComponent, type Schema, type Segment } from '../content';
import type { GengoClient } from '../gengo';
import { buildDeepPopulate } from '../orders/populate';
import { filterSegments } from '../orders/plan';
import { PLUGIN_ID } from '../constants';
import type { SettingsService } from './settings';

/**
 * What a quote and an order start from: the request checked against Strapi (content type localized,
 * locales known, target ≠ source, Gengo languages for each) and the source document loaded fully
 * populated, with its segments extracted.
 */
export interface SourceInput {
  contentType: string;
  documentId: string;
  sourceLocale?: string | null;
  targetLocales: string[];
  fields?: string[] | null;
}

export interface PreparedSource {
  uid: string;
  typeName: string;
  documentId: string;
  sourceLocale: string;
  lcSrc: string;
  targets: Array<{ locale: string; lcTgt: string }>;
  document: Doc;
  /** After the optional field subset. */
  segments: Segment[];
  /** Per target locale, when it differs from `segments` (ordering only what changed). */
  segmentsByLocale?: Record<string, Segment[]>;
}

/** The segments to order for one target locale. */
export const segmentsFor = (prepared: Pick<PreparedSource, 'segments' | 'segmentsByLocale'>, locale: string): Segment[] =>
  prepared.segmentsByLocale?.[locale] ?? prepared.segments;

const invalid = (path: string, message: string) =>
  new errors.ValidationError(message, { errors: [{ path: [path], message, name: 'ValidationError' }] });

const createOrderSourceService = ({ strapi }: { strapi: Core.Strapi }) => {
  const i18n = () => strapi.plugin('i18n');
  const getComponent: GetComponent = (uid) => strapi.getModel(uid as any) as unknown as Schema | undefined;

  const checkModel = (uid: string) => {
    const model = strapi.contentTypes[uid as keyof typeof strapi.contentTypes] as any;
    if (!model || !uid.startsWith('api::')) throw invalid('contentType', `Unknown content type "${uid}"`);
    if (!i18n().service('content-types').isLocalizedContentType(model))
      throw invalid('contentType', `Content type "${uid}" is not localized: enable Internationalization on it first`);
    return model;
  };

  const checkFields = (model: any, fields: string[] | null | undefined) => {
    for (const field of fields ?? []) {
      const top = field.split(/[.[]/)[0];
      if (!model.attributes[top]) throw invalid('fields', `"${field}" is not a field of ${model.uid}`);
    }
  };

  return {
    async prepare(input: SourceInput, client: GengoClient): Promise<PreparedSource> {
      const model = checkModel(input.contentType);
      checkFields(model, input.fields);

      const locales = ((await i18n().service('locales').find()) as Array<{ code: string }>).map((l) => l.code);
      const sourceLocale = input.sourceLocale || ((await i18n().service('locales').getDefaultLocale()) as string);
      if (!locales.includes(sourceLocale)) throw invalid('sourceLocale', `Locale "${sourceLocale}" does not exist`);
      const targetLocales = [...new Set(input.targetLocales)];
      for (const locale of targetLocales) {
        if (!locales.includes(locale)) throw invalid('targetLocales', `Locale "${locale}" does not exist`);
        if (locale === sourceLocale)
          throw invalid('targetLocales', `Target locale "${locale}" is the source locale`);
      }

      const languages = await client.getLanguages();
      const { localeMap: overrides } = await (strapi.plugin(PLUGIN_ID).service('settings') as SettingsService).getEffective();
      const src = toGengoLanguage(sourceLocale, { languages, overrides });
      if (!src.ok) throw invalid('sourceLocale', (src as { reason: string }).reason);
      const targets = targetLocales.map((locale) => {
        const tgt = toGengoLanguage(locale, { languages, overrides });
        if (!tgt.ok) throw invalid('targetLocales', (tgt as { reason: string }).reason);
        if (tgt.lc === src.lc)
          throw invalid('targetLocales', `Locales "${sourceLocale}" and "${locale}" are the same Gengo language (${src.lc})`);
        return { locale, lcTgt: tgt.lc };
      });

      const document = (await strapi.documents(input.contentType as any).findOne({
        documentId: input.documentId,
        locale: sourceLocale,
        populate: buildDeepPopulate(model, getComponent) as any,
      })) as Doc | null;
      if (!document)
        throw new errors.NotFoundError(`No ${model.info?.displayName ?? input.contentType} "${input.documentId}" in locale "${sourceLocale}"`);

      const segments = filterSegments(extractSegments(model, document, getComponent), input.fields);
      if (!segments.length)
        throw invalid(input.fields?.length ? 'fields' : 'documentId', 'Nothing to translate: the entry has no text in its localized fields');

      return {
        uid: input.contentType,
        typeName: model.info?.displayName ?? input.contentType,
        documentId: input.documentId,
        sourceLocale,
        lcSrc: src.lc,
        targets,
        document,
        segments,
      };
    },
  };
};

export type OrderSourceService = ReturnType<typeof createOrderSourceService>;
export default createOrderSourceService;
