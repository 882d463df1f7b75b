import { forcedMatches } from './align';
import { listAt, pathShape, signature, type PathStep, type StepKind } from './layout-path';
import { formatPath } from './paths';
import type { Doc, GetComponent, Schema } from './types';

/**
 * Where a translated leaf goes in the target locale, told without guessing by position.
 *
 * Strapi gives no identity across locales: the `fr` version's components are rows of their own,
 * and blocks have no ids at all. So at ORDER time we record, for every list (repeatable component,
 * dynamic zone, blocks) and single component on a translated path, which entry of the target
 * corresponds to each entry of the source (`recordLayout`): the target's own entries with their
 * ids, matched to the source's by type in order (`forcedMatches`: only where no other matching is
 * as good). A target with nothing there yet (no version, an empty zone, no component) is to be
 * built from the source: the source's entries are recorded instead, without ids.
 *
 * At DELIVERY (`locateLeaf`, locate.ts), each recorded entry is looked for in the target as it is now: by id
 * when it had one (then it must still be in order with the other recorded entries), by type in order
 * otherwise. An entry removed, moved, or no longer told apart from others makes the leaf a conflict,
 * with the reason; it is never written at a guessed index.
 */

/** One entry of a list as the target held it when ordered (or, when it had none, as the source does). */
export interface LayoutEntry {
  /** The entry's type: `__component`, a block's type (an image with its URL); '' for a repeatable component. */
  sig: string;
  /** The target entry's id (components; blocks have none). */
  id?: string | number;
}

export type LayoutNode =
  | {
      kind: 'list';
      /** The target had no entries here when ordered: the list is built from the source. */
      create: boolean;
      entries: LayoutEntry[];
      /** For each source entry by position: its entry in `entries`, or null when the target had none. */
      map: Array<number | null>;
    }
  | {
      kind: 'single';
      /** The target had this component when ordered (gone since: a conflict; never had: built from the source). */
      had: boolean;
    };

/** Recorded at order time (JSON, kept with the order), read at delivery. */
export interface TargetLayout {
  v: 1;
  /** The target locale had a version when ordered. */
  target: boolean;
  /** By the source path of the list or component: `sections`, `sections[1].items`, `content[2].children`, `seo`. */
  nodes: Record<string, LayoutNode>;
}

const entryOf = (kind: StepKind, entry: Doc, withId: boolean): LayoutEntry => {
  const id = entry.id;
  return withId && kind !== 'blocks' && (typeof id === 'number' || typeof id === 'string')
    ? { sig: signature(kind, entry), id }
    : { sig: signature(kind, entry) };
};

/** A list or component's node, from the source's entries and the target's (undefined: built from the source). */
export const nodeFor = (step: PathStep, sourceContainer: unknown, targetContainer: unknown | undefined): LayoutNode => {
  if (step.kind === 'single') {
    const value = targetContainer === undefined ? null : (targetContainer as Doc | null)?.[step.key];
    return { kind: 'single', had: !!value && typeof value === 'object' };
  }
  const source = listAt(step, sourceContainer);
  const target = targetContainer === undefined ? [] : listAt(step, targetContainer);
  // A nested list of blocks is part of its block: never built into a target block that lacks it.
  if (!target.length && (step.key !== 'children' || targetContainer === undefined))
    return {
      kind: 'list',
      create: true,
      entries: source.map((e) => entryOf(step.kind, e, false)),
      map: source.map((_, i) => i),
    };
  const sig = (e: Doc) => signature(step.kind, e);
  return {
    kind: 'list',
    create: false,
    entries: target.map((e) => entryOf(step.kind, e, true)),
    map: forcedMatches(source.map(sig), target, (s, t) => s === sig(t)),
  };
};

/**
 * At order time: for the translated paths, which target entry each source entry on the way
 * corresponds to. `target` null: the target locale has no version yet (everything is built from
 * the source).
 */
export const recordLayout = (input: {
  schema: Schema;
  getComponent: GetComponent;
  source: Doc;
  target: Doc | null | undefined;
  paths: Iterable<string>;
}): TargetLayout => {
  const nodes: Record<string, LayoutNode> = {};
  for (const path of input.paths) {
    const shape = pathShape(input.schema, input.getComponent, input.source, path);
    if (!shape) continue;
    let source: unknown = input.source;
    // The target entry matched so far; undefined once it is to be built from the source.
    let target: unknown = input.target ?? undefined;
    for (const step of shape.steps) {
      const key = formatPath(step.at);
      const node = (nodes[key] ??= nodeFor(step, source, target));
      if (node.kind === 'single') {
        source = (source as Doc | null)?.[step.key];
        target = node.had && target !== undefined ? (target as Doc)[step.key] : undefined;
        continue;
      }
      const at = node.map[step.index];
      source = listAt(step, source)[step.index];
      if (node.create) target = undefined;
      else if (at === null || at === undefined) break;
      else target = listAt(step, target)[at];
    }
  }
  return { v: 1, target: !!input.target, nodes };
};
