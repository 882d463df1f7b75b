import type { Range } from './ranges';

/**
 * Where the prose hides inside markdown and HTML syntax: the title of a link, an image or a
 * reference definition (`[text](url "title")`, `![alt](src 'title')`, `[ref]: url (title)`), and
 * the `alt` / `title` attributes of raw HTML tags. Readers see them (tooltips, alt text for screen
 * readers and broken images), so they are translated; the URLs around them stay protected.
 * Offsets are into the whole source; the parsers follow CommonMark's link syntax.
 */

/** A quoted value: its content range and the character that closes it (`"`, `'` or `)`). */
export type QuotedRange = Range & { char: string };

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/**
 * The title in `destination title?`, between `from` and `to` (a link's `(…)` content, or what
 * follows a definition's `label:`). Null without a title, or when it is empty.
 */
export const titleIn = (source: string, from: number, to: number): QuotedRange | null => {
  let i = from;
  while (i < to && isSpace(source[i])) i++;
  if (source[i] === '<') {
    while (i < to && source[i] !== '>') i += source[i] === '\\' ? 2 : 1;
    i++;
  } else {
    let depth = 0;
    while (i < to && !isSpace(source[i])) {
      if (source[i] === '\\') i++;
      else if (source[i] === '(') depth++;
      else if (source[i] === ')' && depth-- === 0) break;
      i++;
    }
  }
  if (i >= to || !isSpace(source[i])) return null;
  while (i < to && isSpace(source[i])) i++;
  const char = { '"': '"', "'": "'", '(': ')' }[source[i]];
  if (!char) return null;
  const start = i + 1;
  for (let j = start; j < to; j++) {
    if (source[j] === '\\') j++;
    else if (source[j] === char) return j > start && source.slice(start, j).trim() ? { start, end: j, char } : null;
  }
  return null;
};

/** The title of an inline link or image whose closing syntax `](…)` spans `close`. */
export const inlineTitle = (source: string, close: Range): QuotedRange | null => {
  if (source.slice(close.start, close.start + 2) !== '](' || source[close.end - 1] !== ')') return null;
  return titleIn(source, close.start + 2, close.end - 1);
};

/** The title of a reference definition `[label]: destination "title"` spanning `node`. */
export const definitionTitle = (source: string, node: Range): QuotedRange | null => {
  for (let i = node.start + 1; i < node.end; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === ']') return source[i + 1] === ':' ? titleIn(source, i + 2, node.end) : null;
  }
  return null;
};

/** Attributes whose values are prose. */
const PROSE_ATTRIBUTES = new Set(['alt', 'title']);
const TAG_NAME = /^<[A-Za-z][\w:-]*/;
const ATTRIBUTE = /\s+([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|[^\s"'=<>`]+))?/y;

/** The quoted `alt` and `title` values of an HTML start tag spanning `tag`. */
export const proseAttributes = (source: string, tag: Range): QuotedRange[] => {
  const raw = source.slice(tag.start, tag.end);
  const name = TAG_NAME.exec(raw);
  if (!name) return [];
  const out: QuotedRange[] = [];
  ATTRIBUTE.lastIndex = name[0].length;
  let m: RegExpExecArray | null;
  while ((m = ATTRIBUTE.exec(raw)) !== null) {
    const value = m[2] ?? m[3];
    if (value === undefined || !PROSE_ATTRIBUTES.has(m[1].toLowerCase()) || !value.trim()) continue;
    const end = tag.start + m.index + m[0].length - 1;
    out.push({ start: end - value.length, end, char: m[2] !== undefined ? '"' : "'" });
  }
  return out;
};
