import type { Core } from '@strapi/strapi';
import { UIDS } from '../constants';
import { emitEvent, orderRef, segmentFields } from './events';
import type { JobRecord, OrderRecord } from './records';

/**
 * A job's move to reviewable or approved, recorded and announced once (`gengo.job.reviewable`,
 * `gengo.job.approved`) by whoever records it: the receiving side (callbacks, the poller), a
 * review action, the ordering side (a job Gengo answered at once, translated already).
 */

export interface JobMove {
  order: OrderRecord;
  row: JobRecord;
  gengoStatus: 'reviewable' | 'approved';
}

/**
 * The moves no one recorded yet, their rows locked until the caller's transaction ends (SELECT …
 * FOR UPDATE on PostgreSQL and MySQL; SQLite has one writer) and given the new Gengo status.
 */
const claimMoves = async (strapi: Core.Strapi, moves: JobMove[]): Promise<JobMove[]> => {
  const meta = strapi.db.metadata.get(UIDS.job as any);
  const column = (meta.attributes as Record<string, any>).gengoStatus.columnName ?? 'gengo_status';
  const trx = (await strapi.db.transaction()).get();
  let query = trx(meta.tableName)
    .select('id', `${column} as gengoStatus`)
    .whereIn(
      'id',
      moves.map((m) => m.row.id)
    );
  const schema = strapi.db.getSchemaName();
  if (schema) query = query.withSchema(schema);
  if (strapi.db.dialect.client !== 'sqlite') query = query.forUpdate();
  const now = new Map((await query).map((r: any) => [Number(r.id), r.gengoStatus as string | null]));
  const won = moves.filter((m) => now.has(m.row.id) && now.get(m.row.id) !== m.gengoStatus);
  for (const status of ['reviewable', 'approved'] as const) {
    const ids = won.filter((m) => m.gengoStatus === status).map((m) => m.row.id);
    if (ids.length)
      await strapi.db.query(UIDS.job).updateMany({ where: { id: { $in: ids } }, data: { gengoStatus: status } });
  }
  return won;
};

/**
 * `gengo.job.reviewable` / `gengo.job.approved` for rows whose Gengo status moves. The rows were
 * read before any lock: read again locked, so that of two instances, a callback and the poller, or
 * a review action and a callback recording the same move, only the one that records it announces
 * it (the other waits for the row and then finds the move made). Two statements however many rows.
 */
export const announceJobMoves = async (strapi: Core.Strapi, moves: JobMove[]): Promise<void> => {
  if (!moves.length) return;
  // Its own transaction when called outside one (a review action): the lock lasts until the update.
  const won = await strapi.db.transaction(() => claimMoves(strapi, moves));
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
