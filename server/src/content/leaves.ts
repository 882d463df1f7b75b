import { blockChildren } from './blocks';
import type { TargetLayout } from './layout';
import { locateLeaf, locateMemo, type LeafConflict, type LocatedLeaf } from './locate';
import { setBlockLeaf } from './merge-blocks';
import { componentFromSource, valueFromSource, type SourceBuild } from './merge-create';
import { formatPath, getAt, parsePath, type PathToken } from './paths';
import { requireComponent } from './schema';
import type { Attribute, Doc, Schema, Translations } from './types';

/**
 * Writing translated leaves into an existing target version, in the target's own structure.
 *
 * What Strapi 5.54.0 does with `documents(uid).update({ documentId, locale, data })` on an
 * existing version (packages/core/core/src/services/document-service/repository.ts `update` →
 * entries.ts `updateEntry` → components.ts `updateComponents`), which this data relies on:
 * - attributes absent from `data` are left as they are, at every level: the entry's row is updated
 *   with the columns given only (@strapi/database `processData`), and relations and media absent
 *   from it are not touched (`updateRelations` skips them);
 * - a component or dynamic zone attribute present in `data` is replaced by the list sent: an item
 *   with the `id` of one of the entry's own components (for a zone: with the same `__component`) is
 *   that component updated in place, recursively and with the same partial rule (`updateComponent`);
 *   an item without `id` is created; the entry's components not sent are deleted
 *   (`deleteOldComponents`, `deleteOldDZComponents`); an id not belonging to the entry is refused
 *   ("Some of the provided components in … are not related to the entity");
 * - the order sent is the order stored;
 * - ids: a draft's components keep their ids across updates; publishing copies the draft into a
 *   new published row whose components are created anew (entries.ts `publishEntry` omits ids,
 *   `createComponent` omits them again), and discarding a draft re-creates the draft's components
 *   the same way. Ids recorded from the target's draft (what is read and written here) therefore
 *   stay valid until a person discards the draft; after that the entries are not found, and the
 *   leaves are conflicts, never written at a guessed place.
 *
 * So the data sent keeps every component of the target as `{ id }` (`{ id, __component }` in a
 * zone), in the target's order, and spells out only the way down to each translated leaf: text
 * written, everything else — target-only entries, relations, media, other texts — untouched. A
 * blocks field is one JSON value: it is sent whole, as the target has it, with the translated
 * blocks' inline children (or an image's alt text) set.
 */

/** A text leaf the data sets: a translation, or (in a structure built from the source) the source's text for now. */
export interface LeafWrite {
  /** The source path (the order's). */
  path: string;
  /** Where it lands in the target. */
  targetPath: string;
  translated: boolean;
}

export interface LeavesInput extends SourceBuild {
  schema: Schema;
  source: Doc;
  target: Doc;
  /** Checked translations by source path. */
  translations: Translations;
  layout: TargetLayout;
  acceptMoved?: boolean;
  /** Every translatable path of the source (for the texts of structures built from it). */
  sourcePaths: string[];
  /** Empty relations of the target to link (`{ set }` values), by target path (content/relations.ts). */
  links?: Array<{ targetPath: string; value: unknown }>;
}

export interface LeavesResult {
  data: Doc;
  written: LeafWrite[];
  conflicts: LeafConflict[];
  /** Target paths of components and lists built from the source because the target had none. */
  created: string[];
}

/** A change under one attribute: a leaf set, or a structure built from the source at `from`. */
type Edit = { tokens: PathToken[]; value?: unknown; from?: PathToken[] };

const hasId = (entry: Doc) => typeof entry.id === 'number' || typeof entry.id === 'string';

/** A component kept as it is: by id; one without (never from Strapi) is copied whole. */
const keep = (schema: Schema, entry: Doc, inZone: boolean, ctx: SourceBuild): Doc => {
  if (!hasId(entry)) return componentFromSource(schema, entry, [], { ...ctx, translations: {} });
  return inZone ? { id: entry.id, __component: entry.__component } : { id: entry.id };
};

const byFirst = (edits: Edit[]): Map<PathToken, Edit[]> => {
  const out = new Map<PathToken, Edit[]>();
  for (const e of edits) {
    const [first, ...rest] = e.tokens;
    if (!out.has(first)) out.set(first, []);
    out.get(first)!.push({ ...e, tokens: rest });
  }
  return out;
};

