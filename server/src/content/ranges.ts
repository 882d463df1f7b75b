/** Half-open `[start, end)` ranges of a string, and the few operations the protectors need. */
export type Range = { start: number; end: number };

export const collect = (text: string, patterns: RegExp[], offset = 0, group = 0): Range[] => {
  const out: Range[] = [];
  for (const re of patterns) {
    for (const m of text.matchAll(re)) {
      const g = m[group] ?? m[0];
      const start = m.index! + m[0].indexOf(g);
      if (g.length) out.push({ start: offset + start, end: offset + start + g.length });
    }
  }
  return out;
};

/** Sorted, without overlaps: an earlier (then longer) range wins over one it overlaps. */
export const disjoint = (ranges: Range[]): Range[] => {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Range[] = [];
  for (const r of sorted) if (r.end > r.start && (!out.length || r.start >= out[out.length - 1].end)) out.push(r);
  return out;
};

/** `range` minus the (disjoint, sorted) `holes`. */
export const subtract = (range: Range, holes: Range[]): Range[] => {
  const out: Range[] = [];
  let cur = range.start;
  for (const h of holes) {
    if (h.end <= cur || h.start >= range.end) continue;
    if (h.start > cur) out.push({ start: cur, end: h.start });
    cur = Math.max(cur, h.end);
  }
  if (cur < range.end) out.push({ start: cur, end: range.end });
  return out;
};
