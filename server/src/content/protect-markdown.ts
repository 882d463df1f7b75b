import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { definitionTitle, inlineTitle, proseAttributes } from './markdown-titles';
import { ProtectedBuilder } from './markers';
import { placeholderRanges, plainTextRanges } from './placeholders';
import { disjoint, subtract, type Range } from './ranges';
import type { ProtectedSegment } from './types';

/**
 * Markdown (richtext fields). A real CommonMark + GFM parser decides what is prose: only the source
 * ranges of its `text` nodes (and of image alt texts, of link, image and definition titles, of the
 * text between tags in raw HTML and of their `alt` / `title` attributes) are left to the translator.
 * Everything else — code spans and fences, link and image targets, reference labels and URLs,
 * autolinks and bare URLs, HTML tags and comments, heading / list / quote / table syntax — falls
 * between those ranges and is protected as it is in the source, byte for byte.
 * Delimiters of emphasis, strong, strikethrough, links and images become open/close pairs, so a
 * translator can move them with the words they cover but cannot unbalance them. A link's or an
 * image's title follows its pair as a slot: the restore puts it back inside the link's syntax
 * wherever the translator moved it.
 */

type MdNode = {
  type: string;
  children?: MdNode[];
  value?: string;
  position?: { start: { offset?: number }; end: { offset?: number } };
};
/**
 * `title`: the pair's title (a slot after the close marker; `tail` is the syntax after it). `quote`:
 * the character closing the quoted text inside the pair (or its title), escaped on restore.
 */
type Pair = { open: Range; close: Range; title?: Range; tail?: Range; quote?: string; html?: boolean };

const PAIRED = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference']);
/** Raw HTML whose content is not prose. */
const OPAQUE_HTML = /<(script|style|pre|code|textarea)\b/i;
const HTML_SYNTAX = [/<!--[\s\S]*?-->/g, /<\/?[A-Za-z][\w:-]*(?:\s[^<>]*)?\/?>/g];
/** The `>` markers of blockquote continuation lines fall inside a paragraph's text node range. */
const QUOTE_PREFIX = /\n((?:[ \t]*>)+[ \t]?)/g;

const start = (n: MdNode) => n.position?.start.offset ?? 0;
const end = (n: MdNode) => n.position?.end.offset ?? 0;
const nodeRange = (n: MdNode): Range => ({ start: start(n), end: end(n) });

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

const htmlProse = (source: string, node: MdNode, prose: Range[], pairs: Pair[], atoms: Range[]) => {
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
  // An alt or title value is a pair: from the previous cut to its opening quote, and its closing quote.
  const syntax: Range[] = [];
  for (const tag of tags) {
    let from = tag.start;
    let open = tag.start;
    for (const v of proseAttributes(source, tag)) {
      pairs.push({
        open: { start: open, end: v.start },
        close: { start: v.end, end: v.end + 1 },
        quote: v.char,
        html: true,
      });
      syntax.push({ start: from, end: v.start });
      from = v.end;
      open = v.end + 1;
    }
    syntax.push({ start: from, end: tag.end });
  }
  for (const r of subtract({ start: s, end: s + raw.length }, syntax)) {
    for (const kept of subtract(r, plainTextRanges(source.slice(r.start, r.end), r.start))) prose.push(kept);
  }
};

/** A link's or image's closing syntax split around its title, when it has one. */
const withTitle = (source: string, pair: Pair): Pair => {
  const title = inlineTitle(source, pair.close);
  if (!title) return pair;
  return {
    ...pair,
    close: { start: pair.close.start, end: title.start },
    title: { start: title.start, end: title.end },
    tail: { start: title.end, end: pair.close.end },
    quote: title.char,
  };
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
      htmlProse(source, node, prose, pairs, atoms);
      return;
    case 'definition': {
      // `[label]: url "title"`: the title is prose inside one pair; the label and URL are not.
      const title = (node as { title?: string | null }).title ? definitionTitle(source, nodeRange(node)) : null;
      if (title) {
        pairs.push({
          open: { start: start(node), end: title.start },
          close: { start: title.end, end: end(node) },
          quote: title.char,
        });
        prose.push({ start: title.start, end: title.end });
      }
      return;
    }
    case 'image':
    case 'imageReference': {
      const close = labelEnd(raw());
      if (raw().startsWith('![') && close > 2) {
        const s = start(node);
        pairs.push(withTitle(source, { open: { start: s, end: s + 2 }, close: { start: s + close, end: end(node) } }));
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
        if (first && last) {
          const pair = { open: { start: start(node), end: start(first) }, close: { start: end(last), end: end(node) } };
          pairs.push(node.type === 'link' ? withTitle(source, pair) : pair);
        }
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
  const text = (x: Range) => source.slice(x.start, x.end);
  /** A title after its pair's close marker: a slot, placeholders in it protected. */
  const emitTitle = (pair: Pair, n: number, title: Range, tail: Range) => {
    builder.amend(n, { tail: text(tail), quoted: { char: pair.quote! } });
    const slot = builder.open({ type: 'slot', of: n });
    let cur = title.start;
    for (const hole of placeholderRanges(text(title), title.start)) {
      builder.text(source.slice(cur, hole.start)).standalone({ type: 'text', text: text(hole) });
      cur = hole.end;
    }
    builder.text(source.slice(cur, title.end)).close(slot);
  };
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
      const { pair } = half;
      cur = i = r.end;
      if (half.role === 'open') {
        const quoted =
          pair.quote && !pair.title ? { quoted: { char: pair.quote, ...(pair.html ? { html: true } : {}) } } : {};
        numbers.set(pair, builder.open({ type: 'pair', open: text(pair.open), close: text(pair.close), ...quoted }));
      } else {
        builder.close(numbers.get(pair)!);
        if (pair.title && pair.tail && pair.tail.end <= to) {
          emitTitle(pair, numbers.get(pair)!, pair.title, pair.tail);
          cur = i = pair.tail.end;
        }
      }
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
