import { blockChildren, isInline, OPAQUE_BLOCKS, TEXT_BLOCKS } from './blocks';
import { formatPath, type PathToken } from './paths';
import type { BlockNode, InlineNode, Translations } from './types';

const clone = <T>(v: T): T => (v === undefined ? v : structuredClone(v));

/** A block's inline run replaced by `nodes` where it starts; its block children (nested lists) kept in place. */
const withInline = (block: BlockNode, nodes: InlineNode[]): BlockNode => {
  const children: NonNullable<BlockNode['children']> = [];
  let done = false;
  for (const child of block.children ?? []) {
    if (!isInline(child)) children.push(child);
    else if (!done) {
      // A text block holds one inline run in practice; the translation is the whole run.
      done = true;
      children.push(...clone(nodes));
    }
  }
  if (!done) children.unshift(...clone(nodes));
  return { ...block, children };
};

/** An image block with the given alt text, in its copy of the file's data. */
const withAlt = (block: BlockNode, alt: string): BlockNode =>
  block.image && typeof block.image === 'object'
    ? { ...block, image: { ...block.image, alternativeText: alt } }
    : block;

/**
 * One block built from the source: structure and attributes (level, format…) from the source, a
 * text block's inline children and an image's alt text from the translation at its path, else
 * from the source. Nested blocks (lists in lists) recurse.
 */
const blockFromSource = (block: BlockNode, path: PathToken[], translations: Translations): BlockNode => {
  const alt = translations[formatPath([...path, 'image', 'alternativeText'])];
  if (!Array.isArray(block.children) || OPAQUE_BLOCKS.has(block.type))
    return typeof alt === 'string' ? withAlt(clone(block), alt) : clone(block);
  const translated = translations[formatPath(path)];
  let k = 0;
  const children = block.children.map((child) =>
    isInline(child) ? clone(child) : blockFromSource(child as BlockNode, [...path, 'children', k++], translations)
  );
  const built = { ...clone(block), children };
  return TEXT_BLOCKS.has(block.type) && Array.isArray(translated) ? withInline(built, translated) : built;
};

/** A blocks value built from the source's, translations applied at their paths (`content[2].children[1]`). */
export const blocksFromSource = (source: unknown, path: PathToken[], translations: Translations): unknown => {
  if (!Array.isArray(source)) return clone(source);
  let k = 0;
  return source.map((block) =>
    isInline(block) || !block || typeof block !== 'object'
      ? clone(block)
      : blockFromSource(block, [...path, k++], translations)
  );
};

/**
 * Sets one located leaf in (a copy of) the target's blocks, whose top-level blocks are `top`
 * (`blockChildren` of the field, read once for all its leaves): `tokens` is the leaf's target path
 * within the field (`[2]`, `[2, 'children', 1]`, `[4, 'image', 'alternativeText']`); block
 * children counted as in paths. The target's own blocks around it stay as they are.
 */
export const setBlockLeaf = (top: BlockNode[], tokens: PathToken[], value: string | InlineNode[]): void => {
  let list = top;
  let block = list[tokens[0] as number];
  let i = 1;
  while (tokens[i] === 'children') {
    list = blockChildren(block?.children);
    block = list[tokens[i + 1] as number];
    i += 2;
  }
  if (!block) throw new Error(`No block at ${formatPath(tokens)}`);
  const leaf = tokens.slice(i);
  const next =
    leaf.length === 0 && Array.isArray(value)
      ? withInline(block, value)
      : leaf.join('.') === 'image.alternativeText' && typeof value === 'string'
        ? withAlt(block, value)
        : null;
  if (!next) throw new Error(`Cannot write ${formatPath(tokens)} in a blocks field`);
  // Replace in place: the parent array holds this very object.
  for (const key of Object.keys(block)) delete block[key];
  Object.assign(block, next);
};
