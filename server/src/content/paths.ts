/**
 * Field paths in the `sections[2].body` / `content[1].children[0]` notation: readable in logs and
 * in the order records, and unambiguous (a key never starts with a digit inside brackets).
 */

export type PathToken = string | number;

export const formatPath = (tokens: readonly PathToken[]): string =>
  tokens.map((t, i) => (typeof t === 'number' ? `[${t}]` : i === 0 ? t : `.${t}`)).join('');

export const parsePath = (path: string): PathToken[] => {
  const tokens: PathToken[] = [];
  const re = /([^.[\]]+)|\[(\d+)\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(path)) !== null) tokens.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  if (formatPath(tokens) !== path) throw new Error(`Invalid field path "${path}"`);
  return tokens;
};

export const getAt = (root: unknown, tokens: readonly PathToken[]): unknown => {
  let cur: any = root;
  for (const t of tokens) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = cur[t];
  }
  return cur;
};
