import type { BlockNode, InlineNode } from './types';

/** Blocks whose inline children are one segment: whole sentences for the translator. */
export const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'list-item', 'quote']);

/**
 * Blocks never sent. Code is not prose; an image's alt text belongs to the media library file,
 * which every locale shares (translating it per locale would need a localized file).
 */
export const OPAQUE_BLOCKS = new Set(['code', 'image']);

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
