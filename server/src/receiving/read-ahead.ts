import type { Core } from '@strapi/strapi';
import { UIDS } from '../constants';
import { groupBy } from '../platform/group-by';
import type { JobRecord, OrderRecord } from '../platform/records';
import { translatedText } from './segment-state';
import type { PlannedWrite, TargetIo, UidReads, VersionReads } from './target';

/**
 * What the writes of one held set of documents read, read ahead in a few queries instead of a
 * few per write: the job rows of their segments, the source and target versions of their
 * documents (one query per type and locale), and the slugs their writes may take. Each is used
 * once, by the write it was read for, and dropped.
 */
export interface SliceReads {
  versions: VersionReads;
  uids: UidReads;
  /** Job rows by `orderId:segmentKey`, in chunk order, with `recorded` applied. */
  rows: Map<string, JobRecord[]>;
  /**
   * By row id, what was recorded from Gengo but not stored yet: stored with the claim of the
   * row's write, and removed from here then; what is left is stored after the writes.
   */
  recorded: Map<number, Partial<JobRecord>>;
  /** Orders with an approved write: whether they are complete is asked once for all of them. */
  approved: Set<OrderRecord>;
}

export const segmentKeyOf = (orderId: number, segmentKey: string) => `${orderId}:${segmentKey}`;

export const readAhead = async (
  strapi: Core.Strapi,
  io: TargetIo,
  segments: Array<{ order: OrderRecord; segmentKey: string }>,
  recorded: Map<number, Partial<JobRecord>>
): Promise<SliceReads> => {
  const wanted = [...new Map(segments.map((s) => [segmentKeyOf(s.order.id, s.segmentKey), s])).values()];
  const found = (await strapi.db.query(UIDS.job).findMany({
    where: { $or: wanted.map((s) => ({ orderId: s.order.id, segmentKey: s.segmentKey })) },
    orderBy: [{ orderId: 'asc' }, { segmentKey: 'asc' }, { chunkIndex: 'asc' }],
  })) as JobRecord[];
  const rows = groupBy(
    found.map((row) => ({ ...row, ...recorded.get(row.id) })),
    (row) => segmentKeyOf(row.orderId, row.segmentKey)
  );
  const versions = await io.readVersions([...new Set(segments.map((s) => s.order))]);
  // The texts the writes will set, for the slugs they may derive from them.
  const writes: PlannedWrite[] = [];
  for (const { order, segmentKey } of wanted) {
    const segment = order.segments?.find((s) => s.key === segmentKey);
    const text = segment && translatedText(segment, rows.get(segmentKeyOf(order.id, segmentKey)) ?? []);
    const source = versions.get(io.versionKey(order.contentType, order.targetDocumentId, order.sourceLocale));
    if (text === null || text === undefined || !source) continue;
    const target = versions.get(io.versionKey(order.contentType, order.targetDocumentId, order.targetLocale)) ?? null;
    writes.push({ order, source, target, translations: Object.fromEntries(segment!.paths.map((p) => [p, text])) });
  }
  return { versions, uids: await io.readUids(writes), rows, recorded, approved: new Set() };
};
