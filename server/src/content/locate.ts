import { forcedMatches } from './align';
import { isInline } from './blocks';
import { nodeFor, type LayoutEntry, type TargetLayout } from './layout';
import { listAt, pathShape, signature, type PathStep, type StepKind } from './layout-path';
import { formatPath, type PathToken } from './paths';
import type { Doc, GetComponent, Schema } from './types';

/**
 * At delivery: each translated leaf looked for in the target as it is now, per the layout recorded
 * when ordering (see layout.ts). Found, it comes with its target path and the target's value there
 * (for the caller's checks of a person's text); not found for sure, it is a conflict with its reason.
 */

export type ConflictCode = 'removed' | 'moved' | 'changed' | 'unmatched';

/** A translated leaf found in the target. */
export interface LocatedLeaf {
  ok: true;
  path: string;
  /** Where it is in the target now (block children counted as in source paths). */
  targetPath: string;
  /** The target's value there now (a text block: its inline children); undefined when `createAt` is set. */
  current: unknown;
  /** The target path of the component or list that will be built from the source to hold the leaf. */
  createAt?: string;
}

/** A translated leaf that cannot be placed in the target without guessing. */
export interface LeafConflict {
  ok: false;
  path: string;
  code: ConflictCode;
  reason: string;
  /** Where the leaf's entry is now, when it is known for sure (an entry found by its id that a person moved). */
  targetPath?: string;
  current?: unknown;
}

export type LeafLocation = LocatedLeaf | LeafConflict;

/** The value of a leaf below its entry (a text block: its inline children), as `current` reports it. */
export const leafValue = (container: unknown, leaf: PathToken[]): unknown => {
  if (!leaf.length) {
    const children = (container as Doc | null)?.children;
    return Array.isArray(children) ? children.filter(isInline) : undefined;
  }
  let cur: any = container;
  for (const t of leaf) cur = cur && typeof cur === 'object' ? cur[t] : undefined;
  return cur;
};

const sameEntry =
  (kind: StepKind) =>
  (expected: LayoutEntry, entry: Doc): boolean =>
    expected.sig === signature(kind, entry) &&
    (expected.id === undefined ||
      (entry.id !== undefined && entry.id !== null && String(entry.id) === String(expected.id)));

const describe = (step: PathStep, entry?: LayoutEntry) =>
  `${formatPath(step.at)}[${step.index}]${entry?.sig ? ` (${entry.sig})` : ''}`;

/** What the leaves of one write share: the lists read from the two versions, and the matchings made. */
export interface LocateMemo {
  lists: Map<unknown, Map<string, Doc[]>>;
  matches: Map<string, Array<number | null>>;
}
export const locateMemo = (): LocateMemo => ({ lists: new Map(), matches: new Map() });

const listOf = (memo: LocateMemo | undefined, step: PathStep, container: unknown): Doc[] => {
  if (!memo || !container || typeof container !== 'object') return listAt(step, container);
  let byKey = memo.lists.get(container);
  if (!byKey) memo.lists.set(container, (byKey = new Map()));
  let list = byKey.get(step.key);
  if (!list) byKey.set(step.key, (list = listAt(step, container)));
  return list;
};

/**
 * At delivery: where a translated leaf goes in the target as it is now, per the layout recorded
 * when ordering (without one, the layout is taken now: the best that can be told from the two
 * versions as they are). `acceptMoved`: an entry found by its id is written even when a person
 * moved it (a reviewer's explicit choice).
 */
export const locateLeaf = (input: {
  schema: Schema;
  getComponent: GetComponent;
  source: Doc;
  target: Doc;
  path: string;
  layout: TargetLayout;
  acceptMoved?: boolean;
  /** Shared by the leaves of one write (`locateMemo`): lists are read and matched once. */
  memo?: LocateMemo;
}): LeafLocation => {
  const { path } = input;
  const shape = pathShape(input.schema, input.getComponent, input.source, path);
  if (!shape)
    return { ok: false, path, code: 'unmatched', reason: `"${path}" is not a translatable path of the source` };
  const tokens: PathToken[] = [];
  let createAt: string | undefined;
  let moved: LeafConflict | undefined;
  let source: unknown = input.source;
  let target: unknown = input.target;
  // Below an entry a person moved, the first conflict is that move.
  const conflict = (code: ConflictCode, reason: string): LeafConflict => moved ?? { ok: false, path, code, reason };
  for (const step of shape.steps) {
    const sourceBefore = source;
    source = step.kind === 'single' ? (source as Doc | null)?.[step.key] : listOf(input.memo, step, source)[step.index];
    tokens.push(step.key);
    if (createAt !== undefined) {
      if (step.kind !== 'single') tokens.push(step.index);
      continue;
    }
    const node = input.layout.nodes[formatPath(step.at)] ?? nodeFor(step, sourceBefore, target);
    if (node.kind === 'single') {
      const value = (target as Doc)[step.key];
      if (value && typeof value === 'object') target = value;
      else if (node.had)
        return conflict('removed', `The component ${formatPath(step.at)} was removed from the target since the order`);
      else createAt = formatPath(tokens);
      continue;
    }
    const at = node.map[step.index] ?? null;
    const current = listOf(input.memo, step, target);
    if (!current.length && node.create) {
      createAt = formatPath(tokens);
      tokens.push(step.index);
      continue;
    }
    if (at === null)
      return conflict(
        'unmatched',
        `The target had no entry matching ${describe(step)} when ordered (its structure differs from the source's)`
      );
    const expected = node.entries[at];
    if (!current.length)
      return conflict('removed', `${describe(step, expected)}: the target's ${formatPath(step.at)} is empty now`);
    const list = formatPath(tokens);
    const matched = input.memo?.matches.get(list) ?? forcedMatches(node.entries, current, sameEntry(step.kind));
    input.memo?.matches.set(list, matched);
    let j = matched[at];
    if (j === null) {
      const byId = expected.id === undefined ? -1 : current.findIndex((e) => sameEntry(step.kind)(expected, e));
      if (byId < 0 && expected.id !== undefined)
        return conflict('removed', `${describe(step, expected)} was removed from the target since the order`);
      if (byId < 0)
        return conflict(
          'changed',
          `${describe(step, expected)}: the target's ${formatPath(step.at)} changed since the order (entries reordered, added or of another type) and this entry can no longer be told apart`
        );
      // Found by its id, out of order: where it is, for a reviewer to decide; written only when told so.
      if (!input.acceptMoved)
        moved ??= conflict('moved', `${describe(step, expected)} was moved by a person in the target since the order`);
      j = byId;
    }
    tokens.push(j);
    target = current[j];
  }
  tokens.push(...shape.leaf);
  const targetPath = formatPath(tokens);
  if (moved) return { ...moved, targetPath, current: leafValue(target, shape.leaf) };
  return createAt !== undefined
    ? { ok: true, path, targetPath, current: undefined, createAt }
    : { ok: true, path, targetPath, current: leafValue(target, shape.leaf) };
};
