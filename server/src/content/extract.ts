import { blockChildren, imageAlt, inlineText, isInline, OPAQUE_BLOCKS, TEXT_BLOCKS } from './blocks';
import { sha256Hex } from './hash';
import { formatPath, type PathToken } from './paths';
import { protectSegment } from './protect';
import { hasTranslatableText } from './units';
import { isLocalizedAttribute, isSystemAttribute, requireComponent, TEXT_TYPES } from './schema';
import type { Attribute, BlockNode, Doc, GetComponent, InlineNode, Schema, Segment, SegmentKind } from './types';

export const segmentHash = (kind: SegmentKind, content: string | InlineNode[]): string =>
  sha256Hex(`${kind}\u0000${typeof content === 'string' ? content : JSON.stringify(content)}`);

type Found = { kind: SegmentKind; path: PathToken[]; source: string; nodes?: InlineNode[] };

/**
 * Walks a blocks tree: `content[2]` for a top-level block, `content[2].children[1]` for a list item
 * in it (see `blockChildren` for how k counts). A text block's inline children are its segment; an
 * image's alt text is one of its own (`content[3].image.alternativeText`).
 */
const walkBlocks = (blocks: BlockNode[], path: PathToken[], out: Found[]): void => {
  const nested = typeof path[path.length - 1] === 'number';
  blocks.forEach((block, i) => {
    const here = nested ? [...path, 'children', i] : [...path, i];
    const alt = imageAlt(block);
    if (alt !== null) out.push({ kind: 'string', path: [...here, 'image', 'alternativeText'], source: alt });
    if (!Array.isArray(block.children)) return;
    if (TEXT_BLOCKS.has(block.type)) {
      const nodes = block.children.filter(isInline);
      if (inlineText(nodes).trim() !== '') out.push({ kind: 'blocks', path: here, source: inlineText(nodes), nodes });
    }
    if (!OPAQUE_BLOCKS.has(block.type)) walkBlocks(blockChildren(block.children), here, out);
  });
};

const walkAttributes = (
  schema: Schema,
  doc: Doc,
  path: PathToken[],
  insideLocalized: boolean,
  getComponent: GetComponent,
  out: Found[]
): void => {
  for (const [key, attribute] of Object.entries(schema.attributes)) {
    if (isSystemAttribute(key, attribute)) continue;
    if (!insideLocalized && !isLocalizedAttribute(attribute)) continue;
    walkValue(attribute, doc[key], [...path, key], getComponent, out);
  }
};

const walkValue = (
  attribute: Attribute,
  value: unknown,
  path: PathToken[],
  getComponent: GetComponent,
  out: Found[]
) => {
  if (value === null || value === undefined) return;
  if (TEXT_TYPES.has(attribute.type)) {
    if (typeof value === 'string' && value.trim() !== '') {
      out.push({ kind: attribute.type as SegmentKind, path, source: value });
    }
  } else if (attribute.type === 'blocks') {
    walkBlocks(blockChildren(value), path, out);
  } else if (attribute.type === 'component') {
    const schema = requireComponent(attribute.component, getComponent);
    if (attribute.repeatable) {
      if (Array.isArray(value))
        value.forEach((item, i) => item && walkAttributes(schema, item, [...path, i], true, getComponent, out));
    } else if (typeof value === 'object') {
      walkAttributes(schema, value as Doc, path, true, getComponent, out);
    }
  } else if (attribute.type === 'dynamiczone' && Array.isArray(value)) {
    value.forEach((item, i) => {
      if (!item || typeof item !== 'object') return;
      const schema = requireComponent((item as Doc).__component as string, getComponent);
      walkAttributes(schema, item as Doc, [...path, i], true, getComponent, out);
    });
  }
};

/**
 * The translatable segments of a fully populated document in the source locale, following Strapi 5
 * i18n: localized attributes only, and everything inside a localized component or dynamic zone.
 * Identical sources (same kind) become one segment listing every path, in document order.
 */
export const extractSegments = (schema: Schema, document: Doc, getComponent: GetComponent): Segment[] => {
  const found: Found[] = [];
  walkAttributes(schema, document, [], false, getComponent, found);
  const byHash = new Map<string, Segment>();
  for (const f of found) {
    // A value that is only protected parts (a URL, a path, a code span) has nothing to translate.
    if (!hasTranslatableText(protectSegment(f).text)) continue;
    const hash = segmentHash(f.kind, f.nodes ?? f.source);
    const existing = byHash.get(hash);
    if (existing) existing.paths.push(formatPath(f.path));
    else
      byHash.set(hash, {
        kind: f.kind,
        paths: [formatPath(f.path)],
        source: f.source,
        ...(f.nodes ? { nodes: f.nodes } : {}),
        hash,
      });
  }
  return [...byHash.values()];
};
