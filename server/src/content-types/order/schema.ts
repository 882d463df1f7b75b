import { hidden } from '../hidden';

/**
 * One Gengo order: one document translated from one locale into one other. `requestKey` makes a
 * repeated request (double click, retried POST) find the order it already placed; `reference`
 * travels in every job's custom_data so an ambiguous POST can be matched to what Gengo created.
 */
export default {
  kind: 'collectionType',
  collectionName: 'gengo_orders',
  info: { singularName: 'order', pluralName: 'orders', displayName: 'Gengo order' },
  options: { draftAndPublish: false },
  pluginOptions: hidden,
  attributes: {
    requestKey: { type: 'string', required: true, unique: true },
    reference: { type: 'string', required: true, unique: true },
    contentType: { type: 'string', required: true },
    targetDocumentId: { type: 'string', required: true },
    sourceLocale: { type: 'string', required: true },
    targetLocale: { type: 'string', required: true },
    lcSrc: { type: 'string' },
    lcTgt: { type: 'string' },
    tier: { type: 'string' },
    /** pending → placing → placed → completed; failed, cancelled, ambiguous (POST outcome unknown). */
    status: { type: 'string', required: true, default: 'pending' },
    gengoOrderId: { type: 'string' },
    credits: { type: 'decimal' },
    currency: { type: 'string' },
    /** Order options as sent: auto_approve, as_group, allow_fork, glossary_id, use_preferred, comment… */
    options: { type: 'json' },
    /** Segments ordered: key, kind, paths, source hash, protected copy, chunk separators. */
    segments: { type: 'json' },
    /**
     * Where each translated leaf goes in the target (`recordLayout`, content/README.md), and per
     * path whose text the target held when ordered (`baseline`: target path, hash, owner): what
     * delivery checks a person's words against.
     */
    layout: { type: 'json' },
    baseline: { type: 'json' },
    /** A reviewer's choice per conflicting path: keep the person's text, or take the translation. */
    resolutions: { type: 'json' },
    /**
     * { at, items }: relations the latest write left empty because the related entry has no
     * version in the target locale (shared/contracts `RelationGap`); replaced by each write.
     */
    relationGaps: { type: 'json' },
    orderedById: { type: 'integer' },
    orderedByName: { type: 'string' },
    /** Why it is failed or ambiguous, readable by an admin. */
    lastError: { type: 'text' },
    /** [{ at, status, note? }] */
    history: { type: 'json' },
    submittedAt: { type: 'datetime' },
    /** Gengo's id space of `gengoOrderId` and of the jobs' ids (platform/records.ts `idScope`). */
    scope: { type: 'string' },
  },
  indexes: [
    // A DB constraint, not only Strapi's validation: two concurrent requests cannot both insert.
    { name: 'gengo_orders_request_key_uq', columns: ['request_key'], type: 'unique' },
    { name: 'gengo_orders_reference_uq', columns: ['reference'], type: 'unique' },
    { name: 'gengo_orders_target_idx', columns: ['content_type', 'target_document_id', 'target_locale'] },
    { name: 'gengo_orders_gengo_order_idx', columns: ['gengo_order_id'] },
    { name: 'gengo_orders_status_idx', columns: ['status'] },
  ],
};
