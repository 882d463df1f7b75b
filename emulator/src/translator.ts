/**
 * The deterministic "translator". Real translations can't be predicted, so the emulator writes a
 * pseudo-translation tests can compute exactly with the same exported function:
 *
 *   1. The text is split on `[[[ … ]]]` blocks; those are copied verbatim, brackets included,
 *      at the same place (Gengo's translators must keep them untouched).
 *   2. In every other part, each word (a run of letters, marks or digits) is transformed for
 *      the target language; spaces, punctuation and markup between words are kept as they are:
 *        - ja, zh, zh-tw, ko: the word is wrapped: ja 「w」, zh 【w】, zh-tw 〔w〕, ko 《w》
 *        - every other target: vowels a e i o u (either case) get the target's accents,
 *          e.g. fr à é î ô ù, de ä e i ö ü, es á é í ó ú (default map: á é í ó ú)
 *   3. The result is prefixed with `[lc] ` (human) or `[mt:lc] ` (machine translation, used for
 *      the `machine` tier, `pre_mt=1` previews and `mt: 1` payloads).
 *
 *   pseudoTranslate('Hello [[[{name}]]], welcome!', 'fr') === '[fr] Héllô [[[{name}]]], wélcômé!'
 */
const ACCENTS: Record<string, Record<string, string>> = {
  fr: { a: 'à', e: 'é', i: 'î', o: 'ô', u: 'ù' },
  de: { a: 'ä', o: 'ö', u: 'ü' },
  es: { a: 'á', e: 'é', i: 'í', o: 'ó', u: 'ú' },
  'es-la': { a: 'á', e: 'é', i: 'í', o: 'ó', u: 'ú' },
  it: { a: 'à', e: 'è', i: 'ì', o: 'ò', u: 'ù' },
  pt: { a: 'ã', e: 'ê', i: 'í', o: 'õ', u: 'ú' },
  'pt-br': { a: 'ã', e: 'ê', i: 'í', o: 'õ', u: 'ú' },
  nl: { a: 'ä', e: 'ë', i: 'ï', o: 'ö', u: 'ü' },
  sv: { a: 'å', o: 'ö' },
  pl: { a: 'ą', e: 'ę', o: 'ó' },
};
const DEFAULT_ACCENTS: Record<string, string> = { a: 'á', e: 'é', i: 'í', o: 'ó', u: 'ú' };

const WRAPS: Record<string, [string, string]> = {
  ja: ['「', '」'],
  zh: ['【', '】'],
  'zh-tw': ['〔', '〕'],
  ko: ['《', '》'],
};

const WORD_RE = /[\p{L}\p{M}\p{N}]+/gu;
const SPLIT_PROTECTED_RE = /(\[\[\[[\s\S]*?\]\]\])/;

function transformWord(word: string, lc: string): string {
  const wrap = WRAPS[lc];
  if (wrap) return `${wrap[0]}${word}${wrap[1]}`;
  const map = ACCENTS[lc] ?? DEFAULT_ACCENTS;
  return Array.from(word, (ch) => {
    const lower = ch.toLowerCase();
    const accented = map[lower];
    if (!accented) return ch;
    return ch === lower ? accented : accented.toUpperCase();
  }).join('');
}

/** Transforms the translatable parts only; `[[[ … ]]]` blocks stay verbatim and in place. */
function transformText(text: string, lc: string): string {
  return text
    .split(SPLIT_PROTECTED_RE)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(WORD_RE, (w) => transformWord(w, lc))))
    .join('');
}

/** The human translator's text for `lcTgt`. */
export function pseudoTranslate(text: string, lcTgt: string): string {
  const lc = lcTgt.toLowerCase();
  return `[${lc}] ${transformText(text, lc)}`;
}

/** The machine translation (machine tier, `pre_mt` preview) for `lcTgt`. */
export function machineTranslate(text: string, lcTgt: string): string {
  const lc = lcTgt.toLowerCase();
  return `[mt:${lc}] ${transformText(text, lc)}`;
}
