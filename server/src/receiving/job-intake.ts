import type { Job } from '../gengo';

/**
 * Callbacks say "job X changed" one at a time; Gengo answers for many jobs in one signed GET
 * (translate/jobs/{ids}). The intake gathers the ids that arrive while a fetch is under way and
 * fetches them together, so a burst of N callbacks costs about N / batchSize calls instead of N,
 * and fetching overlaps the writing of the previous batch (which stays in the serial queue).
 * At most one batch is fetched ahead of the one being written: while the writer is busy, the
 * ids that keep arriving gather into the next batch instead of leaving in many small ones
 * (callbacks come as a stream, and each batch is one Gengo call and at least one commit).
 *
 * A job is never fetched again while an earlier snapshot of it is still being processed: a
 * callback for it then waits its turn, so a job's statuses are recorded in the order Gengo
 * reported them.
 */
export interface JobIntake {
  add(gengoJobId: string): void;
  /** Stops fetching; ids not fetched yet are left to the poller. */
  close(): void;
}

export interface JobIntakeDeps {
  /** Gengo's current view of these jobs (those it refuses are left out). */
  fetch(ids: string[]): Promise<Job[]>;
  /** Records and applies a fetched batch; resolves when it is done. */
  process(jobs: Job[], ids: string[]): Promise<unknown>;
  /** A batch that could not be fetched or processed (the poller catches up). */
  onError(ids: string[], err: unknown): void;
  /** Lets `idle` of the receiving queue wait for a batch from fetch to processed. */
  track(work: Promise<void>): void;
  batchSize?: number;
}

export const createJobIntake = ({ fetch, process, onError, track, batchSize = 50 }: JobIntakeDeps): JobIntake => {
  const pending = new Set<string>();
  const busy = new Set<string>();
  const again = new Set<string>();
  let fetching = false;
  /** Batches being fetched, fetched, or being written. */
  let inFlight = 0;
  let closed = false;

  const runBatch = async (ids: string[]) => {
    let jobs: Job[] | null = null;
    try {
      jobs = await fetch(ids);
    } catch (err) {
      onError(ids, err);
    } finally {
      fetching = false;
      pump();
    }
    try {
      if (jobs?.length) await process(jobs, ids);
    } catch (err) {
      onError(ids, err);
    } finally {
      for (const id of ids) {
        busy.delete(id);
        if (again.delete(id)) pending.add(id);
      }
      inFlight--;
      pump();
    }
  };

  const pump = () => {
    if (fetching || inFlight >= 2 || closed || !pending.size) return;
    const ids = [...pending].slice(0, batchSize);
    for (const id of ids) {
      pending.delete(id);
      busy.add(id);
    }
    fetching = true;
    inFlight++;
    track(runBatch(ids));
  };

  return {
    add(gengoJobId) {
      if (closed) return;
      if (busy.has(gengoJobId)) again.add(gengoJobId);
      else pending.add(gengoJobId);
      pump();
    },
    close() {
      closed = true;
      pending.clear();
      again.clear();
    },
  };
};
