/**
 * From a Strapi document to Gengo jobs and back. Pure functions (no Strapi import): the order and
 * callback services pass schemas, documents and a component lookup in, and write what comes out.
 *
 * Order:    extractSegments → protectSegment → splitForGengo → (countUnits) → Gengo jobs
 * Callback: joinChunks → restoreSegment → buildTargetData → strapi.documents(uid).update(…)
 */
export type {
  Attribute,
  BlockNode,
  Doc,
  GetComponent,
  InlineNode,
  LinkNode,
  Part,
  ProtectedSegment,
  RestoreResult,
  Schema,
  Segment,
  SegmentKind,
  TextLeaf,
  Translations,
} from './types';
export { extractSegments, segmentHash } from './extract';
export { protectSegment } from './protect';
export { restoreSegment } from './restore';
export {
  splitForGengo,
  joinChunks,
  callbackBytes,
  fitsCallback,
  GENGO_CALLBACK_LIMIT,
  type Split,
  type SplitOptions,
} from './split';
export { buildTargetData, uidBase, type BuildTargetInput, type BuildTargetResult } from './merge';
export type { KeepRelation } from './merge-values';
export { slugify, uniqueUid } from './slug';
export {
  toGengoLanguage,
  fromGengoLanguage,
  guessGengoLanguage,
  type GengoLanguage,
  type LanguageOptions,
  type LanguageResult,
} from './locale-codes';
export { countUnits, unitTypeOf, hasTranslatableText, type UnitType } from './units';
export { formatPath, parsePath, getAt } from './paths';
export { sha256Hex } from './hash';
