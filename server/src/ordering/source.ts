import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { extractSegments, toGengoLanguage, type Doc, type GetComponent, type Schema, type Segment } from '../content';
import type { GengoClient, Language } from '../gengo';
import { assertMayOrder, type ContentAccess } from '../platform/content-permissions';
import { buildDeepPopulate } from '../platform/populate';
import { filterSegments } from './plan';
import { getService } from '../platform/services';

/**
 * What a quote and an order start from: the request checked against Strapi (content type localized,
 * locales known, target ≠ source, Gengo languages for each) and the source document loaded fully
 * populated, with its segments extracted. Loading asks Gengo nothing (`load`, `loadMany`): what
 * changed can be known while Gengo is down, and a batch maps languages once (`resolveLanguages`).
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
export const segmentsFor = (
  prepared: Pick<PreparedSource, 'segments' | 'segmentsByLocale'>,
  locale: string
): Segment[] => prepared.segmentsByLocale?.[locale] ?? prepared.segments;

/** A 400 on one field, shaped like yup's. */
export const invalid = (path: string, message: string) =>
  new errors.ValidationError(message, { errors: [{ path: [path], message, name: 'ValidationError' }] });

const DOCUMENTS_PER_QUERY = 50;

const notFound = (model: any, documentId: string, locale: string) =>
  `No ${model.info?.displayName ?? model.uid} "${documentId}" in locale "${locale}"`;

export const NOTHING_TO_TRANSLATE = 'Nothing to translate: the entry has no text in its localized fields';

/** A 400 on an entry with no text to order: translate on publish skips such an entry quietly. */
export class NothingToTranslateError extends errors.ValidationError {
  constructor(path: string) {
    super(NOTHING_TO_TRANSLATE, { errors: [{ path: [path], message: NOTHING_TO_TRANSLATE, name: 'ValidationError' }] });
  }
}

export interface SiteLocales {
  codes: string[];
  defaultLocale: string;
}

/** A source loaded from Strapi, before its locales are mapped to Gengo's languages. */
export type LoadedSource = Omit<PreparedSource, 'lcSrc' | 'targets'> & { targetLocales: string[] };

export interface MappedLocales {
  lcSrc: string;
  /** `lcTgt` null: Gengo offers no language for that locale (`reason` says why). */
  targets: Array<{ locale: string; lcTgt: string | null; reason: string | null }>;
}

/**
 * Maps the source and target locales to Gengo's languages (pure). A source Gengo does not offer,
 * or a target that is the source's language, is refused; a target Gengo does not offer is listed
 * with its reason (a bulk quote shows it; an order refuses it: `resolveLanguages`).
 */
export const mapLocales = (
  sourceLocale: string,
  targetLocales: string[],
  languages: Language[],
  overrides: Record<string, string> = {}
): MappedLocales => {
  const src = toGengoLanguage(sourceLocale, { languages, overrides });
  if (!src.ok) throw invalid('sourceLocale', (src as { reason: string }).reason);
  const targets = targetLocales.map((locale) => {
    const tgt = toGengoLanguage(locale, { languages, overrides });
    if (!tgt.ok) return { locale, lcTgt: null, reason: (tgt as { reason: string }).reason };
    if (tgt.lc === src.lc)
      throw invalid(
        'targetLocales',
        `Locales "${sourceLocale}" and "${locale}" are the same Gengo language (${src.lc})`
      );
    return { locale, lcTgt: tgt.lc, reason: null };
  });
  return { lcSrc: src.lc, targets };
};

/** Maps the source and target locales to the languages Gengo offers, every one of them (pure). */
export const resolveLanguages = (
  loaded: LoadedSource,
  languages: Language[],
  overrides: Record<string, string> = {}
): PreparedSource => {
  const { targetLocales, ...rest } = loaded;
  const { lcSrc, targets } = mapLocales(loaded.sourceLocale, targetLocales, languages, overrides);
  const refused = targets.find((t) => t.lcTgt === null);
  if (refused) throw invalid('targetLocales', refused.reason ?? `Gengo offers no language for "${refused.locale}"`);
  return { ...rest, lcSrc, targets: targets.map(({ locale, lcTgt }) => ({ locale, lcTgt: lcTgt as string })) };
};

