import type { Part, ProtectedSegment, SegmentKind } from './types';

/**
 * Marker format. A protected part becomes `[[[<N/>]]]`, and a pair of parts around translatable
 * text (a link's `[` and `](url)`, bold, a blocks link) becomes `[[[<N>]]]…[[[</N>]]]`.
 * - Triple brackets: Gengo shows the content as "do not translate" and leaves it out of the unit
 *   count (API overview, "Escaping text from a job").
 * - Only a number inside: nothing to translate or "fix", no URL leaves our side, and the restore
 *   takes what a number stands for from our stored copy — never from the translator's text.
 * - Tag-like open/close: translators know them from CAT tools; they may move them (word order),
 *   and we can still check that pairs stay balanced and properly nested.
 */
export const markerStandalone = (n: number) => `[[[<${n}/>]]]`;
export const markerOpen = (n: number) => `[[[<${n}>]]]`;
export const markerClose = (n: number) => `[[[</${n}>]]]`;

const MARKER = /\[\[\[<(\/?)(\d+)(\/?)>\]\]\]/g;
/** Any marker, for stripping (unit counts) and checks. */
export const MARKER_PATTERN = /\[\[\[<\/?\d+\/?>\]\]\]/g;

export type Token = { kind: 'text'; text: string } | { kind: 'standalone' | 'open' | 'close'; n: number };

export type Tokenized = { ok: true; tokens: Token[] } | { ok: false; reason: string };

const snippet = (s: string, at: number) => JSON.stringify(s.slice(Math.max(0, at - 15), at + 25));

export const tokenize = (text: string): Tokenized => {
  const tokens: Token[] = [];
  let last = 0;
  const pushText = (t: string) => t && tokens.push({ kind: 'text', text: t });
  for (const m of text.matchAll(MARKER)) {
    const [raw, slash, num, selfClose] = m;
    const at = m.index!;
    if (slash && selfClose) return { ok: false, reason: `marker altered near ${snippet(text, at)}` };
    pushText(text.slice(last, at));
    tokens.push({ kind: slash ? 'close' : selfClose ? 'standalone' : 'open', n: Number(num) });
    last = at + raw.length;
  }
  pushText(text.slice(last));
  // Whatever still looks like a marker after the valid ones are taken out was altered.
  for (const t of tokens) {
    if (t.kind !== 'text') continue;
    const bad = t.text.search(/\[\[\[|\]\]\]/);
    if (bad >= 0) return { ok: false, reason: `marker altered near ${snippet(t.text, bad)}` };
  }
  return { ok: true, tokens };
};

const isPairPart = (p: Part) => p.type === 'pair' || p.type === 'marks' || p.type === 'link' || p.type === 'slot';

/**
 * Every stored part exactly once, in its role, pairs opened before closed and properly nested.
 * Order between markers is free: word order differs between languages.
 */
export const checkMarkers = (tokens: Token[], parts: Part[]): string | null => {
  const byNumber = new Map(parts.map((p) => [p.n, p]));
  const seen = new Map<number, Set<string>>();
  const stack: number[] = [];
  for (const t of tokens) {
    if (t.kind === 'text') continue;
    const part = byNumber.get(t.n);
    if (!part) return `unknown marker ${t.n}`;
    const role = t.kind;
    if (isPairPart(part) === (role === 'standalone')) return `marker ${t.n} altered (used as ${role})`;
    const roles = seen.get(t.n) ?? new Set<string>();
    if (roles.has(role)) return `marker ${t.n} duplicated`;
    roles.add(role);
    seen.set(t.n, roles);
    // A title holds text only: we put it back into its link ourselves, so nothing else may ride along.
    const inSlot = stack.some((n) => byNumber.get(n)!.type === 'slot');
    if (inSlot && (role === 'open' || part.type === 'node'))
      return `marker ${t.n} placed inside a title (marker ${stack[stack.length - 1]})`;
    if (role === 'open') stack.push(t.n);
    if (role === 'close') {
      if (!roles.has('open')) return `marker ${t.n} closed before it is opened`;
      if (stack[stack.length - 1] !== t.n) return `marker ${t.n} closed across marker ${stack[stack.length - 1]}`;
      stack.pop();
    }
  }
  if (stack.length) return `marker ${stack[stack.length - 1]} not closed`;
  for (const p of parts) {
    const roles = seen.get(p.n);
    if (!roles) return `marker ${p.n} missing`;
    if (isPairPart(p) && !roles.has('close')) return `marker ${p.n} not closed`;
  }
  return null;
};

type PartData = Part extends infer P ? (P extends Part ? Omit<P, 'n'> : never) : never;

/** Builds the text sent to Gengo and the stored parts, numbering parts in order of appearance. */
export class ProtectedBuilder {
  private out = '';
  private parts: Part[] = [];

  text(t: string): this {
    this.out += t;
    return this;
  }

  standalone(part: PartData & { type: 'text' | 'node' }): this {
    const n = this.parts.length + 1;
    this.parts.push({ ...part, n } as Part);
    this.out += markerStandalone(n);
    return this;
  }

  open(part: PartData & { type: 'pair' | 'marks' | 'link' | 'slot' }): number {
    const n = this.parts.length + 1;
    this.parts.push({ ...part, n } as Part);
    this.out += markerOpen(n);
    return n;
  }

  /** Adds to a part already numbered (what follows a pair's close is known only when it is reached). */
  amend(n: number, fields: Partial<PartData>): this {
    Object.assign(this.parts[n - 1], fields);
    return this;
  }

  close(n: number): this {
    this.out += markerClose(n);
    return this;
  }

  build(kind: SegmentKind): ProtectedSegment {
    return { kind, text: this.out, parts: this.parts };
  }
}
