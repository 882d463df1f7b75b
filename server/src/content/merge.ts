import { extractSegments } from './extract';
import { rebuildBlocks } from './merge-blocks';
import { toMediaValue, toRelationValue, type KeepRelation } from './merge-values';
import { formatPath, parsePath, type PathToken } from './paths';
import { isLocalizedAttribute, isSystemAttribute, requireComponent } from './schema';
import { slugify, uniqueUid } from './slug';
import type { Attribute, Doc, GetComponent, Schema, Translations } from './types';

export type BuildTargetInput = {
  /** The content type (`strapi.getModel(uid)`). */
  schema: Schema;
  getComponent: GetComponent;
  /** The source-locale document, fully populated (components, dynamic zones, media, relations). */
  source: Doc;
  /** The target-locale document, fully populated, when it exists. */
  existingTarget?: Doc | null;
  /** Restored translations by path (several paths per deduplicated segment). */
  translations: Translations;
  /** Top-level uid field → values other documents of the target locale already use. */
  takenUids?: Record<string, Iterable<string>>;
  keepRelation?: KeepRelation;
};

export type BuildTargetResult = {
  /** For `strapi.documents(uid).update({ documentId, locale: target, data })`. */
  data: Doc;
  applied: string[];
  skipped: Array<{ path: string; reason: string }>;
};

type Ctx = Pick<BuildTargetInput, 'getComponent' | 'translations' | 'keepRelation'>;

const clone = <T>(v: T): T => (v === undefined ? v : structuredClone(v));
const has = (obj: unknown, key: string): obj is Doc => !!obj && typeof obj === 'object' && key in (obj as Doc);

/**
 * A component rebuilt whole, as Strapi needs on write: without its id (Strapi would otherwise try to
 * reuse the source locale's component row), every attribute present.
 */
const buildComponent = (schema: Schema, source: Doc, target: Doc | undefined, path: PathToken[], ctx: Ctx): Doc => {
  const out: Doc = {};
  if (typeof source.__component === 'string') out.__component = source.__component;
  for (const [key, attribute] of Object.entries(schema.attributes)) {
    if (isSystemAttribute(key, attribute) || !has(source, key)) continue;
    const value = buildValue(attribute, source[key], target, key, [...path, key], ctx);
    if (value !== undefined) out[key] = value;
  }
  return out;
};

/**
 * One attribute's value: structure from the source; translated text at its path; every other value
 * from the target at the same place when the target has one there, else from the source.
 */
const buildValue = (
  attribute: Attribute,
  source: unknown,
  targetParent: Doc | undefined,
  key: string,
  path: PathToken[],
  ctx: Ctx
): unknown => {
  const inTarget = has(targetParent, key);
  const target = inTarget ? targetParent![key] : undefined;
  const kept = inTarget ? target : source;
  const here = formatPath(path);
  switch (attribute.type) {
    case 'string':
    case 'text':
    case 'richtext':
      return typeof ctx.translations[here] === 'string' ? ctx.translations[here] : clone(kept);
    case 'blocks':
      return rebuildBlocks(source, target, path, ctx.translations);
    case 'component': {
      const schema = requireComponent(attribute.component, ctx.getComponent);
      if (attribute.repeatable) {
        if (!Array.isArray(source)) return clone(source);
        const targets = Array.isArray(target) ? target : [];
        return source.map((item, i) => buildComponent(schema, item, targets[i] ?? undefined, [...path, i], ctx));
      }
      if (!source || typeof source !== 'object') return clone(source);
      return buildComponent(
        schema,
        source as Doc,
        target && typeof target === 'object' ? (target as Doc) : undefined,
        path,
        ctx
      );
    }
    case 'dynamiczone': {
      if (!Array.isArray(source)) return clone(source);
      const targets = Array.isArray(target) ? target : [];
      return source.map((item: Doc, i) => {
        const t = targets[i]?.__component === item.__component ? targets[i] : undefined;
        return buildComponent(
          requireComponent(item.__component as string, ctx.getComponent),
          item,
          t,
          [...path, i],
          ctx
        );
      });
    }
    case 'media':
      return toMediaValue(kept);
    case 'relation':
      return toRelationValue(kept, attribute, here, ctx.keepRelation);
    case 'password':
      return undefined; // never read back from Strapi; writing it would blank it
    default:
      return clone(kept);
  }
};

