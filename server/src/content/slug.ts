/**
 * Slugs for localized uid fields, like Strapi's uid generation: lower-case ASCII letters, digits and
 * dashes. Scripts without a Latin transliteration (ja, zh…) give an empty slug: the caller then
 * falls back (see `buildTargetData`).
 */
const SPECIAL: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  ø: 'o',
  œ: 'oe',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  '&': ' and ',
};

export const slugify = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[ßæøœłđðþı&]/g, (c) => SPECIAL[c] ?? c)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/** `base`, or `base-1`, `base-2`… — the first not used by another document of the locale. */
export const uniqueUid = (base: string, taken: Iterable<string>): string => {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  let i = 1;
  while (used.has(`${base}-${i}`)) i++;
  return `${base}-${i}`;
};
