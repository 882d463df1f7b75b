import type { CallbackRecord } from './callbacks';
import type { RequestRecord } from './context';
import type { Fault, FaultSpec } from './faults';
import type { JobStatus } from './state';

/**
 * A tiny typed client of the emulator's control API (/_emulator/…), for tests and scripts.
 * `new EmulatorControl(emulator.url)`; every method maps to one route of emulator/README.md.
 */
export interface ControlJob extends Record<string, unknown> {
  job_id: string;
  status: JobStatus;
  captcha: string; // the text to send with a reject
  comments: Array<{ body: string; author: 'customer' | 'worker'; ctime: number }>;
  revisions: Array<{ rev_id: number; ctime: number; body_tgt: string }>;
  /** Emulated Unix seconds at which a reviewable job approves itself; null otherwise. */
  auto_approve_at: number | null;
}

export interface EmulatorClock {
  /** Emulated Unix seconds. */
  now: number;
  /** How far the emulated clock runs ahead of real time. */
  offsetSeconds: number;
}

export class EmulatorControl {
  private base: string;

  constructor(emulatorUrl: string) {
    this.base = `${emulatorUrl.replace(/\/+$/, '').replace(/\/_emulator$/, '')}/_emulator`;
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json()) as T & { error?: string };
    if (!res.ok) throw new Error(`emulator control ${method} ${path}: ${res.status} ${json.error ?? ''}`);
    return json;
  }

  /** POST /_emulator/reset — empty state, balance back to the start (or `credits`), faults/logs cleared. */
  reset(credits?: number) {
    return this.call<{ ok: true }>('POST', '/reset', credits === undefined ? {} : { credits });
  }
  /** POST /_emulator/balance {credits} */
  setBalance(credits: number) {
    return this.call<{ credits: number }>('POST', '/balance', { credits });
  }
  /** GET /_emulator/balance */
  balance() {
    return this.call<{ credits: number }>('GET', '/balance');
  }
  /** POST /_emulator/jobs/:id/advance {status} — same transitions and callbacks as real life. */
  advance(jobId: string | number, status: JobStatus | 'cancelled') {
    return this.call<ControlJob>('POST', `/jobs/${jobId}/advance`, { status });
  }
  /** POST /_emulator/jobs/:id/comment {body} — the translator comments (sends a `comment` callback). */
  comment(jobId: string | number, body: string) {
    return this.call<ControlJob>('POST', `/jobs/${jobId}/comment`, { body });
  }
  /** GET /_emulator/jobs/:id — the job with its captcha text, comments and revisions. */
  job(jobId: string | number) {
    return this.call<ControlJob>('GET', `/jobs/${jobId}`);
  }
  /** GET /_emulator/jobs */
  jobs() {
    return this.call<ControlJob[]>('GET', '/jobs');
  }
  /** POST /_emulator/flush — every queued job becomes available now. */
  flush() {
    return this.call<{ flushed: number }>('POST', '/flush');
  }
  /** POST /_emulator/faults — inject a fault on /v2 calls; returns it with its id. */
  fault(spec: FaultSpec) {
    return this.call<Fault>('POST', '/faults', spec);
  }
  /** GET /_emulator/faults — faults with how many calls they matched and hit. */
  faults() {
    return this.call<Fault[]>('GET', '/faults');
  }
  /** DELETE /_emulator/faults */
  clearFaults() {
    return this.call<{ ok: true }>('DELETE', '/faults');
  }
  /** GET /_emulator/callbacks — every callback: url, body, attempts, statuses, delivered. */
  callbacks() {
    return this.call<CallbackRecord[]>('GET', '/callbacks');
  }
  /** GET /_emulator/callbacks/summary — how many sent, delivered, still to deliver. */
  callbackSummary() {
    return this.call<{ total: number; delivered: number; undelivered: number }>('GET', '/callbacks/summary');
  }
  /** DELETE /_emulator/callbacks — forget history and stop pending retries. */
  clearCallbacks() {
    return this.call<{ ok: true }>('DELETE', '/callbacks');
  }
  /** GET /_emulator/clock — the emulated time. */
  clock() {
    return this.call<EmulatorClock>('GET', '/clock');
  }
  /** POST /_emulator/clock {advanceSeconds} — moves the emulated time forward; what fell due (auto-approvals) happens. */
  advanceClock(seconds: number) {
    return this.call<EmulatorClock>('POST', '/clock', { advanceSeconds: seconds });
  }
  /** GET /_emulator/requests — every /v2 request received (method, path, status, opstat, fault). */
  requests() {
    return this.call<RequestRecord[]>('GET', '/requests');
  }
  /** DELETE /_emulator/requests */
  clearRequests() {
    return this.call<{ ok: true }>('DELETE', '/requests');
  }
  /**
   * POST /_emulator/auto {on, intervalMs, approveReviewable} — automatic lifecycle mode; jobs
   * follow their auto_approve flag unless `approveReviewable` (approve reviewable jobs too).
   */
  auto(on: boolean, intervalMs?: number, approveReviewable?: boolean) {
    return this.call<{ on: boolean; intervalMs: number; approveReviewable: boolean }>('POST', '/auto', {
      on,
      intervalMs,
      approveReviewable,
    });
  }
  /** POST /_emulator/auto/tick — one automatic-mode step for every job, now. */
  tick() {
    return this.call<{ ok: true }>('POST', '/auto/tick');
  }
  /** POST /_emulator/rate-limit {perMinute} — Gengo's per-IP throttle (150 by default); 0 = off. Excess → HTTP 429, code 2800. */
  rateLimit(perMinute: number) {
    return this.call<{ perMinute: number }>('POST', '/rate-limit', { perMinute });
  }
  /** GET /_emulator — summary (balance, jobs by status, auto mode). */
  status() {
    return this.call<Record<string, unknown>>('GET', '');
  }
}
