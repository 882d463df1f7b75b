import fc from 'fast-check';
import {
  buildTargetData,
  extractSegments,
  protectSegment,
  restoreSegment,
  type Attribute,
  type Part,
  type ProtectedSegment,
  type Schema,
  type Translations,
} from '../../../server/src/content';
import { protectMarkdown } from '../../../server/src/content/protect-markdown';
import { blocksValue, docOf, inlineNodes, markdownText, world, type World } from './arbitraries';

const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 150) };
// Hundreds of generated documents per property: seconds on a loaded machine, past jest's 5 s default.
jest.setTimeout(60_000);

// ---- A protected text as a tree: what a translator may legally do is permute siblings. ----------

type Item = { kind: 'text'; text: string } | { kind: 'one'; n: number } | { kind: 'pair'; n: number; children: Item[] };

const MARKER = /(\[\[\[<\/?\d+\/?>\]\]\])/;
const toTree = (text: string): Item[] => {
  const root: Item[] = [];
  const stack: Item[][] = [root];
  for (const [i, piece] of text.split(MARKER).entries()) {
    const top = stack[stack.length - 1];
    if (i % 2 === 0) {
      if (piece) top.push({ kind: 'text', text: piece });
      continue;
    }
    const [, slash, n, self] = /<(\/?)(\d+)(\/?)>/.exec(piece)!;
    if (self) top.push({ kind: 'one', n: Number(n) });
    else if (!slash) {
      const pair: Item = { kind: 'pair', n: Number(n), children: [] };
      top.push(pair);
      stack.push(pair.children);
    } else stack.pop();
  }
  return root;
};

const permute = <T>(items: T[], seed: number): T[] => {
  const out = [...items];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
};

/** The translator's side: prose "translated" (kept apart by «» so brackets never meet), siblings shuffled. */
const translate = (items: Item[], seed: number): Item[] =>
  permute(items, seed).map((it, i) =>
    it.kind === 'text'
      ? { kind: 'text', text: `«${it.text.toUpperCase()}»` }
      : it.kind === 'pair'
        ? { ...it, children: translate(it.children, seed + i + 1) }
        : it
  );

const renderMarkers = (items: Item[]): string =>
  items
    .map((it) =>
      it.kind === 'text'
        ? it.text
        : it.kind === 'one'
          ? `[[[<${it.n}/>]]]`
          : `[[[<${it.n}>]]]${renderMarkers(it.children)}[[[</${it.n}>]]]`
    )
    .join('');

/**
 * Our side, independently of restore.ts: each marker replaced by the stored part; a slot's text (a
 * title) put back after its pair's close, wherever the translator moved the slot.
 */
const renderParts = (items: Item[], parts: Map<number, Part>, slots = slotTexts(items, parts)): string =>
  items
    .map((it) => {
      if (it.kind === 'text') return it.text;
      const p = parts.get(it.n)!;
      if (it.kind === 'one') return (p as { text: string }).text;
      if (p.type === 'slot') return '';
      const pair = p as Extract<Part, { type: 'pair' }>;
      const title = pair.tail === undefined ? '' : slots.get(it.n)! + pair.tail;
      return pair.open + renderParts(it.children, parts, slots) + pair.close + title;
    })
    .join('');

const slotTexts = (items: Item[], parts: Map<number, Part>, out = new Map<number, string>()) => {
  for (const it of items) {
    if (it.kind !== 'pair') continue;
    const p = parts.get(it.n)!;
    if (p.type === 'slot') out.set(p.of, renderParts(it.children, parts, out));
    else slotTexts(it.children, parts, out);
  }
  return out;
};

/** The markdown protector itself: protectSegment's plain-text fallback must not hide a failure here. */
const protect = (kind: 'richtext' | 'text', source: string) =>
  kind === 'richtext' ? protectMarkdown(source) : protectSegment({ kind, source });

const MARKER_G = /\[\[\[<\/?\d+\/?>\]\]\]/g;

