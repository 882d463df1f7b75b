import { MARKER_PATTERN } from './markers';

/**
 * Gengo posts each finished job to the callback URL as a form field `job` holding the job as JSON,
 * `body_src` and `body_tgt` included, and refuses to call back above 60 KB. A segment is split so
 * that its chunks' callbacks stay under that limit whatever the translation's length and script,
 * at paragraph boundaries first, then sentence boundaries, then (last resort) between words.
 */
export const GENGO_CALLBACK_LIMIT = 60 * 1024;
/** The rest of the job JSON: ids, slug, comment (ours is short), custom_data (≤ 1 KB), status… */
const RESERVED = 8 * 1024;
/** A translation may be longer than its source (en→de ~1.3×, en→fi more): plan for 1.5×. */
const EXPANSION = 1.5;
/** Per target character in the callback: 3 for Latin scripts (accents, punctuation), 9 otherwise. */
const LATIN_TARGETS = /^(af|ca|cs|da|de|en|es|et|fi|fr|hr|hu|id|it|lt|lv|ms|nl|no|pl|pt|ro|sk|sl|sq|sv|tl|tr|vi)(-|$)/;
const targetCharCost = (lcTgt?: string) => (lcTgt && LATIN_TARGETS.test(lcTgt.toLowerCase()) ? 3 : 9);

/**
 * Bytes a string takes once JSON-encoded and then form-encoded. Counted per character as the worse
 * of `\uXXXX` escaping and UTF-8 percent-encoding, since we do not know which Gengo's side uses.
 */
export const callbackBytes = (text: string): number => {
  let bytes = 2; // the JSON quotes
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (/[A-Za-z0-9\-_.!~*'()]/.test(ch)) bytes += 1;
    else if (c < 0x80) bytes += ch === '"' || ch === '\\' || c < 0x20 ? 12 : 3;
    else if (c < 0x800) bytes += 8;
    else if (c < 0x10000) bytes += 9;
    else bytes += 16;
  }
  return bytes;
};

export type SplitOptions = { lcTgt?: string; limit?: number };

const chars = (text: string) => [...text].length;

const budget = ({ lcTgt, limit = GENGO_CALLBACK_LIMIT }: SplitOptions) => ({
  perChar: EXPANSION * targetCharCost(lcTgt),
  max: limit - RESERVED - 2,
});
const fits = (bytes: number, count: number, opts: SplitOptions) => {
  const { perChar, max } = budget(opts);
  return bytes + count * perChar <= max;
};

/** Whether a chunk's callback (source, then a translation of it) fits under the limit. */
export const fitsCallback = (text: string, opts: SplitOptions = {}): boolean =>
  fits(callbackBytes(text), chars(text), opts);

/** Pieces with the separators between them; markers are never cut (they have no whitespace). */
const cut = (text: string, separator: RegExp): { pieces: string[]; seps: string[] } => {
  const pieces: string[] = [];
  const seps: string[] = [];
  let last = 0;
  for (const m of text.matchAll(separator)) {
    const at = m.index! + (m[1] ? m[1].length : 0);
    const sep = m[0].slice(m[1] ? m[1].length : 0);
    if (at === 0 || at + sep.length >= text.length) continue;
    pieces.push(text.slice(last, at));
    seps.push(sep);
    last = at + sep.length;
  }
  pieces.push(text.slice(last));
  return { pieces, seps };
};

const PARAGRAPH = /\n[ \t]*\n\s*/g;
/** After sentence punctuation: the whitespace that follows (kept out of both jobs), or nothing (CJK). */
const SENTENCE = /([.!?…]["'”’)\]]*|[。！？])\s+|(?<=[。！？])/g;
const WORD = /\s+/g;
const LEVELS = [PARAGRAPH, SENTENCE, WORD];

export type Split = { chunks: string[]; separators: string[] };

const splitAt = (text: string, level: number, opts: SplitOptions): Split => {
  if (fitsCallback(text, opts)) return { chunks: [text], separators: [] };
  if (level >= LEVELS.length) return hardSplit(text, opts);
  const { pieces, seps } = cut(text, LEVELS[level]);
  // Greedy packing keeps jobs few; pieces packed together keep their separator, as in the source.
  const groups: Array<{ text: string; last: number }> = [];
  pieces.forEach((piece, i) => {
    const g = groups[groups.length - 1];
    if (g && fitsCallback(g.text + seps[i - 1] + piece, opts)) {
      g.text += seps[i - 1] + piece;
      g.last = i;
    } else groups.push({ text: piece, last: i });
  });
  const chunks: string[] = [];
  const separators: string[] = [];
  groups.forEach((g, gi) => {
    if (gi) separators.push(seps[groups[gi - 1].last]);
    const sub = splitAt(g.text, level + 1, opts);
    chunks.push(...sub.chunks);
    separators.push(...sub.separators);
  });
  return { chunks, separators };
};

/** No whitespace at all (a huge CJK sentence, a long token): cut by characters, never inside a marker. */
const hardSplit = (text: string, opts: SplitOptions): Split => {
  const atoms = text.split(new RegExp(`(${MARKER_PATTERN.source})`)).flatMap((p, i) => (i % 2 ? [p] : [...p]));
  const chunks: string[] = [];
  let current = '';
  let bytes = 2;
  let count = 0;
  for (const atom of atoms) {
    const b = callbackBytes(atom) - 2;
    const c = chars(atom);
    if (current && !fits(bytes + b, count + c, opts)) {
      chunks.push(current);
      current = '';
      bytes = 2;
      count = 0;
    }
    current += atom;
    bytes += b;
    count += c;
  }
  if (current) chunks.push(current);
  return { chunks, separators: chunks.slice(1).map(() => '') };
};

/**
 * Splits a protected text into chunks, one Gengo job each. Separators (the blank lines and spaces
 * between chunks) stay with us, so a translator trimming a job's edges cannot merge paragraphs.
 */
export const splitForGengo = (text: string, opts: SplitOptions = {}): Split => splitAt(text, 0, opts);

/** The translated chunks, in order, with the separators of the split. */
export const joinChunks = (chunks: string[], separators: string[]): string => {
  if (chunks.length !== separators.length + 1)
    throw new Error(`Expected ${separators.length + 1} chunks, got ${chunks.length}`);
  return chunks.map((c, i) => (i ? separators[i - 1] + c : c)).join('');
};
