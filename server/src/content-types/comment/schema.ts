import { hidden } from '../hidden';

/** A comment on a job's thread, from the translator (via callback or poll) or from us. */
export default {
  kind: 'collectionType',
  collectionName: 'gengo_comments',
  info: { singularName: 'comment', pluralName: 'comments', displayName: 'Gengo comment' },
  options: { draftAndPublish: false },
  pluginOptions: hidden,
  attributes: {
    gengoJobId: { type: 'string', required: true },
    body: { type: 'text', required: true },
    author: { type: 'string' },
    /** Gengo's ctime (Unix seconds): with the job id and body, what makes a comment unique. */
    ctime: { type: 'biginteger' },
    fingerprint: { type: 'string', unique: true },
  },
  indexes: [
    { name: 'gengo_comments_job_idx', columns: ['gengo_job_id'] },
    { name: 'gengo_comments_fingerprint_uq', columns: ['fingerprint'], type: 'unique' },
  ],
};