/** Translations that match a translatable path of the source, with a value of the right shape. */
const checkTranslations = (input: BuildTargetInput) => {
  const kinds = new Map<string, string>();
  for (const s of extractSegments(input.schema, input.source, input.getComponent))
    for (const p of s.paths) kinds.set(p, s.kind);
  const applied: string[] = [];
  const skipped: BuildTargetResult['skipped'] = [];
  const translations: Translations = {};
  for (const [path, value] of Object.entries(input.translations)) {
    const kind = kinds.get(path);
    if (!kind) skipped.push({ path, reason: 'no translatable text at this path in the source document' });
    else if ((kind === 'blocks') !== Array.isArray(value) || (kind !== 'blocks' && typeof value !== 'string')) {
      skipped.push({ path, reason: `value does not fit a ${kind} segment` });
    } else {
      applied.push(path);
      translations[path] = value;
    }
  }
  return { applied, skipped, translations };
};

/**
 * What a localized uid (slug) is made from: its translated target field. When the translation
 * gives no slug (a script without Latin letters): nothing when the target has a slug (it is
 * kept), else the source's. Undefined: the uid is not written. (The write asks which values
 * starting with it are taken.)
 */
export const uidBase = (
  key: string,
  attribute: Attribute,
  source: Doc,
  existingTarget: Doc | null | undefined,
  translations: Translations
): string | undefined => {
  const field = attribute.targetField;
  const translated = field ? translations[field] : undefined;
  const base = typeof translated === 'string' ? slugify(translated) : '';
  if (base) return base;
  if (typeof existingTarget?.[key] === 'string' && existingTarget[key]) return undefined;
  return (field && slugify(String(source[field] ?? ''))) || String(source[key] ?? '') || undefined;
};

/** A localized uid, unique in the target locale. */
const buildUid = (
  key: string,
  attribute: Attribute,
  input: BuildTargetInput,
  translations: Translations
): string | undefined => {
  const base = uidBase(key, attribute, input.source, input.existingTarget, translations);
  return base ? uniqueUid(base, input.takenUids?.[key] ?? []) : undefined;
};

/**
 * The `data` to write the target locale: localized attributes only (Strapi copies the others to
 * every locale; writing them here would overwrite all locales). With no target yet, every localized
 * attribute is written (untranslated text from the source, to be replaced as jobs finish). With a
 * target, only the attributes the given translations touch are written, so that merging the
 * segments of one finished job leaves the rest of the target as it is.
 */
export const buildTargetData = (input: BuildTargetInput): BuildTargetResult => {
  const { applied, skipped, translations } = checkTranslations(input);
  const ctx: Ctx = { getComponent: input.getComponent, translations, keepRelation: input.keepRelation };
  const creating = !input.existingTarget;
  const touched = new Set(applied.map((p) => String(parsePath(p)[0])));
  const target = input.existingTarget ?? undefined;
  const data: Doc = {};
  for (const [key, attribute] of Object.entries(input.schema.attributes)) {
    if (isSystemAttribute(key, attribute) || !isLocalizedAttribute(attribute)) continue;
    if (attribute.type === 'uid') {
      if (creating || (attribute.targetField && touched.has(attribute.targetField))) {
        const uid = buildUid(key, attribute, input, translations);
        if (uid !== undefined) data[key] = uid;
      }
      continue;
    }
    if (!has(input.source, key) || (!creating && !touched.has(key))) continue;
    const value = buildValue(attribute, input.source[key], target, key, [key], ctx);
    if (value !== undefined) data[key] = value;
  }
  return { data, applied, skipped };
};
