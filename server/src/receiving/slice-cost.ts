import { TRANSLATED } from '../platform/records';

/**
 * Sizing the slices of a fetched batch of jobs by what each job costs. A job Gengo reports
 * translated (`reviewable`, `approved`) may cost a Document Service write; any other only its
 * record, a hundredth of that. One running average for both let a batch of writes that followed
 * batches of records (the `reviewable` callbacks of a burst after its `pending` ones) run as one
 * long slice, and on SQLite every request waits for a slice (pure: no Strapi).
 */
export interface SliceCosts {
  /** Estimated ms of a job that may be written (its share of the write). */
  writeMs: number;
  /** Estimated ms of a job that is only recorded. */
  recordMs: number;
}

/** Before any slice has run: a write as dear as a slow one, so the first slices stay short. */
export const INITIAL_COSTS: SliceCosts = { writeMs: 10, recordMs: 1 };

/** A job in this Gengo status carries a translation: its segment may be written. */
export const mayWrite = (gengoStatus: string): boolean => TRANSLATED.has(gengoStatus);

/**
 * How many of the jobs ahead (`writes[k]`: whether job k may be written) fit in `budgetMs`, in
 * order: at least one, at most `max`.
 */
export const fitSlice = (writes: boolean[], budgetMs: number, costs: SliceCosts, max: number): number => {
  let spent = 0;
  let n = 0;
  while (n < writes.length && n < max) {
    const cost = writes[n] ? costs.writeMs : costs.recordMs;
    if (n > 0 && spent + cost > budgetMs) break;
    spent += cost;
    n++;
  }
  return Math.max(1, n);
};

const blend = (estimate: number, sample: number) => 0.7 * estimate + 0.3 * sample;

/**
 * The estimates after a slice of `writes` jobs that may be written and `records` others took `ms`:
 * a slice without writes tells what a record costs; one with writes, what a write costs beyond
 * its records.
 */
export const learnCosts = (costs: SliceCosts, slice: { writes: number; records: number; ms: number }): SliceCosts => {
  const { writes, records, ms } = slice;
  if (!writes) return records ? { ...costs, recordMs: blend(costs.recordMs, ms / records) } : costs;
  return { ...costs, writeMs: blend(costs.writeMs, Math.max(0, ms - records * costs.recordMs) / writes) };
};
