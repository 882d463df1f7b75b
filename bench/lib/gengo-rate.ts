import { again } from './fixtures';
import { judged, sec, type Row } from './stats';

/**
 * Gengo allows 150 requests a minute per IP (shared/gengo-api-docs/throttling.md), counted — as
 * the emulator counts when its limit is on (emulator/src/server.ts) — over a sliding window of
 * 60 s. The benches lift the emulator's limit (a burst would be refused, not measured), so each
 * bench reports how close its run came to it instead.
 */
export const GENGO_LIMIT_PER_MINUTE = 150;
const WINDOW_MS = 60_000;

/**
 * `npm run bench -- --gengo-limit` (env BENCH_GENGO_LIMIT=150, inherited by every bench's child):
 * the emulator enforces the limit during each measured phase (not during setup, which places
 * orders by the hundred), and a call over it is answered 429 and counted here. The plugin itself
 * stays unpaced (tests/helpers/strapi.ts), so a path that needs more calls shows refusals rather
 * than minutes of waiting.
 */
export const benchGengoLimit = (): number => Number(process.env.BENCH_GENGO_LIMIT) || 0;

/** Turns the emulator's limit on for a measured phase (`on`), off after it; nothing without --gengo-limit. */
export const gengoLimitDuring = async (control: { rateLimit(perMinute: number): Promise<unknown> }, on: boolean) => {
  const limit = benchGengoLimit();
  if (limit) await again(() => control.rateLimit(on ? limit : 0));
};

/** The most calls in any 60 s window: the figure Gengo's throttle judges. */
export const peakInWindow = (times: number[], windowMs = WINDOW_MS): number => {
  const t = [...times].sort((a, b) => a - b);
  let peak = 0;
  for (let lo = 0, hi = 0; hi < t.length; hi++) {
    while (t[hi] - t[lo] >= windowMs) lo++;
    peak = Math.max(peak, hi - lo + 1);
  }
  return peak;
};

/**
 * The row for the calls the emulator logged (`at`, ISO time) between `from` and `to` (epoch ms,
 * the measured phase). Judged on the busiest 60 s window. A phase shorter than a minute has only
 * one window, holding every call; its rate over the phase (calls ÷ duration × 60 s) is shown
 * beside it, labelled, as what the same pace would send in a full minute.
 */
export const gengoRateRow = (
  calls: Array<{ at: string; status?: number }>,
  from: number,
  to: number,
  phase: string
): Row => {
  const inPhase = calls.filter((c) => Date.parse(c.at) >= from && Date.parse(c.at) <= to);
  const times = inPhase.map((c) => Date.parse(c.at));
  const limit = benchGengoLimit();
  const refused = inPhase.filter((c) => c.status === 429).length;
  const durationMs = Math.max(1, to - from);
  const peak = peakInWindow(times);
  const value =
    durationMs >= WINDOW_MS
      ? `${peak} in the busiest 60 s (${times.length} in ${sec(durationMs)})`
      : times.length < 2
        ? `${peak} in ${sec(durationMs)}, under a minute` // a single call has no pace to extrapolate
        : `${peak} in ${sec(durationMs)}, under a minute: ${Math.round((times.length * WINDOW_MS) / durationMs)}/min at that pace`;
  return {
    figure: `Gengo calls per minute at the peak (${phase})`,
    value,
    // A refused call is still a call: the peak counts it, so an enforced run over the limit misses.
    against: limit ? `emulator enforcing ${limit}/min: ${refused} refused (429)` : 'emulator limit lifted',
    target: `≤ ${GENGO_LIMIT_PER_MINUTE} in any 60 s`,
    ...judged(peak, GENGO_LIMIT_PER_MINUTE, 'calls'),
  };
};
