import { extractSegments } from './extract';
import { recordLayout, type TargetLayout } from './layout';
import type { LeafConflict } from './locate';
import { writeLeaves, type LeafWrite } from './leaves';
import { valueFromSource } from './merge-create';
import { toRelationValue, type KeepRelation } from './merge-values';
import { emptyRelations } from './relations';
import { isLocalizedAttribute, isSystemAttribute } from './schema';
import { slugify, uniqueUid } from './slug';
import type { Attribute, Doc, GetComponent, Schema, Translations } from './types';

export type BuildTargetInput = {
  /** The content type (`strapi.getModel(uid)`). */
  schema: Schema;
  getComponent: GetComponent;
  /** The source-locale document, fully populated (components, dynamic zones, media, relations). */
  source: Doc;
  /** The target-locale document (its draft), fully populated, when it exists. */
  existingTarget?: Doc | null;
  /** Restored translations by source path (several paths per deduplicated segment). */
  translations: Translations;
  /**
   * Where the target's entries were when ordered (`recordLayout` at order time). Without it, the
   * layout is taken from the two versions as they are now: nothing is lost, but a person's
   * reordering since the order cannot be told from the structure the order was made for.
   */
  layout?: TargetLayout | null;
  /** Write into entries found by their id even when a person moved them (a reviewer's choice). */
  acceptMoved?: boolean;
  /** Top-level uid field → values other documents of the target locale already use. */
  takenUids?: Record<string, Iterable<string>>;
  keepRelation?: KeepRelation;
  /**
   * An existing target's relations that link nothing where the source links something are linked
   * (to what `keepRelation` keeps); the ones it holds are never touched (content/relations.ts).
   */
  fillEmptyRelations?: boolean;
};

export type BuildTargetResult = {
  /** For `strapi.documents(uid).update({ documentId, locale: target, data })`. */
  data: Doc;
  /** The translations written (source paths). */
  applied: string[];
  /**
   * Every translation not written, with why: a path or value the source does not have, or a
   * conflict (these are also in `conflicts`, with the details).
   */
  skipped: Array<{ path: string; reason: string }>;
  /** Translations whose place in the target cannot be told without guessing (never written). */
  conflicts: LeafConflict[];
  /** Every text leaf `data` sets, where it lands in the target, and whether it is a translation. */
  written: LeafWrite[];
  /** Target paths of components and lists built from the source inside an existing target. */
  created: string[];
};

/** Translations that match a translatable path of the source, with a value of the right shape. */
const checkTranslations = (input: BuildTargetInput, kinds: Map<string, string>) => {
  const skipped: BuildTargetResult['skipped'] = [];
  const translations: Translations = {};
  for (const [path, value] of Object.entries(input.translations)) {
    const kind = kinds.get(path);
    if (!kind) skipped.push({ path, reason: 'no translatable text at this path in the source document' });
    else if ((kind === 'blocks') !== Array.isArray(value) || (kind !== 'blocks' && typeof value !== 'string')) {
      skipped.push({ path, reason: `value does not fit a ${kind} segment` });
    } else {
      translations[path] = value;
    }
  }
  return { skipped, translations };
};

const isEmptyUid = (value: unknown) => typeof value !== 'string' || value === '';

/**
 * What a localized uid (slug) is made from, or undefined when it is not written. A target's slug
 * is never changed once it has one (a person may have chosen it; links point at it). An empty one
 * (or a new version's) is derived from its translated target field; when that gives no slug (a
 * script without Latin letters), from the source's. An existing target's empty slug waits for its
 * field's translation. (The write asks which values starting with the base are taken.)
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
  if (existingTarget && (!isEmptyUid(existingTarget[key]) || typeof translated !== 'string')) return undefined;
  const base = typeof translated === 'string' ? slugify(translated) : '';
  return base || (field && slugify(String(source[field] ?? ''))) || String(source[key] ?? '') || undefined;
};

/**
 * The `data` to write the target locale, and what it writes. Localized attributes only (Strapi
 * copies the others to every locale; writing them here would overwrite all locales).
 * - No target version yet: it is built from the source's structure, every localized attribute
 *   (untranslated text from the source, to be replaced as jobs finish).
 * - A target version: only the translated leaves are set, in the target's own structure
 *   (`writeLeaves`): its components, zone entries, blocks, media and relations stay as they are;
 *   a leaf whose place cannot be told is a conflict, returned and not written. With
 *   `fillEmptyRelations`, a relation that links nothing there gets what the source links.
 */
export const buildTargetData = (input: BuildTargetInput): BuildTargetResult => {
  const { schema, getComponent, source } = input;
  const kinds = new Map<string, string>();
  for (const s of extractSegments(schema, source, getComponent)) for (const p of s.paths) kinds.set(p, s.kind);
  const { skipped, translations } = checkTranslations(input, kinds);
  const build = { getComponent, translations, keepRelation: input.keepRelation };
  const target = input.existingTarget ?? null;
  let data: Doc = {};
  let written: LeafWrite[];
  let conflicts: LeafConflict[] = [];
  let created: string[] = [];
  if (!target) {
    for (const [key, attribute] of Object.entries(schema.attributes)) {
      if (isSystemAttribute(key, attribute) || !isLocalizedAttribute(attribute) || attribute.type === 'uid') continue;
      if (!(key in source)) continue;
      const value = valueFromSource(attribute, source[key], [key], build);
      if (value !== undefined) data[key] = value;
    }
    written = [...kinds.keys()].map((path) => ({ path, targetPath: path, translated: path in translations }));
  } else {
    const paths = Object.keys(translations);
    const layout = input.layout ?? recordLayout({ schema, getComponent, source, target, paths });
    const links = input.fillEmptyRelations
      ? emptyRelations({ schema, getComponent, source, target })
          .map((r) => ({
            targetPath: r.targetPath,
            value: toRelationValue(r.value, r.attribute, r.path, input.keepRelation),
          }))
          .filter((l) => l.value !== undefined)
      : [];
    ({ data, written, conflicts, created } = writeLeaves({
      links,
      ...build,
      schema,
      source,
      target,
      layout,
      acceptMoved: input.acceptMoved,
      sourcePaths: [...kinds.keys()],
    }));
  }
  const applied = written.filter((w) => w.translated).map((w) => w.path);
  const writtenPaths = new Set(applied);
  const done = Object.fromEntries(Object.entries(translations).filter(([p]) => writtenPaths.has(p)));
  for (const [key, attribute] of Object.entries(schema.attributes)) {
    if (attribute.type !== 'uid' || isSystemAttribute(key, attribute) || !isLocalizedAttribute(attribute)) continue;
    const base = uidBase(key, attribute, source, target, done);
    if (base) data[key] = uniqueUid(base, input.takenUids?.[key] ?? []);
  }
  for (const c of conflicts) skipped.push({ path: c.path, reason: `conflict: ${c.reason}` });
  return { data, applied, skipped, conflicts, written, created };
};
