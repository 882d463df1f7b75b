import { blockChildren, isInline, OPAQUE_BLOCKS, TEXT_BLOCKS } from './blocks';
import { formatPath, type PathToken } from './paths';
import type { BlockNode, Translations } from './types';
const clone = <T>(v: T): T => (v === undefined ? v : structuredClone(v));

const sameType = (a: unknown, b: BlockNode): BlockNode | undefined =>
  a && typeof a === 'object' && (a as BlockNode).type === b.type ? (a as BlockNode) : undefined;

/** An image block with its translated alt text, when there is one at its path. */
export const withAlt = (block: BlockNode, path: PathToken[], translations: Translations): BlockNode => {
  const alt = translations[formatPath([...path, 'image', 'alternativeText'])];
  if (typeof alt !== 'string' || !block.image || typeof block.image !== 'object') return block;
  return { ...block, image: { ...(block.image as object), alternativeText: alt } };
};

/**
 * One block rebuilt: structure and attributes (level, format…) from the source; a text block's
 * inline children from the translation at its path, else from the target block at the same place
 * (a translation done earlier), else from the source. Nested blocks (lists in lists) recurse.
 */
const rebuildBlock = (
  block: BlockNode,
  target: BlockNode | undefined,
  path: PathToken[],
  translations: Translations
): BlockNode => {
  if (!Array.isArray(block.children) || OPAQUE_BLOCKS.has(block.type))
    return withAlt(clone(target ?? block), path, translations);
  const translated = translations[formatPath(path)];
  const targetBlocks = blockChildren(target?.children);
  const children: BlockNode['children'] = [];
  let inlineDone = false;
  let k = 0;
  for (const child of block.children) {
    if (!isInline(child)) {
      const i = k++;
      children.push(
        rebuildBlock(
          child as BlockNode,
          sameType(targetBlocks[i], child as BlockNode),
          [...path, 'children', i],
          translations
        )
      );
    } else if (!TEXT_BLOCKS.has(block.type)) {
      children.push(clone(child));
    } else if (!inlineDone) {
      // The inline run is replaced where it starts; a text block holds one run in practice.
      inlineDone = true;
      children.push(...clone(Array.isArray(translated) ? translated : (target ?? block).children!.filter(isInline)));
    }
  }
  return { ...clone(block), children };
};

export const rebuildBlocks = (
  source: unknown,
  target: unknown,
  path: PathToken[],
  translations: Translations
): unknown => {
  if (!Array.isArray(source)) return clone(target !== undefined ? target : source);
  const targets = blockChildren(target);
  let k = 0;
  return source.map((block) => {
    if (isInline(block) || !block || typeof block !== 'object') return clone(block);
    const i = k++;
    return rebuildBlock(block, sameType(targets[i], block), [...path, i], translations);
  });
};
