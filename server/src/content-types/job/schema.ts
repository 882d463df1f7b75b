import { hidden } from '../hidden';

/**
 * One Gengo job: one chunk of one segment of an order. `appliedHash` (of the body_tgt last
 * written) and `appliedStatus` make applying exactly-once per job revision; `writtenHashes`
 * (path → hash of what the plugin wrote) tell a person's later edit from ours ("conflict").
 */
export default {
  kind: 'collectionType',
  collectionName: 'gengo_jobs',
  info: { singularName: 'job', pluralName: 'jobs', displayName: 'Gengo job' },
  options: { draftAndPublish: false },
  pluginOptions: hidden,
  attributes: {
    orderId: { type: 'integer', required: true },
    gengoJobId: { type: 'string' },
    segmentKey: { type: 'string', required: true },
    chunkIndex: { type: 'integer', default: 0 },
    chunkCount: { type: 'integer', default: 1 },
    sourceHash: { type: 'string' },
    /** Gengo's status (queued, available, pending, reviewable, approved, revising, rejected, canceled, hold). */
    gengoStatus: { type: 'string' },
    /** Ours: gengo status, or conflict, stale, error. */
    status: { type: 'string', required: true, default: 'queued' },
    unitCount: { type: 'integer' },
    credits: { type: 'decimal' },
    bodyTgt: { type: 'text' },
    appliedHash: { type: 'string' },
    appliedStatus: { type: 'string' },
    appliedAt: { type: 'datetime' },
    writtenHashes: { type: 'json' },
    captchaUrl: { type: 'string' },
    /** When we learnt the job is reviewable (Gengo's payload does not say): its auto-approval clock. */
    reviewableAt: { type: 'datetime' },
    lastError: { type: 'text' },
    history: { type: 'json' },
  },
  indexes: [
    { name: 'gengo_jobs_gengo_job_idx', columns: ['gengo_job_id'], type: 'unique' },
    { name: 'gengo_jobs_order_idx', columns: ['order_id'] },
    { name: 'gengo_jobs_status_idx', columns: ['status'] },
  ],
};
