import { collect, disjoint, type Range } from './ranges';

/**
 * Placeholders of the usual i18n and templating syntaxes. `:name` only as `:identifier` not glued
 * to a preceding letter, digit or colon, so that "Note: this", "3:00" and "re:Invent" stay prose.
 */
const PLACEHOLDERS = [
  /\{\{\s*[\p{L}\p{N}_.$-]+\s*\}\}/gu,
  /\{[\p{L}_$][\p{L}\p{N}_.$-]*\}/gu,
  /%(?:\d+\$)?[-+0#]*\d*(?:\.\d+)?[sdifuxXoeEgGc@](?![\p{L}\p{N}])/gu,
  /(?<![\p{L}\p{N}_:/]):[\p{L}_][\p{L}\p{N}_]*/gu,
];

/** Runs of brackets that would touch our `[[[ ]]]` markers and confuse Gengo and the parser. */
const BRACKET_RUNS = /\[{2,}|\]{2,}/g;

/** Found by regex where there is no parser: plain text fields and blocks text. */
const URLS = /(?:\bhttps?:\/\/|\bwww\.)[^\s<>"'[\]]*[^\s<>"'[\].,;:!?)]/g;
const EMAILS = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
/** Character references (`&amp;`, `&#8212;`): a translator would "fix" them into the character. */
export const ENTITIES = /&(?:[A-Za-z][A-Za-z0-9]*|#\d+|#x[0-9A-Fa-f]+);/g;
const HTML = [/<!--[\s\S]*?-->/g, /<\/?[A-Za-z][\w:-]*(?:\s[^<>]*)?\/?>/g, ENTITIES];

/** What a translator must not change inside markdown prose: placeholders, references, bracket runs. */
export const placeholderRanges = (text: string, offset = 0): Range[] =>
  disjoint(collect(text, [...PLACEHOLDERS, ENTITIES, BRACKET_RUNS], offset));

/** For text without markup parser: placeholders, URLs, e-mail addresses, HTML tags, comments and entities. */
export const plainTextRanges = (text: string, offset = 0): Range[] =>
  disjoint(collect(text, [...HTML, URLS, EMAILS, ...PLACEHOLDERS, BRACKET_RUNS], offset));
