import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { ProtectedBuilder } from './markers';
import { placeholderRanges, plainTextRanges } from './placeholders';
import { disjoint, subtract, type Range } from './ranges';
import type { ProtectedSegment } from './types';

/**
 * Markdown (richtext fields). A real CommonMark + GFM parser decides what is prose: only the source
 * ranges of its `text` nodes (and of image alt texts and of the text between tags in raw HTML) are
 * left to the translator. Everything else — code spans and fences, link and image targets,
 * reference definitions, autolinks and bare URLs, HTML tags and comments, heading / list / quote /
 * table syntax — falls between those ranges and is protected as it is in the source, byte for byte.
 * Delimiters of emphasis, strong, strikethrough, links and images become open/close pairs, so a
 * translator can move them with the words they cover but cannot unbalance them.
 */

type MdNode = {
  type: string;
  children?: MdNode[];
  value?: string;
  position?: { start: { offset?: number }; end: { offset?: number } };
};
type Pair = { open: Range; close: Range };

const PAIRED = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference']);
/** Raw HTML whose content is not prose. */
const OPAQUE_HTML = /<(script|style|pre|code|textarea)\b/i;
const HTML_SYNTAX = [/<!--[\s\S]*?-->/g, /<\/?[A-Za-z][\w:-]*(?:\s[^<>]*)?\/?>/g];
/** The `>` markers of blockquote continuation lines fall inside a paragraph's text node range. */
const QUOTE_PREFIX = /\n((?:[ \t]*>)+[ \t]?)/g;

const start = (n: MdNode) => n.position?.start.offset ?? 0;
const end = (n: MdNode) => n.position?.end.offset ?? 0;

/** End of the `![alt]` label: the `]` that balances the opening bracket, honouring escapes. */
const labelEnd = (raw: string): number => {
  let depth = 0;
  for (let i = 1; i < raw.length; i++) {
    if (raw[i] === '\\') i++;
    else if (raw[i] === '[') depth++;
    else if (raw[i] === ']' && --depth === 0) return i;
  }
  return -1;
};

const htmlProse = (source: string, node: MdNode, prose: Range[], atoms: Range[]) => {
  const s = start(node);
  const raw = source.slice(s, end(node));
  if (raw !== node.value || OPAQUE_HTML.test(raw)) {
    atoms.push({ start: s, end: end(node) });
    return;
  }
  const tags = disjoint(
    HTML_SYNTAX.flatMap((re) =>
      [...raw.matchAll(re)].map((m) => ({ start: s + m.index!, end: s + m.index! + m[0].length }))
    )
  );
  for (const r of subtract({ start: s, end: s + raw.length }, tags)) {
    for (const kept of subtract(r, plainTextRanges(source.slice(r.start, r.end), r.start))) prose.push(kept);
  }
};

/** Nodes protected as one part even across lines: code blocks, front matter, math. */
const ATOMIC = new Set(['code', 'yaml', 'toml', 'math']);

const visit = (source: string, node: MdNode, prose: Range[], pairs: Pair[], atoms: Range[]): void => {
  const raw = () => source.slice(start(node), end(node));
  switch (node.type) {
    case 'text':
      prose.push({ start: start(node), end: end(node) });
      return;
    case 'html':
      htmlProse(source, node, prose, atoms);
      return;
    case 'image':
    case 'imageReference': {
      const close = labelEnd(raw());
      if (raw().startsWith('![') && close > 2) {
        const s = start(node);
        pairs.push({ open: { start: s, end: s + 2 }, close: { start: s + close, end: end(node) } });
        prose.push({ start: s + 2, end: s + close });
      }
      return;
    }
    default:
      if (ATOMIC.has(node.type)) atoms.push({ start: start(node), end: end(node) });
      if (!node.children) return; // inlineCode, code, definition, thematicBreak…: all protected
      if (PAIRED.has(node.type)) {
        // Autolinks (`<https://…>`, GFM bare URLs and e-mails) are links that do not start with `[`.
        if ((node.type === 'link' || node.type === 'linkReference') && !raw().startsWith('[')) return;
        const first = node.children[0];
        const last = node.children[node.children.length - 1];
        if (first && last)
          pairs.push({ open: { start: start(node), end: start(first) }, close: { start: end(last), end: end(node) } });
      }
      for (const child of node.children) visit(source, child, prose, pairs, atoms);
  }
};

