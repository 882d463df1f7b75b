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
 * With `gatherMs`, a batch smaller than `batchSize` leaves once its first id has waited that long:
 * a stream of callbacks (delivered a few at a time, as Gengo does) then makes batches of dozens
 * of jobs, one GET and one commit each, instead of one per handful of callbacks. An id waits at
 * most `gatherMs` more than it would without.
 *
 * A job is never fetched again while an earlier snapshot of it is still being processed: a
 * callback for it then waits its turn, so a job's statuses are recorded in the order Gengo
 * reported them.
 *
 * At most `maxQueued` ids wait (`pending` and `again` together): an id beyond is dropped and
 * reported (`onDropped`), left to the poller, so that a flood of callbacks cannot grow the
 * process without bound. An id already waiting costs nothing more.
 *
 * The fetched items are Gengo's jobs for the job callbacks, jobs with their comment threads for
 * the comment callbacks (callbacks.ts): `T`.
 */
export interface JobIntake {
  add(gengoJobId: string): void;
  /** Ids waiting to be fetched (not those being fetched or written). */
  queued(): number;
  /** Stops fetching; ids not fetched yet are left to the poller. */
  close(): void;
}

export interface JobIntakeDeps<T = Job> {
  /** Gengo's current view of these jobs (those it refuses are left out). */
  fetch(ids: string[]): Promise<T[]>;
  /** Records and applies a fetched batch; resolves when it is done. */
  process(jobs: T[], ids: string[]): Promise<unknown>;
  /** A batch that could not be fetched or processed (the poller catches up). */
  onError(ids: string[], err: unknown): void;
  /** Lets `idle` of the receiving queue wait for a batch from fetch to processed. */
  track(work: Promise<void>): void;
  batchSize?: number;
  /** How long the first id of a batch smaller than `batchSize` waits for others (0: not at all). */
  gatherMs?: number;
  /** Ids that may wait at most (read at each add: the config may change); default no cap. */
  maxQueued?: () => number;
  /** An id dropped because `maxQueued` ids are waiting already. */
  onDropped?(gengoJobId: string): void;
}

export const createJobIntake = <T = Job>({
  fetch,
  process,
  onError,
  track,
  batchSize = 50,
  gatherMs = 0,
  maxQueued = () => Infinity,
  onDropped = () => {},
}: JobIntakeDeps<T>): JobIntake => {
  const pending = new Set<string>();
  const busy = new Set<string>();
  const again = new Set<string>();
  let fetching = false;
  /** Batches being fetched, fetched, or being written. */
  let inFlight = 0;
  let closed = false;
  /** When the oldest id of `pending` arrived, and the wait for more ids to join it. */
  let gatherFrom = 0;
  let gathering: { timer: NodeJS.Timeout; done: () => void } | null = null;

  const stopGathering = () => {
    if (!gathering) return;
    clearTimeout(gathering.timer);
    gathering.done();
    gathering = null;
  };

  /** False while a small batch should wait for more ids (a timer then pumps again). */
  const gathered = (): boolean => {
    if (!gatherMs || pending.size >= batchSize) return true;
    const waited = Date.now() - gatherFrom;
    if (waited >= gatherMs) return true;
    if (!gathering) {
      let done!: () => void;
      // The queue's `idle` waits for ids that are gathering, as it waits for a fetch.
      track(new Promise<void>((resolve) => (done = resolve)));
      const timer = setTimeout(() => {
        const g = gathering;
        gathering = null;
        pump();
        g?.done();
      }, gatherMs - waited);
      gathering = { timer, done };
    }
    return false;
  };

  const runBatch = async (ids: string[]) => {
    let jobs: T[] | null = null;
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
    if (!gathered()) return;
    stopGathering();
    const ids = [...pending].slice(0, batchSize);
    for (const id of ids) {
      pending.delete(id);
      busy.add(id);
    }
    gatherFrom = Date.now(); // the ids left behind have waited for this batch: they leave with the next
    fetching = true;
    inFlight++;
    track(runBatch(ids));
  };

  return {
    add(gengoJobId) {
      if (closed) return;
      const target = busy.has(gengoJobId) ? again : pending;
      if (target.has(gengoJobId)) return;
      if (pending.size + again.size >= maxQueued()) return onDropped(gengoJobId);
      if (!pending.size) gatherFrom = Date.now();
      target.add(gengoJobId);
      pump();
    },
    queued: () => pending.size + again.size,
    close() {
      closed = true;
      stopGathering();
      pending.clear();
      again.clear();
    },
  };
};