/** One change to one marker of a translation that is otherwise fine. */
const tamper = (text: string, pick: number, how: number, parts: Part[]): string => {
  const markers = [...text.matchAll(MARKER_G)];
  const m = markers[pick % markers.length];
  const [raw] = m;
  const at = m.index!;
  const n = Number(/\d+/.exec(raw)![0]);
  const replace = (by: string) => text.slice(0, at) + by + text.slice(at + raw.length);
  switch (how % 7) {
    case 0:
      return replace(''); // dropped
    case 1:
      return replace(raw + ' ' + raw); // duplicated
    case 2:
      return replace(raw.replace(/\d+/, String(parts.length + 1 + (pick % 5)))); // unknown number
    case 3:
      return replace(raw.replace(/\d+/, String((n % parts.length) + 1 === n ? n + 1 : (n % parts.length) + 1))); // another number
    case 4:
      return replace(
        raw.includes('/>')
          ? raw.replace('/>', '>')
          : raw.includes('</')
            ? raw.replace('</', '<')
            : raw.replace('>]]]', '/>]]]')
      ); // role changed
    case 5:
      return replace(raw.slice(1)); // a bracket lost
    default:
      return replace(raw.replace('<', '< ')); // "fixed" by hand
  }
};

describe('properties: markdown and plain text', () => {
  it('the markdown protector tiles the source: the identity translation gives it back byte for byte', () => {
    fc.assert(
      fc.property(markdownText, (source) => {
        const p = protectMarkdown(source);
        expect(restoreSegment(p, p.text)).toEqual(source.trim() ? { ok: true, value: source } : expect.anything());
        for (const part of p.parts)
          expect(
            part.type === 'pair' ? part.open && part.close : part.type === 'slot' ? part.of : (part as any).text
          ).toBeTruthy();
      }),
      RUNS
    );
  });

  it.each(['richtext', 'text'] as const)(
    '%s: a translation that moves markers restores the markup byte for byte',
    (kind) => {
      fc.assert(
        fc.property(markdownText, fc.integer(), (source, seed) => {
          fc.pre(source.trim() !== '');
          const p = protect(kind, source);
          const moved = translate(toTree(p.text), seed);
          const expected = renderParts(moved, new Map(p.parts.map((x) => [x.n, x])));
          expect(restoreSegment(p, renderMarkers(moved))).toEqual({ ok: true, value: expected });
        }),
        RUNS
      );
    }
  );

  it.each(['richtext', 'text'] as const)(
    '%s: a translation that alters, drops or duplicates a marker is always refused',
    (kind) => {
      fc.assert(
        fc.property(markdownText, fc.nat(), fc.nat(), fc.integer(), (source, pick, how, seed) => {
          const p = protect(kind, source);
          fc.pre(p.parts.length > 0);
          const good = renderMarkers(translate(toTree(p.text), seed));
          const r = restoreSegment(p, tamper(good, pick, how, p.parts));
          expect(r.ok).toBe(false);
        }),
        RUNS
      );
    }
  );
});

describe('properties: blocks', () => {
  const asTree = (p: ProtectedSegment) => toTree(p.text);

  it('the identity translation rebuilds the inline nodes exactly', () => {
    fc.assert(
      fc.property(inlineNodes, (nodes) => {
        const p = protectSegment({ kind: 'blocks', source: '', nodes });
        fc.pre(p.text.trim() !== '');
        expect(restoreSegment(p, p.text)).toEqual({ ok: true, value: nodes });
      }),
      RUNS
    );
  });

  it('moved markers keep each piece of text with its marks and link; the URL is never sent', () => {
    fc.assert(
      fc.property(inlineNodes, fc.integer(), (nodes, seed) => {
        const p = protectSegment({ kind: 'blocks', source: '', nodes });
        fc.pre(p.text.trim() !== '');
        expect(p.text).not.toContain('secret.example');
        const r = restoreSegment(p, renderMarkers(translate(asTree(p), seed)));
        expect(r.ok).toBe(true);
        const out = (r as { value: any[] }).value;
        // Same marked text, link by link, whatever the order.
        const marked = (ns: any[], link = ''): string[] =>
          ns.flatMap((n) =>
            n.type === 'link'
              ? marked(n.children, n.url)
              : n.text
                ? [`${link}|${['bold', 'italic', 'underline', 'strikethrough', 'code'].filter((m) => n[m]).join(',')}`]
                : []
          );
        expect(new Set(marked(out))).toEqual(new Set(marked(nodes)));
      }),
      RUNS
    );
  });

  it('a tampered marker is always refused', () => {
    fc.assert(
      fc.property(inlineNodes, fc.nat(), fc.nat(), fc.integer(), (nodes, pick, how, seed) => {
        const p = protectSegment({ kind: 'blocks', source: '', nodes });
        fc.pre(p.parts.length > 0);
        const good = renderMarkers(translate(asTree(p), seed));
        expect(restoreSegment(p, tamper(good, pick, how, p.parts)).ok).toBe(false);
      }),
      RUNS
    );
  });
});