/**
 * Protected text between two prose ranges. Newlines stay visible (outside the markers) so that the
 * translator sees paragraphs and lines as such; a code block stays one part, newlines included.
 */
const emitSyntax = (builder: ProtectedBuilder, source: string, from: number, to: number, atoms: Range[]) => {
  const lines = (text: string) =>
    text.split(/([ \t]*\n(?:[ \t]*\n)*)/).forEach((piece, i) => {
      if (i % 2 === 1 || piece.trim() === '') builder.text(piece);
      else builder.standalone({ type: 'text', text: piece });
    });
  let cur = from;
  for (const a of atoms) {
    if (a.end <= cur || a.start >= to) continue;
    const s = Math.max(a.start, cur);
    const e = Math.min(a.end, to);
    lines(source.slice(cur, s));
    builder.standalone({ type: 'text', text: source.slice(s, e) });
    cur = e;
  }
  lines(source.slice(cur, to));
};

export const protectMarkdown = (source: string): ProtectedSegment => {
  const tree = fromMarkdown(source, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }) as MdNode;
  const rawProse: Range[] = [];
  const pairs: Pair[] = [];
  const atoms: Range[] = [];
  visit(source, tree, rawProse, pairs, atoms);

  const prose = disjoint(rawProse).flatMap((r) => {
    const text = source.slice(r.start, r.end);
    const holes = disjoint([
      ...placeholderRanges(text, r.start),
      ...[...text.matchAll(QUOTE_PREFIX)].map((m) => ({
        start: r.start + m.index! + 1,
        end: r.start + m.index! + m[0].length,
      })),
    ]);
    return subtract(r, holes);
  });

  // Pair halves, keyed by where they start; a half that is not exactly a piece of syntax between
  // prose ranges (which the parser should never produce) drops its pair back to standalone parts.
  const halves = new Map<number, { pair: Pair; role: 'open' | 'close' }>();
  const inProse = (r: Range) => prose.some((p) => p.start < r.end && r.start < p.end);
  for (const pair of pairs) {
    if (pair.open.end <= pair.open.start || pair.close.end <= pair.close.start) continue;
    if (inProse(pair.open) || inProse(pair.close)) continue;
    halves.set(pair.open.start, { pair, role: 'open' });
    halves.set(pair.close.start, { pair, role: 'close' });
  }

  const builder = new ProtectedBuilder();
  const numbers = new Map<Pair, number>();
  const emitGap = (from: number, to: number) => {
    let cur = from;
    let i = from;
    while (i < to) {
      const half = halves.get(i);
      const r = half && (half.role === 'open' ? half.pair.open : half.pair.close);
      if (!half || !r || r.end > to || (half.role === 'close' && !numbers.has(half.pair))) {
        i++;
        continue;
      }
      emitSyntax(builder, source, cur, i, atoms);
      if (half.role === 'open') {
        const text = (x: Range) => source.slice(x.start, x.end);
        numbers.set(
          half.pair,
          builder.open({ type: 'pair', open: text(half.pair.open), close: text(half.pair.close) })
        );
      } else {
        builder.close(numbers.get(half.pair)!);
      }
      cur = i = r.end;
    }
    emitSyntax(builder, source, cur, to, atoms);
  };

  let pos = 0;
  for (const r of prose) {
    emitGap(pos, r.start);
    builder.text(source.slice(r.start, r.end));
    pos = r.end;
  }
  emitGap(pos, source.length);
  return builder.build('richtext');
};
