import { hidden } from '../hidden';

/**
 * A bulk order: one translation request for many documents of one content type, run out of band by
 * the bulk worker (bulk/worker.ts). Its documents are plugin::gengo.batch-item rows; the
 * counters are the worker's tally, so that progress is one row read.
 */
export default {
  kind: 'collectionType',
  collectionName: 'gengo_batches',
  info: { singularName: 'batch', pluralName: 'batches', displayName: 'Gengo batch' },
  options: { draftAndPublish: false },
  pluginOptions: hidden,
  attributes: {
    /** Same key, same batch: a retried POST finds the batch it made. */
    requestKey: { type: 'string', required: true, unique: true },
    /** queued → running → completed; cancelled; failed (could not run at all). */
    status: { type: 'string', required: true, default: 'queued' },
    contentType: { type: 'string', required: true },
    sourceLocale: { type: 'string', required: true },
    targetLocales: { type: 'json' },
    tier: { type: 'string' },
    /** Order options for every document: comment, autoApprove. */
    options: { type: 'json' },
    total: { type: 'integer', default: 0 },
    done: { type: 'integer', default: 0 },
    failed: { type: 'integer', default: 0 },
    cancelled: { type: 'integer', default: 0 },
    /** Order rows (document × locale) placed. */
    ordered: { type: 'integer', default: 0 },
    credits: { type: 'decimal', default: 0 },
    currency: { type: 'string' },
    /** Documents of the selection left out when the batch was made: [{ documentId, reason }]. */
    skipped: { type: 'json' },
    requestedById: { type: 'integer' },
    requestedByName: { type: 'string' },
    /** Why the run stopped or paused (Gengo unreachable…), readable by an admin. */
    lastError: { type: 'text' },
    finishedAt: { type: 'datetime' },
  },
  indexes: [
    { name: 'gengo_batches_request_key_uq', columns: ['request_key'], type: 'unique' },
    { name: 'gengo_batches_status_idx', columns: ['status'] },
  ],
};
