import { hidden } from '../hidden';

/**
 * Translation memory (issue 22): one approved translation per (language pair, protected source
 * text of a segment). The unit is the segment as the plugin sends it to Gengo, markers and all, so
 * a remembered text restores exactly as a delivered one. `chunks`: the approved texts of the
 * segment's jobs, in order (the same source splits the same way for the same target language).
 * The origin says where it came from; a later approval of the same text replaces it.
 */
export default {
  kind: 'collectionType',
  collectionName: 'gengo_memory',
  info: { singularName: 'memory', pluralName: 'memories', displayName: 'Gengo translation memory' },
  options: { draftAndPublish: false },
  pluginOptions: hidden,
  attributes: {
    /** `lcSrc|lcTgt|sha256(protected text)`: the unique key, one statement finds it. */
    memoryKey: { type: 'string', required: true, unique: true },
    lcSrc: { type: 'string', required: true },
    lcTgt: { type: 'string', required: true },
    sourceHash: { type: 'string', required: true },
    chunks: { type: 'json', required: true },
    /** Gengo's unit count of the segment when it was ordered (what a reuse saves). */
    units: { type: 'integer', default: 0 },
    credits: { type: 'decimal' },
    tier: { type: 'string' },
    contentType: { type: 'string' },
    entryDocumentId: { type: 'string' },
    paths: { type: 'json' },
    orderId: { type: 'integer' },
    gengoJobIds: { type: 'json' },
    approvedAt: { type: 'datetime' },
  },
  indexes: [
    { name: 'gengo_memory_key_uq', columns: ['memory_key'], type: 'unique' },
    { name: 'gengo_memory_pair_idx', columns: ['lc_src', 'lc_tgt'] },
  ],
};
