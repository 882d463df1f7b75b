/**
 * Gengo's unit count, for the estimate shown before a quote: words for space-delimited languages,
 * characters for Japanese, Chinese and Korean. Text in `[[[ ]]]` is not counted (Gengo excludes it).
 * Gengo's `translate/service/quote` gives the figure that is billed; this one needs no network.
 */
import type { GengoLanguage } from './locale-codes';

const CHARACTER_LANGUAGES = new Set(['ja', 'zh', 'zh-tw', 'ko']);

export type UnitType = 'word' | 'character';

export const unitTypeOf = (lcSrc: string, languages?: GengoLanguage[]): UnitType => {
  const listed = languages?.find((l) => l.lc.toLowerCase() === lcSrc.toLowerCase())?.unit_type;
  if (listed === 'word' || listed === 'character') return listed;
  return CHARACTER_LANGUAGES.has(lcSrc.toLowerCase()) ? 'character' : 'word';
};

export const stripExcluded = (text: string): string => text.replace(/\[\[\[[\s\S]*?\]\]\]/g, ' ');

export const countUnits = (text: string, lcSrc: string, languages?: GengoLanguage[]): number => {
  const counted = stripExcluded(text);
  if (unitTypeOf(lcSrc, languages) === 'character') return [...counted.replace(/\s+/g, '')].length;
  return counted.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
};

/** Whether a protected text has anything left to translate (a field that is only a URL has not). */
export const hasTranslatableText = (text: string): boolean => /[\p{L}\p{N}]/u.test(stripExcluded(text));
