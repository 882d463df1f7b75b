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

/** Sets `gengoStatus` on the rows that do not have it yet: how many did not. */
const claimStatus = async (strapi: Core.Strapi, ids: number[], gengoStatus: string): Promise<number> => {
  const { count } = await strapi.db.query(UIDS.job).updateMany({
    where: { id: { $in: ids }, $or: [{ gengoStatus: { $ne: gengoStatus } }, { gengoStatus: { $null: true } }] },
    data: { gengoStatus },
  });
  return Number(count);
};

/**
 * `gengo.job.reviewable` / `gengo.job.approved` for rows whose Gengo status moves. The move is
 * claimed by a conditional update of the row's Gengo status: of two instances, a callback and the
 * poller, or a review action and a callback recording the same move, only the one whose update
 * changed the row announces it (the other's waits for the row and then matches nothing). One
 * statement for all the rows moving to a status, row by row only when some were taken meanwhile.
 */
export const announceJobMoves = async (strapi: Core.Strapi, moves: JobMove[]): Promise<void> => {
  const won: JobMove[] = [];
  for (const status of ['reviewable', 'approved'] as const) {
    const same = moves.filter((m) => m.gengoStatus === status);
    if (!same.length) continue;
    if (
      (await claimStatus(
        strapi,
        same.map((m) => m.row.id),
        status
      )) === same.length
    )
      won.push(...same);
    else for (const m of same) if (await claimStatus(strapi, [m.row.id], status)) won.push(m);
  }
  for (const { order, row, gengoStatus } of won) {
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
