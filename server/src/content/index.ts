/**
 * From a Strapi document to Gengo jobs and back. Pure functions (no Strapi import): the order and
 * callback services pass schemas, documents and a component lookup in, and write what comes out.
 *
 * Order:    extractSegments → protectSegment → splitForGengo → (countUnits) → Gengo jobs
 *           recordLayout(source, target, paths) → kept with the order
 * Callback: joinChunks → restoreSegment → (locateLeaf: where each leaf is, what the target holds there)
 *           → buildTargetData({ …, layout }) → strapi.documents(uid).update(…); conflicts returned
 *
 * How leaves are located, and when one is a conflict: README.md in this folder.
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
export { readableRuns, type ReadableRun } from './readable';
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
export { recordLayout, type TargetLayout, type LayoutNode, type LayoutEntry } from './layout';
export { locateLeaf, type LeafLocation, type LocatedLeaf, type LeafConflict, type ConflictCode } from './locate';
export type { LeafWrite } from './leaves';
export type { KeepRelation } from './merge-values';
export { sourceRelations, emptyRelations, isEmptyRelation, type SourceRelation, type EmptyRelation } from './relations';
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
export { formatPath, parsePath, getAt, type PathToken } from './paths';
export { sha256Hex } from './hash';
export { valueHash, legacyValueHash, isBlank, leafAt, ownerOf, type TextOwner } from './person';
