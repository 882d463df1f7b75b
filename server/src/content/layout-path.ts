import { blockChildren } from './blocks';
import { parsePath, type PathToken } from './paths';
import { TEXT_TYPES } from './schema';
import type { Doc, GetComponent, Schema } from './types';

/**
 * A leaf path read with the schema: the components and lists (repeatable components, dynamic
 * zones, blocks and their children) on the way from the root to the leaf, for `layout.ts` and
 * `locate.ts`.
 */

export type StepKind = 'single' | 'component' | 'dynamiczone' | 'blocks';

/** A component or list on the way from the root to a leaf. */
export interface PathStep {
  /** Source tokens from the root to it: the layout's key. */
  at: PathToken[];
  /** The attribute (or a block's `children`) that holds it in the entry before (or the root). */
  key: string;
  kind: StepKind;
  /** Position in the list; for blocks, among block children only (`blockChildren`). */
  index: number;
}

export interface PathShape {
  steps: PathStep[];
  /** Tokens from the last entry (or the root) to the leaf: `title`, `image.alternativeText`, [] for a text block. */
  leaf: PathToken[];
}

/** The steps of a leaf path, read with the schema along the source document; null when it does not fit. */
export const pathShape = (schema: Schema, getComponent: GetComponent, source: Doc, path: string): PathShape | null => {
  const tokens = parsePath(path);
  const steps: PathStep[] = [];
  let s: Schema | undefined = schema;
  let doc: any = source;
  let i = 0;
  while (s && i < tokens.length) {
    const key = tokens[i];
    const attribute = typeof key === 'string' ? s.attributes[key] : undefined;
    if (typeof key !== 'string' || !attribute) return null;
    const index = tokens[i + 1];
    // A relation is a leaf too: content/relations.ts locates the target's to link it.
    if (TEXT_TYPES.has(attribute.type) || attribute.type === 'relation')
      return i === tokens.length - 1 ? { steps, leaf: [key] } : null;
    if (attribute.type === 'blocks') {
      if (typeof index !== 'number') return null;
      steps.push({ at: tokens.slice(0, i + 1), key, kind: 'blocks', index });
      let j = i + 2;
      while (tokens[j] === 'children' && typeof tokens[j + 1] === 'number') {
        steps.push({ at: tokens.slice(0, j + 1), key: 'children', kind: 'blocks', index: tokens[j + 1] as number });
        j += 2;
      }
      return { steps, leaf: tokens.slice(j) };
    }
    if (attribute.type === 'component' && !attribute.repeatable) {
      steps.push({ at: tokens.slice(0, i + 1), key, kind: 'single', index: 0 });
      doc = doc?.[key];
      s = getComponent(attribute.component ?? '');
      i += 1;
    } else if (attribute.type === 'component' || attribute.type === 'dynamiczone') {
      if (typeof index !== 'number') return null;
      steps.push({ at: tokens.slice(0, i + 1), key, kind: attribute.type, index });
      doc = doc?.[key]?.[index];
      s = getComponent((attribute.type === 'dynamiczone' ? doc?.__component : attribute.component) ?? '');
      i += 2;
    } else return null;
  }
  return null;
};

/** The entries of a step's list in `container` (the entry before it, or the root). */
export const listAt = (step: Pick<PathStep, 'key' | 'kind'>, container: unknown): Doc[] => {
  const value = container && typeof container === 'object' ? (container as Doc)[step.key] : undefined;
  if (step.kind === 'blocks') return blockChildren(value) as Doc[];
  // Positions as in paths: an empty item (never from Strapi) keeps its place.
  return Array.isArray(value) ? value.map((e) => (e && typeof e === 'object' ? e : {})) : [];
};

/** What tells entries of a list apart when they have no id: their type. */
export const signature = (kind: StepKind, entry: Doc): string => {
  if (kind === 'dynamiczone') return String(entry.__component ?? '');
  if (kind !== 'blocks') return '';
  const image = entry.type === 'image' ? (entry.image as { url?: unknown } | null) : null;
  return image ? `image ${String(image.url ?? '')}` : String(entry.type ?? '');
};
