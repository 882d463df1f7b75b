import { unitTypeOf } from './languages';

/** `[[[ … ]]]` marks text Gengo neither counts nor translates (non-greedy: blocks don't merge). */
export const PROTECTED_RE = /\[\[\[[\s\S]*?\]\]\]/g;

export function stripProtected(text: string): string {
  return text.replace(PROTECTED_RE, ' ');
}

/**
 * Units Gengo charges for: whitespace-separated words (tokens holding at least one letter or
 * digit, so a lone "-" or "," is free) for space-delimited source languages, non-whitespace
 * characters (code points, punctuation included) for ja, zh, zh-tw and ko. Protected text is
 * excluded.
 */
export function countUnits(text: string, lcSrc: string): number {
  const counted = stripProtected(text);
  if (unitTypeOf(lcSrc) === 'character') return Array.from(counted.replace(/\s+/gu, '')).length;
  return counted.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}
