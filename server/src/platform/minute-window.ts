/**
 * At most N starts in any 60 s window (a sliding window of start times). The callback intake takes
 * one before each Gengo GET it makes: a flood of callbacks is then paced by this cap, whatever the
 * client's own pacing allows the rest of the plugin (Gengo's docs warn that excessive polling can
 * get an account suspended). `perMinute` is read at each take (the config may change under a
 * running test); 0 means no cap. A wait is checked again every second at most, so that a cap that
 * is lifted, or `close`, frees it.
 */
export interface MinuteWindow {
  /** Resolves true when a start is allowed, false once closed (the caller then does nothing). */
  take(): Promise<boolean>;
  /** Starts in the last 60 s. */
  recent(): number;
  /** Frees every wait (false) and refuses later takes. */
  close(): void;
}

const WINDOW_MS = 60_000;
const MAX_SLEEP_MS = 1000;

export const createMinuteWindow = (
  perMinute: () => number,
  now: () => number = Date.now,
  sleep: (ms: number) => Promise<void> = (ms) =>
    new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      timer.unref?.();
    })
): MinuteWindow => {
  const starts: number[] = [];
  let closed = false;
  /** Takes are served one at a time, in order: a waiting take is never overtaken. */
  let tail: Promise<unknown> = Promise.resolve();

  const prune = () => {
    const from = now() - WINDOW_MS;
    while (starts.length && starts[0] <= from) starts.shift();
  };

  const takeNow = async (): Promise<boolean> => {
    for (;;) {
      if (closed) return false;
      prune();
      const cap = perMinute();
      if (!(cap > 0) || starts.length < cap) {
        starts.push(now());
        return true;
      }
      await sleep(Math.min(MAX_SLEEP_MS, Math.max(1, starts[0] + WINDOW_MS - now())));
    }
  };

  return {
    take() {
      const turn = tail.then(takeNow);
      tail = turn.catch(() => {});
      return turn;
    },
    recent() {
      prune();
      return starts.length;
    },
    close() {
      closed = true;
    },
  };
};
