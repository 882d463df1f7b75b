import { checkMarkers, tokenize, type Token } from './markers';
import { mergeRuns } from './protect-blocks';
import type { InlineNode, LinkNode, Part, ProtectedSegment, RestoreResult, TextLeaf } from './types';

const refuse = (reason: string) => ({ ok: false as const, reason });

const restoreString = (tokens: Token[], parts: Map<number, Part>): string =>
  tokens
    .map((t) => {
      if (t.kind === 'text') return t.text;
      const p = parts.get(t.n)!;
      if (p.type === 'text') return p.text;
      if (p.type === 'pair') return t.kind === 'open' ? p.open : p.close;
      throw new Error(`Part ${t.n} of type ${p.type} in a text segment`);
    })
    .join('');

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

const restoreInline = (tokens: Token[], parts: Map<number, Part>): RestoreResult<InlineNode[]> => {
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