// ---- Whole documents ------------------------------------------------------------------------------

const withoutIds = (value: unknown, attr: Attribute | undefined, components: Record<string, Schema>): unknown => {
  if (value === null || value === undefined || !attr) return value;
  if (attr.type === 'media') return Array.isArray(value) ? value.map((m: any) => m.id) : (value as any).id;
  const comp = (schema: Schema, v: any) => {
    const out: any = v.__component ? { __component: v.__component } : {};
    for (const [k, a] of Object.entries(schema.attributes)) if (k in v) out[k] = withoutIds(v[k], a, components);
    return out;
  };
  if (attr.type === 'component') {
    const schema = components[attr.component!];
    return Array.isArray(value) ? value.map((v) => comp(schema, v)) : comp(schema, value);
  }
  if (attr.type === 'dynamiczone') return (value as any[]).map((v) => comp(components[v.__component], v));
  return value;
};

const translations = (w: World, doc: any, fn: (t: string) => string, only?: Set<string>): Translations => {
  const out: Translations = {};
  for (const s of extractSegments(w.schema, doc, (uid) => w.components[uid])) {
    if (only && !s.paths.some((p) => only.has(p))) continue;
    const p = protectSegment(s);
    const r = restoreSegment(p, fn(p.text));
    if (!r.ok) throw new Error((r as any).reason);
    for (const path of s.paths) out[path] = r.value;
  }
  return out;
};

const docArb = world.chain((w) => docOf(w.schema, w.components).map((doc) => ({ w, doc })));
const localizedKeys = (w: World) =>
  Object.entries(w.schema.attributes)
    .filter(([, a]) => a.pluginOptions?.i18n?.localized)
    .map(([k]) => k);

describe('properties: extract → translate → merge', () => {
  it('the identity translation reproduces every localized field exactly, and no other', () => {
    fc.assert(
      fc.property(docArb, ({ w, doc }) => {
        const { data, skipped } = buildTargetData({
          schema: w.schema,
          getComponent: (uid) => w.components[uid],
          source: doc,
          translations: translations(w, doc, (t) => t),
        });
        expect(skipped).toEqual([]);
        const expected = Object.fromEntries(
          localizedKeys(w).map((k) => [k, withoutIds(doc[k], w.schema.attributes[k], w.components)])
        );
        expect(data).toEqual(expected);
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 120) }
    );
  });

  it('merging a subset of segments into an existing target changes only their paths', () => {
    fc.assert(
      fc.property(docArb, fc.integer(), ({ w, doc }, seed) => {
        const getComponent = (uid: string) => w.components[uid];
        const first = buildTargetData({
          schema: w.schema,
          getComponent,
          source: doc,
          translations: translations(w, doc, (t) => t.replace(/[a-z]/g, 'v')),
        }).data;
        const all = extractSegments(w.schema, doc, getComponent).flatMap((s) => s.paths);
        const subset = new Set(permute(all, seed).slice(0, Math.ceil(all.length / 2)));
        const second = translations(w, doc, (t) => `«${t}»`, subset);
        const { data } = buildTargetData({
          schema: w.schema,
          getComponent,
          source: doc,
          existingTarget: first,
          translations: second,
        });
        // Read both documents back through the same paths (extracting them again).
        const at = (d: any) =>
          Object.fromEntries(
            extractSegments(w.schema, d, getComponent).flatMap((s) => s.paths.map((p) => [p, s.nodes ?? s.source]))
          );
        const merged = at({ ...first, ...data });
        const before = at(first);
        for (const path of all) expect(merged[path]).toEqual(path in second ? second[path] : before[path]);
        for (const key of Object.keys(data)) expect(localizedKeys(w)).toContain(key);
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 100) }
    );
  });

  it('blocks fields survive whatever their nesting', () => {
    fc.assert(
      fc.property(blocksValue, (content) => {
        const schema: Schema = {
          attributes: { content: { type: 'blocks', pluginOptions: { i18n: { localized: true } } } },
        };
        const w: World = { schema, components: {} };
        const { data } = buildTargetData({
          schema,
          getComponent: () => undefined,
          source: { content },
          translations: translations(w, { content }, (t) => t),
        });
        expect(data).toEqual({ content });
      }),
      RUNS
    );
  });
});