const patchEntry = (schema: Schema, entry: Doc, edits: Edit[], inZone: boolean, ctx: PatchContext): Doc => {
  const out = keep(schema, entry, inZone, ctx);
  for (const [key, sub] of byFirst(edits)) {
    const attribute = schema.attributes[key as string];
    if (attribute) out[key as string] = patchValue(attribute, entry[key as string], sub, ctx);
  }
  return out;
};

type PatchContext = SourceBuild & { source: Doc };

/** The target's value of one attribute with `edits` applied, in the form `update` takes. */
const patchValue = (attribute: Attribute, target: unknown, edits: Edit[], ctx: PatchContext): unknown => {
  const here = edits.find((e) => e.tokens.length === 0);
  if (here?.from) return valueFromSource(attribute, getAt(ctx.source, here.from), here.from, ctx);
  if (here) return here.value;
  if (attribute.type === 'blocks') {
    const blocks = structuredClone(target) as unknown[];
    const top = blockChildren(blocks);
    for (const e of edits) setBlockLeaf(top, e.tokens, e.value as Translations[string]);
    return blocks;
  }
  if (attribute.type === 'component' && !attribute.repeatable)
    return patchEntry(requireComponent(attribute.component, ctx.getComponent), target as Doc, edits, false, ctx);
  const list = (Array.isArray(target) ? target : []) as Doc[];
  const at = byFirst(edits);
  return list.map((entry, i) => {
    const zone = attribute.type === 'dynamiczone';
    const schema = requireComponent(zone ? (entry.__component as string) : attribute.component, ctx.getComponent);
    return patchEntry(schema, entry, at.get(i) ?? [], zone, ctx);
  });
};

/** Source paths under `prefix` (a component or list), with their place under `at` in the target. */
const under = (paths: string[], prefix: string, at: string) =>
  paths
    .filter((p) => p.startsWith(`${prefix}.`) || p.startsWith(`${prefix}[`))
    .map((p) => ({ path: p, targetPath: at + p.slice(prefix.length) }));

/**
 * The data for `documents(uid).update` of an existing target: each translation located
 * (`locateLeaf`), the located ones set in the target's own structure, the others returned as
 * conflicts. Only the top-level attributes holding a written leaf are in `data`.
 */
export const writeLeaves = (input: LeavesInput): LeavesResult => {
  const conflicts: LeafConflict[] = [];
  const located: LocatedLeaf[] = [];
  const memo = locateMemo();
  for (const path of Object.keys(input.translations)) {
    const where = locateLeaf({ ...input, path, memo });
    if (where.ok === false) conflicts.push(where);
    else located.push(where);
  }
  const edits: Edit[] = [];
  const written: LeafWrite[] = [];
  const created = new Map<string, PathToken[]>();
  for (const leaf of located) {
    if (leaf.createAt === undefined) {
      edits.push({ tokens: parsePath(leaf.targetPath), value: input.translations[leaf.path] });
      written.push({ path: leaf.path, targetPath: leaf.targetPath, translated: true });
    } else if (!created.has(leaf.createAt)) {
      const at = parsePath(leaf.createAt);
      // A target path and its source path have the same tokens, indexes apart.
      const from = parsePath(leaf.path).slice(0, at.length);
      created.set(leaf.createAt, from);
      edits.push({ tokens: at, from });
      for (const w of under(input.sourcePaths, formatPath(from), leaf.createAt))
        written.push({ ...w, translated: typeof input.translations[w.path] !== 'undefined' });
    }
  }
  // A relation inside a structure built from the source is linked there already (valueFromSource).
  const builtHere = (targetPath: string) =>
    [...created.keys()].some((c) => targetPath.startsWith(`${c}.`) || targetPath.startsWith(`${c}[`));
  for (const link of input.links ?? [])
    if (!builtHere(link.targetPath)) edits.push({ tokens: parsePath(link.targetPath), value: link.value });
  const data: Doc = {};
  const ctx: PatchContext = { ...input, source: input.source };
  for (const [key, sub] of byFirst(edits))
    data[key as string] = patchValue(input.schema.attributes[key as string], input.target[key as string], sub, ctx);
  return { data, written, conflicts, created: [...created.keys()] };
};
