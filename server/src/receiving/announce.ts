import type { Core } from '@strapi/strapi';
import { UIDS } from '../constants';
import { emitEvent, orderRef, segmentFields } from '../platform/events';
import type { JobRecord, OrderRecord } from '../platform/records';

/**
 * The receiving side's events (platform/events.ts): a job that became reviewable or approved, a
 * segment written into the target, a segment held back by a person's text. Called inside the
 * document lock's transaction: each is sent once it commits.
 */

export interface JobMove {
  order: OrderRecord;
  row: JobRecord;
  gengoStatus: 'reviewable' | 'approved';
}

/**
 * `gengo.job.reviewable` / `gengo.job.approved` for rows whose Gengo status moves. The rows were
 * read before the lock: read again holding it, so that of two instances (or a callback and the
 * poller) syncing the same job, only the one that records the move announces it.
 */
export const announceJobMoves = async (strapi: Core.Strapi, moves: JobMove[]): Promise<void> => {
  if (!moves.length) return;
  const fresh = (await strapi.db.query(UIDS.job).findMany({
    select: ['id', 'gengoStatus'],
    where: { id: { $in: moves.map((m) => m.row.id) } },
  })) as Array<Pick<JobRecord, 'id' | 'gengoStatus'>>;
  const now = new Map(fresh.map((r) => [r.id, r.gengoStatus]));
  for (const { order, row, gengoStatus } of moves) {
    if (now.get(row.id) === gengoStatus) continue;
    await emitEvent(strapi, gengoStatus === 'approved' ? 'gengo.job.approved' : 'gengo.job.reviewable', {
      ...orderRef(order),
      jobId: row.id,
      gengoJobId: row.gengoJobId ?? null,
      segmentKey: row.segmentKey,
      chunkIndex: row.chunkIndex,
      fields: segmentFields(order, row.segmentKey),
      unitCount: row.unitCount ?? null,
    });
  }
};

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
