import { sha256Hex } from './hash';
import { leafValue } from './locate';
import { listAt, pathShape } from './layout-path';
import type { Doc, GetComponent, Schema } from './types';

/**
 * Whose text a target leaf holds: nobody's (blank), the source's (an untranslated copy, as the
 * plugin builds a new version or a person's "fill in from another locale"), the plugin's (the hash
 * it recorded when writing), or a person's. A person's words are final: the apply step writes over
 * them only on an explicit choice (README.md of receiving, "Person's words").
 */

/** Object keys sorted at every level: PostgreSQL's jsonb answers keys in an order of its own. */
const canonical = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(canonical);
  if (!value || typeof value !== 'object' || value instanceof Date) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, canonical((value as Record<string, unknown>)[k])])
  );
};

/** Hash of a value; key order does not count (the data sent and the value read back hash alike). */
export const valueHash = (value: unknown): string => sha256Hex(JSON.stringify(canonical(value ?? null)));

/** Hashes stored by earlier versions kept key order: still recognised. */
export const legacyValueHash = (value: unknown): string => sha256Hex(JSON.stringify(value ?? null));

/** No text a reader would see: null, whitespace, or inline nodes whose texts are all blank. */
export const isBlank = (value: unknown): boolean => {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.every(isBlank);
  if (typeof value === 'object') {
    const node = value as { text?: unknown; children?: unknown };
    return isBlank(node.text) && isBlank(node.children);
  }
  return false;
};

/** The value at a translatable leaf path of `doc` (a text block: its inline children), as `locateLeaf` reports it. */
export const leafAt = (schema: Schema, getComponent: GetComponent, doc: Doc | null | undefined, path: string) => {
  if (!doc) return undefined;
  const shape = pathShape(schema, getComponent, doc, path);
  if (!shape) return undefined;
  let cur: unknown = doc;
  for (const step of shape.steps) {
    if (!cur || typeof cur !== 'object') return undefined;
    cur = step.kind === 'single' ? (cur as Doc)[step.key] : listAt(step, cur)[step.index];
  }
  return leafValue(cur, shape.leaf);
};

export type TextOwner = 'none' | 'source' | 'plugin' | 'person';

/**
 * Whose text `current` is. `written`: the hashes the plugin recorded for this leaf; `sourceValue`:
 * the source's value at the leaf; `raw`: the value at the path itself (a text block whole: what
 * earlier versions hashed).
 */
export const ownerOf = (
  current: unknown,
  sourceValue: unknown,
  written: Array<string | undefined>,
  raw: unknown = current
): TextOwner => {
  if (isBlank(current)) return 'none';
  const hashes = new Set([valueHash(current), legacyValueHash(current), valueHash(raw), legacyValueHash(raw)]);
  if (written.some((w) => w !== undefined && hashes.has(w))) return 'plugin';
  const hash = valueHash(current);
  if (sourceValue !== undefined && hash === valueHash(sourceValue)) return 'source';
  return 'person';
};