export const createOrderSource = (strapi: Core.Strapi) => {
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

  /** The site's locale codes and its default (one query each; a batch loads them once). */
  const siteLocales = async (): Promise<SiteLocales> => ({
    codes: ((await i18n().service('locales').find()) as Array<{ code: string }>).map((l) => l.code),
    defaultLocale: (await i18n().service('locales').getDefaultLocale()) as string,
  });

  /** The request checked against Strapi; no Gengo call. */
  const check = (input: SourceInput, site: SiteLocales) => {
    const model = checkModel(input.contentType);
    checkFields(model, input.fields);
    const sourceLocale = input.sourceLocale || site.defaultLocale;
    if (!site.codes.includes(sourceLocale)) throw invalid('sourceLocale', `Locale "${sourceLocale}" does not exist`);
    const targetLocales = [...new Set(input.targetLocales)];
    for (const locale of targetLocales) {
      if (!site.codes.includes(locale)) throw invalid('targetLocales', `Locale "${locale}" does not exist`);
      if (locale === sourceLocale) throw invalid('targetLocales', `Target locale "${locale}" is the source locale`);
    }
    return { model, sourceLocale, targetLocales };
  };

  /**
   * The source document and its segments, without asking Gengo anything; with `access`, the
   * admin's right to read the source and write the ordered fields of each target checked (403).
   */
  const load = async (input: SourceInput, site?: SiteLocales, access?: ContentAccess): Promise<LoadedSource> => {
    const { model, sourceLocale, targetLocales } = check(input, site ?? (await siteLocales()));
    const document = (await strapi.documents(input.contentType as any).findOne({
      documentId: input.documentId,
      locale: sourceLocale,
      populate: buildDeepPopulate(model, getComponent) as any,
    })) as Doc | null;
    if (!document) throw new errors.NotFoundError(notFound(model, input.documentId, sourceLocale));
    const segments = filterSegments(extractSegments(model, document, getComponent), input.fields);
    if (!segments.length) throw new NothingToTranslateError(input.fields?.length ? 'fields' : 'documentId');
    if (access)
      await assertMayOrder(access, {
        uid: input.contentType,
        documentId: input.documentId,
        sourceLocale,
        targetLocales,
        paths: segments.flatMap((s) => s.paths),
      });
    return {
      uid: input.contentType,
      typeName: model.info?.displayName ?? input.contentType,
      documentId: input.documentId,
      sourceLocale,
      targetLocales,
      document,
      segments,
    };
  };

  /**
   * Many documents of one type in the source locale, a page of them per query (a bulk order):
   * each loaded, or the reason it cannot be ordered.
   */
  const loadMany = async (
    input: Omit<SourceInput, 'documentId'> & { documentIds: string[] },
    site: SiteLocales
  ): Promise<Array<LoadedSource | { documentId: string; reason: string }>> => {
    const { model, sourceLocale, targetLocales } = check({ ...input, documentId: '' }, site);
    const populate = buildDeepPopulate(model, getComponent) as any;
    const found = new Map<string, Doc>();
    for (let i = 0; i < input.documentIds.length; i += DOCUMENTS_PER_QUERY) {
      const page = (await strapi.documents(input.contentType as any).findMany({
        locale: sourceLocale,
        filters: { documentId: { $in: input.documentIds.slice(i, i + DOCUMENTS_PER_QUERY) } },
        populate,
      })) as Doc[];
      for (const doc of page) found.set(String(doc.documentId), doc);
    }
    return input.documentIds.map((documentId) => {
      const document = found.get(documentId);
      if (!document) return { documentId, reason: notFound(model, documentId, sourceLocale) };
      const segments = filterSegments(extractSegments(model, document, getComponent), input.fields);
      if (!segments.length) return { documentId, reason: NOTHING_TO_TRANSLATE };
      return {
        uid: input.contentType,
        typeName: model.info?.displayName ?? input.contentType,
        documentId,
        sourceLocale,
        targetLocales,
        document,
        segments,
      };
    });
  };

  return {
    siteLocales,
    check,
    load,
    loadMany,
    resolve: resolveLanguages,

    async prepare(input: SourceInput, client: GengoClient, access?: ContentAccess): Promise<PreparedSource> {
      const loaded = await load(input, undefined, access);
      const settings = getService(strapi, 'settings');
      const { localeMap } = await settings.getEffective();
      return resolveLanguages(loaded, await settings.languages(client), localeMap);
    },
  };
};

export type OrderSource = ReturnType<typeof createOrderSource>;
