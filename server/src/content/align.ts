/**
 * Lines two lists up without guessing: entry i of `expected` is matched to entry j of `current`
 * only when every longest way of matching the lists in order (a longest common subsequence under
 * `same`) matches i to j. An entry that could go to two places (two `faq` sections where there
 * was one), or that only some of the best matchings keep (entries swapped), gets null.
 *
 * With ids in `same`, this tells a moved entry (outside every best matching) from the ones that
 * stayed in order; without ids, entries are told apart by their type alone, and a list a person
 * reordered or filled with more of the same type leaves them unmatched.
 *
 * O(n·m) time and memory: lists of components and blocks hold dozens of entries, a few hundred at
 * most.
 */
export const forcedMatches = <A, B>(
  expected: readonly A[],
  current: readonly B[],
  same: (a: A, b: B) => boolean
): Array<number | null> => {
  const n = expected.length;
  const m = current.length;
  // Unchanged lists (the usual case): a matching of every entry must keep each in its place.
  if (n === m && expected.every((e, i) => same(e, current[i]))) return expected.map((_, i) => i);
  const width = m + 1;
  const eq = new Uint8Array(n * m);
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) eq[i * m + j] = same(expected[i], current[j]) ? 1 : 0;
  // pre[i][j]: the longest matching of expected[0..i) with current[0..j); suf[i][j]: of expected[i..) with current[j..).
  const pre = new Int32Array((n + 1) * width);
  const suf = new Int32Array((n + 2) * (width + 1));
  const P = (i: number, j: number) => i * width + j;
  const S = (i: number, j: number) => i * (width + 1) + j;
  for (let i = 1; i <= n; i++)
    for (let j = 1; j <= m; j++)
      pre[P(i, j)] = eq[(i - 1) * m + j - 1] ? pre[P(i - 1, j - 1)] + 1 : Math.max(pre[P(i - 1, j)], pre[P(i, j - 1)]);
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      suf[S(i, j)] = eq[i * m + j] ? suf[S(i + 1, j + 1)] + 1 : Math.max(suf[S(i + 1, j)], suf[S(i, j + 1)]);
  const best = pre[P(n, m)];
  return expected.map((_, i) => {
    // The best matching that leaves i out: the lists cut at some j, each side matched on its own.
    let without = 0;
    for (let j = 0; j <= m; j++) without = Math.max(without, pre[P(i, j)] + suf[S(i + 1, j)]);
    if (without === best) return null;
    let found: number | null = null;
    for (let j = 0; j < m; j++) {
      if (!eq[i * m + j] || pre[P(i, j)] + 1 + suf[S(i + 1, j + 1)] !== best) continue;
      if (found !== null) return null;
      found = j;
    }
    return found;
  });
};
