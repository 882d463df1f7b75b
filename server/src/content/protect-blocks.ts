import { ProtectedBuilder } from './markers';
import { emitPlain } from './protect-text';
import type { InlineNode, LinkNode, ProtectedSegment, TextLeaf } from './types';

/**
 * Blocks (Strapi's JSON rich text): one segment per paragraph / heading / list item / quote, so the
 * translator gets whole sentences. A run of text with the same marks becomes a marks pair around its
 * text; a link becomes a link pair (its URL stays with us, never sent; its title, when it has one, is
 * translated as a slot). Inline code is not prose: it is kept whole, as markdown code spans are.
 */

export const marksOf = (leaf: TextLeaf): Record<string, unknown> => {
  const { type: _type, text: _text, ...marks } = leaf;
  return marks;
};

const marksKey = (marks: Record<string, unknown>) =>
  JSON.stringify(Object.entries(marks).sort(([a], [b]) => a.localeCompare(b)));
const hasMarks = (marks: Record<string, unknown>) => Object.keys(marks).length > 0;

/** Adjacent leaves with the same marks are one run (Slate would merge them too); empty leaves go. */
export const mergeRuns = (leaves: TextLeaf[]): TextLeaf[] => {
  const out: TextLeaf[] = [];
  for (const leaf of leaves) {
    if (!leaf.text) continue;
    const prev = out[out.length - 1];
    if (prev && marksKey(marksOf(prev)) === marksKey(marksOf(leaf))) prev.text += leaf.text;
    else out.push({ ...leaf });
  }
  return out;
};

const emitLeaves = (builder: ProtectedBuilder, leaves: TextLeaf[]) => {
  for (const leaf of mergeRuns(leaves)) {
    const marks = marksOf(leaf);
    if (marks.code) builder.standalone({ type: 'node', node: leaf });
    else if (!hasMarks(marks)) emitPlain(builder, leaf.text);
    else {
      const n = builder.open({ type: 'marks', marks });
      emitPlain(builder, leaf.text);
      builder.close(n);
    }
  }
};

export const protectBlocks = (nodes: InlineNode[]): ProtectedSegment => {
  const builder = new ProtectedBuilder();
  let leaves: TextLeaf[] = [];
  for (const node of nodes) {
    if (node.type === 'link') {
      emitLeaves(builder, leaves);
      leaves = [];
      const { children, ...link } = node as LinkNode;
      const n = builder.open({ type: 'link', link });
      emitLeaves(builder, children ?? []);
      builder.close(n);
      // A link's title is shown to readers (a tooltip): translated, right after the link's text.
      if (typeof link.title === 'string' && link.title.trim()) {
        const slot = builder.open({ type: 'slot', of: n });
        emitPlain(builder, link.title);
        builder.close(slot);
      }
    } else {
      leaves.push(node);
    }
  }
  emitLeaves(builder, leaves);
  return builder.build('blocks');
};
