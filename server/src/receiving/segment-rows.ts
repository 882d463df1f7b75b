import type { Core } from '@strapi/strapi';
import { UIDS } from '../constants';
import type { Translations } from '../content';
import type { HistoryEntry, JobRecord, OrderedSegment, OrderRecord } from '../platform/records';
import { segmentKeyOf, type SliceReads } from './read-ahead';
import type { Readiness } from './segment-state';

/**
 * The job rows of a segment as apply.ts uses them: read (from the slice's reads first), marked
 * with an outcome that writes nothing (conflict, stale, error, needs review, held), and claimed
 * with the revision written, in the write's transaction.
 */

export class ClaimLost extends Error {
  constructor(id: number) {
    super(`job row ${id} was claimed by another writer`);
  }
}

const MAX_HISTORY = 50;

/** A segment that passed every check: its rows, its revision and what it writes (and keeps). */
export interface Passed {
  segment: OrderedSegment;
  rows: JobRecord[];
  ready: Extract<Readiness, { ready: true }>;
  translations: Translations;
  /** Paths where a reviewer kept the person's text: not written. */
  kept: string[];
}

export const createSegmentRows = (strapi: Core.Strapi) => {
  const jobs = () => strapi.db.query(UIDS.job);

  const withHistory = (row: JobRecord, status: string, note?: string) => {
    const history = [...(row.history ?? [])];
    const last = history[history.length - 1];
    if (!last || last.status !== status || last.note !== note)
      history.push({ at: new Date().toISOString(), status, ...(note ? { note } : {}) } as HistoryEntry);
    return history.slice(-MAX_HISTORY);
  };

  return {
    /** The rows of a segment: taken from the slice's reads when there (once), else read now. */
    async of(order: OrderRecord, segmentKey: string, reads: SliceReads): Promise<JobRecord[]> {
      const key = segmentKeyOf(order.id, segmentKey);
      const ahead = reads.rows.get(key);
      if (ahead) {
        reads.rows.delete(key);
        return ahead;
      }
      return (await jobs().findMany({
        where: { orderId: order.id, segmentKey },
        orderBy: { chunkIndex: 'asc' },
      })) as JobRecord[];
    },

    /**
     * Marks every row of the segment (conflict, stale, error, needs_review; reviewable: held) without writing the
     * entry. `refusedHash`: a refused write's, so that the same revision is not tried again.
     */
    async mark(
      rows: JobRecord[],
      status: 'conflict' | 'stale' | 'error' | 'needs_review' | 'reviewable',
      note: string,
      refusedHash: string | null = null
    ) {
      for (const row of rows) {
        // Held for review is no error: the note goes to the history only.
        const lastError = status === 'reviewable' ? null : note;
        if (row.status === status && row.lastError === lastError && (row.refusedHash ?? null) === refusedHash) continue;
        await jobs().updateMany({
          where: { id: row.id },
          data: { status, lastError, refusedHash, history: withHistory(row, status, note) },
        });
      }
    },

    /** The rows of a segment that passed claimed, with the revision, status and hashes written. */
    async claim({ rows, ready, kept }: Passed, hashes: Record<string, string>, reads: SliceReads, now: Date) {
      // The claim and the outcome in one statement: only one writer per revision, whoever else (a
      // callback, the poller, another instance) races. It runs in the write's transaction, so a
      // revision claimed meanwhile rolls the write back (ClaimLost).
      const note = ready.status === 'approved' ? 'final translation written' : 'written to the draft, awaiting review';
      for (const row of rows) {
        const { count } = await jobs().updateMany({
          where: { id: row.id, appliedHash: row.appliedHash ?? { $null: true } },
          data: {
            ...reads.recorded.get(row.id),
            appliedHash: ready.revision,
            status: ready.status,
            appliedStatus: ready.status,
            appliedAt: now,
            writtenHashes: hashes,
            lastError: null,
            refusedHash: null,
            history: withHistory(
              row,
              ready.status,
              kept.length ? `${note}; kept the person's text at ${kept.join(', ')}` : note
            ),
          },
        });
        if (!count) throw new ClaimLost(row.id);
        reads.recorded.delete(row.id);
      }
    },
  };
};

export type SegmentRows = ReturnType<typeof createSegmentRows>;
