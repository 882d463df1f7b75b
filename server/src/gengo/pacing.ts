import Bottleneck from 'bottleneck';

/*
 * Pacing below Gengo's limit (throttling.md: 150 requests a minute per IP address)
 * ===============================================================================
 * Every HTTP request (retries and re-reads included) takes a token from a bucket shared by all
 * the clients of this process that talk to the same API host: `burst` tokens at most, one more
 * every 60 s / `perMinute`. In any 60 s window at most `burst + perMinute` requests start, so the
 * defaults (20 + 120 = 140) stay below 150 whatever the traffic. A quiet client sends its first
 * `burst` calls at once; a busy one is paced, not refused.
 * When Gengo answers 429 anyway (another process on the same IP…), `pause` holds every call of
 * the bucket for its Retry-After.
 */

export interface RateLimitOptions {
  /** Requests started per minute, sustained (default 120). */
  perMinute?: number;
  /** Requests that may start at once after a quiet spell (default 20). */
  burst?: number;
}

export const DEFAULT_RATE_LIMIT = { perMinute: 120, burst: 20 } as const;

export interface Pacer {
  /** Runs `fn` once a token is free (and no pause holds the bucket). */
  run<T>(fn: () => Promise<T>): Promise<T>;
  /** Holds every call of the bucket for `ms` (Gengo's Retry-After). */
  pause(ms: number): void;
}

const createPacer = (perMinute: number, burst: number): Pacer => {
  const intervalMs = Math.max(1, Math.ceil(60_000 / perMinute));
  const limiter = new Bottleneck({
    reservoir: burst,
    reservoirIncreaseAmount: 1,
    reservoirIncreaseInterval: intervalMs,
    reservoirIncreaseMaximum: burst,
    // The bucket is looked at this often: a token comes every `intervalMs` to 1.2 × that.
    heartbeatInterval: Math.max(10, Math.floor(intervalMs / 5)),
  });
  let pausedUntil = 0;
  return {
    async run(fn) {
      for (let wait = pausedUntil - Date.now(); wait > 0; wait = pausedUntil - Date.now())
        await new Promise((resolve) => setTimeout(resolve, wait));
      return limiter.schedule(fn);
    },
    pause(ms) {
      pausedUntil = Math.max(pausedUntil, Date.now() + ms);
    },
  };
};

const shared = new Map<string, Pacer>();

/** The bucket of `origin` (one per API host and settings, for the whole process). */
export const sharedPacer = (origin: string, options: RateLimitOptions = {}): Pacer => {
  const perMinute = options.perMinute ?? DEFAULT_RATE_LIMIT.perMinute;
  const burst = options.burst ?? DEFAULT_RATE_LIMIT.burst;
  if (!(perMinute > 0) || !(burst >= 1)) throw new TypeError('Gengo rate limit: perMinute > 0 and burst ≥ 1');
  const key = `${origin} ${perMinute} ${burst}`;
  let pacer = shared.get(key);
  if (!pacer) shared.set(key, (pacer = createPacer(perMinute, Math.floor(burst))));
  return pacer;
};

/** No pacing at all (`rateLimit: false`): tests against an emulator, a proxy that paces itself. */
export const UNPACED: Pacer = { run: (fn) => fn(), pause: () => undefined };
