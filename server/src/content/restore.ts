import { checkMarkers, tokenize, type Token } from './markers';
import { mergeRuns } from './protect-blocks';
import type { InlineNode, LinkNode, Part, ProtectedSegment, Quoted, RestoreResult, TextLeaf } from './types';

const refuse = (reason: string) => ({ ok: false as const, reason });

/** Backslashes before position `i`: an odd count escapes the character there. */
const escaped = (text: string, i: number): boolean => {
  let n = 0;
  while (i - n > 0 && text[i - n - 1] === '\\') n++;
  return n % 2 === 1;
};

/**
 * The translator's text made safe inside its quotes: a quote character of theirs would end a
 * markdown title or an HTML attribute early. Text that was already valid there is left as it is,
 * so the identity translation gives the source back.
 */
export const escapeQuoted = (text: string, quoted: Quoted | undefined): string => {
  if (!quoted) return text;
  if (quoted.html) return text.split(quoted.char).join(quoted.char === '"' ? '&quot;' : '&#39;');
  const chars = quoted.char === ')' ? '()' : quoted.char;
  let out = '';
  for (let i = 0; i < text.length; i++) out += chars.includes(text[i]) && !escaped(text, i) ? `\\${text[i]}` : text[i];
  return out;
};

/** The text of each slot (title), by the part it goes back into; the slot's tokens are left out. */
const takeSlots = (tokens: Token[], parts: Map<number, Part>): { rest: Token[]; slots: Map<number, string> } => {
  const slots = new Map<number, string>();
  const rest: Token[] = [];
  let slot: Extract<Part, { type: 'slot' }> | null = null;
  for (const t of tokens) {
    const p = t.kind === 'text' ? null : parts.get(t.n)!;
    if (p?.type === 'slot') {
      slot = t.kind === 'open' ? p : null;
      if (t.kind === 'open') slots.set(p.of, '');
      continue;
    }
    if (!slot) rest.push(t);
    // checkMarkers lets only text and standalone text parts into a slot.
    else slots.set(slot.of, slots.get(slot.of)! + (t.kind === 'text' ? t.text : (p as { text: string }).text));
  }
  return { rest, slots };
};

const restoreString = (tokens: Token[], parts: Map<number, Part>): string => {
  const { rest, slots } = takeSlots(tokens, parts);
  const quotes: Array<Quoted | undefined> = [];
  return rest
    .map((t) => {
      if (t.kind === 'text') return escapeQuoted(t.text, [...quotes].reverse().find(Boolean));
      const p = parts.get(t.n)!;
      if (p.type === 'text') return p.text;
      if (p.type === 'pair') {
        if (t.kind === 'open') {
          quotes.push(p.tail === undefined ? p.quoted : undefined);
          return p.open;
        }
        quotes.pop();
        if (p.tail === undefined) return p.close;
        return p.close + escapeQuoted(slots.get(p.n) ?? '', p.quoted) + p.tail;
      }
      throw new Error(`Part ${t.n} of type ${p.type} in a text segment`);
    })
    .join('');
};

/** Slate's own normalization: merged runs, a text leaf on each side of a link, never no child. */
export const normalizeInline = (nodes: InlineNode[]): InlineNode[] => {
  const out: InlineNode[] = [];
  let run: TextLeaf[] = [];
  const flush = () => {
    out.push(...mergeRuns(run));
    run = [];
  };
  for (const node of nodes) {
    if (node.type !== 'link') {
      run.push(node);
      continue;
    }
    flush();
    if (!out.length || out[out.length - 1].type === 'link') out.push({ type: 'text', text: '' });
    const children = mergeRuns(node.children);
    out.push({ ...node, children: children.length ? children : [{ type: 'text', text: '' }] });
  }
  flush();
  if (!out.length || out[out.length - 1].type === 'link') out.push({ type: 'text', text: '' });
  return out;
};

const restoreInline = (all: Token[], parts: Map<number, Part>): RestoreResult<InlineNode[]> => {
  const { rest: tokens, slots } = takeSlots(all, parts);
  const top: InlineNode[] = [];
  const stack: Part[] = [];
  let link: LinkNode | null = null;
  let buffer = '';
  const container = () => (link ? link.children : top) as InlineNode[];
  const flush = () => {
    if (!buffer) return;
    const marks = Object.assign({}, ...stack.map((p) => (p.type === 'marks' ? p.marks : {})));
    container().push({ type: 'text', text: buffer, ...marks });
    buffer = '';
  };
  for (const t of tokens) {
    if (t.kind === 'text') {
      buffer += t.text;
      continue;
    }
    const p = parts.get(t.n)!;
    if (t.kind === 'standalone') {
      if (p.type === 'text') buffer += p.text;
      else if (p.type === 'node') {
        flush();
        if (link) container().push({ ...p.node });
        else top.push({ ...p.node });
      }
      continue;
    }
    flush();
    if (t.kind === 'open') {
      if (p.type === 'link') {
        if (link) return refuse(`marker ${t.n} (a link) placed inside another link`);
        link = Object.assign({}, p.link, { type: 'link' as const, children: [] as TextLeaf[] }) as LinkNode;
        if (slots.has(p.n)) link.title = slots.get(p.n);
        top.push(link);
      }
      stack.push(p);
    } else {
      stack.pop();
      if (p.type === 'link') link = null;
    }
  }
  flush();
  return { ok: true, value: normalizeInline(top) };
};

/**
 * Rebuilds a segment from Gengo's `body_tgt`: the translator's text between the markers, and for
 * each marker our stored part with that number. Refused, with the reason, when a marker is missing,
 * duplicated, unknown, altered or unbalanced — the caller then writes nothing for that segment.
 */
export const restoreSegment = (segment: ProtectedSegment, bodyTgt: string): RestoreResult => {
  if (typeof bodyTgt !== 'string' || bodyTgt.trim() === '') return refuse('no translated text');
  const tokenized = tokenize(bodyTgt);
  if (tokenized.ok === false) return refuse(tokenized.reason);
  const problem = checkMarkers(tokenized.tokens, segment.parts);
  if (problem) return refuse(problem);
  const parts = new Map(segment.parts.map((p) => [p.n, p]));
  if (segment.kind === 'blocks') return restoreInline(tokenized.tokens, parts);
  return { ok: true, value: restoreString(tokenized.tokens, parts) };
};
