import { hidden } from '../hidden';

/**
 * One document of a bulk order. `pending` → `running` (claimed by the worker) → `done` | `failed`;
 * `cancelled`. A `running` item found at a restart is run again: its orders carry a key derived
 * from the batch and the document, so the second run finds them instead of ordering twice.
 */
export default {
  kind: 'collectionType',
  collectionName: 'gengo_batch_items',
  info: { singularName: 'batch-item', pluralName: 'batch-items', displayName: 'Gengo batch item' },
  options: { draftAndPublish: false },
  pluginOptions: hidden,
  attributes: {
    batchId: { type: 'integer', required: true },
    /** The document's documentId (`documentId` is Strapi's own attribute of this row). */
    targetDocumentId: { type: 'string', required: true },
    title: { type: 'string' },
    status: { type: 'string', required: true, default: 'pending' },
    /** Per target locale, the price quoted when the batch was made: { [locale]: { credits, currency } }. */
    prices: { type: 'json' },
    attempts: { type: 'integer', default: 0 },
    /** Order rows placed (or found) for this document. */
    ordered: { type: 'integer', default: 0 },
    credits: { type: 'decimal', default: 0 },
    orderIds: { type: 'json' },
    /** Why it failed: Gengo's message, or ours. */
    reason: { type: 'text' },
  },
  indexes: [
    { name: 'gengo_batch_items_doc_uq', columns: ['batch_id', 'target_document_id'], type: 'unique' },
    { name: 'gengo_batch_items_status_idx', columns: ['batch_id', 'status'] },
  ],
};
