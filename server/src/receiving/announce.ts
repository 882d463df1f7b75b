import type { Core } from '@strapi/strapi';
import { emitEvent, orderRef, segmentFields } from '../platform/events';
import type { JobRecord, OrderRecord } from '../platform/records';

/**
 * The receiving side's events (platform/events.ts): a segment written into the target, a segment
 * held back by a person's text (a job's move: platform/job-moves.ts). Called inside the document
 * lock's transaction: each is sent once it commits.
 */

/** `gengo.job.conflict`: a segment not written, its rows newly marked conflict. */
export const announceConflict = (strapi: Core.Strapi, order: OrderRecord, segmentKey: string, rows: JobRecord[]) =>
  emitEvent(strapi, 'gengo.job.conflict', {
    ...orderRef(order),
    jobIds: rows.map((r) => r.id),
    segmentKey,
    fields: segmentFields(order, segmentKey),
  });

/** `gengo.translation.applied`: a segment's revision written into the target (its rows claimed). */
export const announceApplied = (
  strapi: Core.Strapi,
  order: OrderRecord,
  applied: { segmentKey: string; rows: JobRecord[]; fields: string[]; status: 'reviewable' | 'approved' }
) =>
  emitEvent(strapi, 'gengo.translation.applied', {
    ...orderRef(order),
    segmentKey: applied.segmentKey,
    jobIds: applied.rows.map((r) => r.id),
    fields: applied.fields,
    status: applied.status,
  });
