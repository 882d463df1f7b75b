/**
 * What changed between two versions of a translation, word by word (the previous revision and the
 * one under review): a longest common subsequence over words and spaces. Long texts past the
 * table's budget are shown as replaced whole rather than computed slowly in the browser.
 */
export type DiffOp = 'same' | 'added' | 'removed';
export interface DiffPart {
  op: DiffOp;
  text: string;
}

const MAX_CELLS = 400_000;

const words = (text: string) => text.split(/(\s+)/).filter((w) => w !== '');

export const wordDiff = (before: string, after: string): DiffPart[] => {
  const a = words(before);
  const b = words(after);
  const out: DiffPart[] = [];
  const push = (op: DiffOp, text: string) => {
    const last = out[out.length - 1];
    if (last && last.op === op) last.text += text;
    else out.push({ op, text });
  };
  if (a.length * b.length > MAX_CELLS) {
    if (before) push('removed', before);
    if (after) push('added', after);
    return out;
  }
  // lcs[i][j]: the common length of a[i..] and b[j..].
  const lcs = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i -= 1)
    for (let j = b.length - 1; j >= 0; j -= 1)
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push('same', a[i]);
      i += 1;
      j += 1;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
      push('removed', a[i]);
      i += 1;
    } else {
      push('added', b[j]);
      j += 1;
    }
  }
  for (; i < a.length; i += 1) push('removed', a[i]);
  for (; j < b.length; j += 1) push('added', b[j]);
  return out;
};
