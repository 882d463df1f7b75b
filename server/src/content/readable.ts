import { tokenize } from './markers';
import type { Part } from './types';

/**
 * A text as a reviewer reads it: runs of words the translator worked on, and runs we protected
 * (markup, code, URLs kept on our side), shown as they will be written. Readable for every kind:
 * a markdown link's `[` and `](url)` are kept runs around its translated words; a blocks segment's
 * marks and links have no characters of their own (its code leaves do).
 */
export interface ReadableRun {
  text: string;
  /** A protected part: the translator did not change it (our stored copy is what gets written). */
  kept?: true;
}

const PAIR_TYPES = new Set(['pair', 'marks', 'link', 'slot']);

/** What a part shows where its marker stands: open, close, or the whole of a standalone part. */
const shown = (part: Part, role: 'standalone' | 'open' | 'close'): string => {
  if (part.type === 'text') return part.text;
  if (part.type === 'node') return part.node.text;
  if (part.type === 'pair') return role === 'open' ? part.open : role === 'close' ? part.close + (part.tail ?? '') : '';
  return '';
};

/**
 * The runs of a protected text (what went to Gengo, or the translator's answer with its markers).
 * A title inside a markdown link or image (a slot) is read back into its link, between the
 * link's address and its closing parenthesis, as the restore writes it. Null when a marker is
 * unknown or altered: then the caller shows the text as it came.
 */
export const readableRuns = (parts: Part[], text: string): ReadableRun[] | null => {
  const tokenized = tokenize(text);
  if (tokenized.ok === false) return null;
  const byNumber = new Map(parts.map((p) => [p.n, p]));
  const runs: ReadableRun[] = [];
  const push = (t: string, kept: boolean) => {
    if (!t) return;
    const last = runs[runs.length - 1];
    if (last && Boolean(last.kept) === kept) last.text += t;
    else runs.push(kept ? { text: t, kept: true } : { text: t });
  };
  // Titles of markdown pairs, taken out of where the translator put them.
  const titles = new Map<number, string>();
  const rest: typeof tokenized.tokens = [];
  let slotOf: number | null = null;
  for (const token of tokenized.tokens) {
    const part = token.kind === 'text' ? null : byNumber.get(token.n);
    if (token.kind !== 'text' && !part) return null;
    if (part?.type === 'slot' && byNumber.get(part.of)?.type === 'pair') {
      slotOf = token.kind === 'open' ? part.of : null;
      if (slotOf !== null) titles.set(slotOf, '');
      continue;
    }
    if (slotOf === null) rest.push(token);
    else titles.set(slotOf, titles.get(slotOf)! + (token.kind === 'text' ? token.text : shown(part!, token.kind)));
  }
  for (const token of rest) {
    if (token.kind === 'text') {
      push(token.text, false);
      continue;
    }
    const part = byNumber.get(token.n)!;
    if (PAIR_TYPES.has(part.type) === (token.kind === 'standalone')) return null;
    if (part.type === 'pair' && token.kind === 'close' && titles.has(part.n)) {
      push(part.close, true);
      push(titles.get(part.n)!, false);
      push(part.tail ?? '', true);
    } else push(shown(part, token.kind), true);
  }
  return runs;
};
