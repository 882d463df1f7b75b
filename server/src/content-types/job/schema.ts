import { hidden } from '../hidden';

/**
 * One chunk of one segment of an order, and the Gengo job that translates it (several rows share
 * one Gengo job when Gengo answers a repeated text with one job). `appliedHash` (of the body_tgt last
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
    /**
     * Strapi refused the write of this revision (validation): sha256 of (revision, schema). Not
     * tried again until the translation or the content type changes.
     */
    refusedHash: { type: 'string' },
    captchaUrl: { type: 'string' },
    /** When we learnt the job is reviewable (Gengo's payload does not say): its auto-approval clock. */
    reviewableAt: { type: 'datetime' },
    lastError: { type: 'text' },
    history: { type: 'json' },
    /** Gengo's id space of `gengoJobId` (platform/records.ts `idScope`): ids are unique only within it. */
    scope: { type: 'string' },
    /** The identity of the job this row shares (another row's job: a repeat, an old job), else null. */
    sharedJobKey: { type: 'string' },
    /** The order whose row placed the job this row shares: credits counted there. */
    sharedWithOrderId: { type: 'integer' },
    /** Its text came from the translation memory, not from a Gengo job: where it was approved first. */
    reusedFrom: { type: 'json' },
  },
  indexes: [
    // Not unique: one Gengo job serves every row of a repeated text (issue 19), and an id is
    // Gengo's only within its scope (another environment, an emulator started afresh).
    { name: 'gengo_jobs_scope_job_idx', columns: ['scope', 'gengo_job_id'] },
    { name: 'gengo_jobs_order_idx', columns: ['order_id'] },
    { name: 'gengo_jobs_status_idx', columns: ['status'] },
  ],
};
