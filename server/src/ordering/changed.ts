import type { Segment } from '../content';
import type { OrderRecord } from '../platform/records';

/**
 * "Only what changed" for translate-on-publish: a segment is sent again only when the source hash
 * at one of its paths differs from the one last ordered for that target locale. Pure.
 */

/** Orders that do not count as "ordered": nothing reached (or stays at) Gengo. */
const NOT_ORDERED = new Set(['failed', 'cancelled']);

/** Path → source hash last ordered, over the orders of ONE document and target locale (any order). */
export const lastOrderedHashes = (
  orders: Array<Pick<OrderRecord, 'id' | 'status' | 'segments'> & { createdAt?: string | Date | null }>
): Map<string, string> => {
  const time = (o: { createdAt?: string | Date | null }) => (o.createdAt ? new Date(o.createdAt).getTime() : 0);
  const sorted = [...orders].sort((a, b) => time(a) - time(b) || a.id - b.id);
  const out = new Map<string, string>();
  for (const order of sorted) {
    if (NOT_ORDERED.has(order.status)) continue;
    for (const segment of order.segments ?? []) for (const path of segment.paths) out.set(path, segment.sourceHash);
  }
  return out;
};

/** The segments (restricted to their changed paths) whose source differs from what was last ordered. */
export const changedSegments = (segments: Segment[], last: Map<string, string>): Segment[] => {
  const out: Segment[] = [];
  for (const segment of segments) {
    const paths = segment.paths.filter((p) => last.get(p) !== segment.hash);
    if (paths.length) out.push(paths.length === segment.paths.length ? segment : { ...segment, paths });
  }
  return out;
};
