import type { BlockNode, InlineNode } from './types';

/** Blocks whose inline children are one segment: whole sentences for the translator. */
export const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'list-item', 'quote']);

/**
 * Blocks whose children are never sent. Code is not prose. An image's children are an empty text
 * leaf; its alt text is sent on its own (`imageAlt`).
 */
export const OPAQUE_BLOCKS = new Set(['code', 'image']);

/** A file name given as alt text (the editor's default) is not prose: not worth a translation. */
const FILE_NAME = /^[^\s/\\]+\.(?:a?png|jpe?g|gif|webp|svg|avif|bmp|tiff?|heic|ico)$/i;

/**
 * The alt text of an image block, when it is prose. The block holds its own copy of the file's data
 * (`image`), stored with the locale's blocks: translating it there changes what readers of that
 * locale get, never the media library's file, which every locale shares.
 */
export const imageAlt = (block: BlockNode): string | null => {
  const image = block.image as { alternativeText?: unknown; name?: unknown } | null | undefined;
  const alt = image?.alternativeText;
  if (block.type !== 'image' || typeof alt !== 'string' || !alt.trim()) return null;
  return alt === image?.name || FILE_NAME.test(alt.trim()) ? null : alt;
};

export const isInline = (node: unknown): node is InlineNode =>
  !!node &&
  typeof node === 'object' &&
  ((node as { type?: unknown }).type === 'text' || (node as { type?: unknown }).type === 'link');

export const inlineText = (nodes: InlineNode[]): string =>
  nodes.map((n) => (n.type === 'link' ? inlineText(n.children ?? []) : (n.text ?? ''))).join('');

/**
 * The block children of a node, with the ordinal used in paths. In `content[0].children[1]`,
 * `children[k]` is the k-th *block* child: inline text and links are not counted, because a
 * translation changes how many there are, and a nested list's path must not move with them.
 * (For a list, whose children are all blocks, k is simply the array index.)
 */
export const blockChildren = (children: unknown): BlockNode[] =>
  Array.isArray(children) ? children.filter((c) => !!c && typeof c === 'object' && !isInline(c)) : [];
