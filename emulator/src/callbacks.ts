/**
 * Delivery of Gengo callbacks: a form-encoded POST with one field, `job` (the job payload as
 * JSON) or `comment` (a translator's comment as JSON). Unsigned, like Gengo's. Up to
 * `maxAttempts` attempts `retryMs` apart until the receiver answers 200 (callback_urls.md: up to
 * 3 attempts, the first at once, the others an hour apart), and never sent when the encoded body
 * is over 60 KB (Gengo skips those too; clients must poll).
 */
import http from 'node:http';
import https from 'node:https';

export const MAX_CALLBACK_BYTES = 60 * 1024;

export interface CallbackRecord {
  id: number;
  url: string;
  field: 'job' | 'comment';
  event: string; // available | reviewable | approved | comment
  jobId: string;
  body: string; // the exact form-encoded request body
  payload: unknown;
  attempts: number;
  statuses: Array<number | string>; // HTTP status or transport error code per attempt
  lastStatus: number | string | null;
  delivered: boolean;
  skipped?: 'too_large';
  createdAt: string;
  deliveredAt?: string;
  /** When the next attempt is due (ISO), while one is scheduled. */
  nextAttemptAt?: string;
}

export interface CallbackOptions {
  retryMs: number;
  maxAttempts: number;
  timeoutMs: number;
  /** Deliveries in flight at once (0: no limit). */
  concurrency: number;
}

export class CallbackDispatcher {
  private records: CallbackRecord[] = [];
  private timers = new Set<NodeJS.Timeout>();
  private inflight = new Set<Promise<void>>();
  /** Last first-attempt per job: a job's callbacks leave in the order its states changed. */
  private chains = new Map<string, Promise<void>>();
  private seq = 1;
  private closed = false;
  private sending = 0;
  private queued: Array<() => void> = [];
  /** Idle connections closed after 4 s: before the receiver's own idle timeout (Node's: 5 s). */
  private agents = {
    http: new http.Agent({ keepAlive: true, timeout: 4000 }),
    https: new https.Agent({ keepAlive: true, timeout: 4000 }),
  };

  constructor(private opts: CallbackOptions) {}

  setRetryMs(ms: number) {
    this.opts.retryMs = ms;
  }

  send(url: string, field: 'job' | 'comment', payload: unknown, meta: { event: string; jobId: string }) {
    const body = new URLSearchParams({ [field]: JSON.stringify(payload) }).toString();
    const record: CallbackRecord = {
      id: this.seq++,
      url,
      field,
      event: meta.event,
      jobId: meta.jobId,
      body,
      payload,
      attempts: 0,
      statuses: [],
      lastStatus: null,
      delivered: false,
      createdAt: new Date().toISOString(),
    };
    this.records.push(record);
    if (Buffer.byteLength(body) > MAX_CALLBACK_BYTES) {
      record.skipped = 'too_large';
      return record;
    }
    // Sent after the state change is committed, never inside the API call that caused it, and
    // only once the job's previous callback had its first answer, so receivers see states in order.
    const key = `${url} ${meta.jobId}`;
    const first = (this.chains.get(key) ?? Promise.resolve())
      .then(() => (this.closed || !this.records.includes(record) ? undefined : this.attempt(record)))
      .finally(() => {
        this.inflight.delete(first);
        if (this.chains.get(key) === first) this.chains.delete(key);
      });
    this.inflight.add(first);
    this.chains.set(key, first);
    return record;
  }

  private schedule(record: CallbackRecord, delayMs: number) {
    if (this.closed) return;
    record.nextAttemptAt = new Date(Date.now() + delayMs).toISOString();
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      record.nextAttemptAt = undefined;
      const p = this.attempt(record).finally(() => this.inflight.delete(p));
      this.inflight.add(p);
    }, delayMs);
    timer.unref?.(); // an attempt an hour away must not keep a process (or a test run) alive
    this.timers.add(timer);
  }

  /**
   * Deliveries go out a few at a time, as from a sender's pool of workers: a thousand jobs
   * changing state at once reach the receiver as a fast stream, not a thousand connections
   * opened in the same millisecond.
   */
  private async attempt(record: CallbackRecord) {
    const limit = this.opts.concurrency;
    if (limit > 0 && this.sending >= limit) await new Promise<void>((resolve) => this.queued.push(resolve));
    this.sending++;
    try {
      await this.deliver(record);
    } finally {
      this.sending--;
      this.queued.shift()?.();
    }
  }

  private async deliver(record: CallbackRecord) {
    if (this.closed) return;
    record.attempts++;
    let status: number | string;
    try {
      status = await this.post(record.url, record.body);
    } catch (err) {
      const e = err as { code?: string };
      status = e.code ?? 'ERROR';
    }
    record.statuses.push(status);
    record.lastStatus = status;
    if (status === 200) {
      record.delivered = true;
      record.deliveredAt = new Date().toISOString();
    } else if (record.attempts < this.opts.maxAttempts) {
      this.schedule(record, this.opts.retryMs);
    }
  }

  /**
   * One POST over a kept-alive connection. `fetch` cost the emulator about 2 ms of CPU per
   * callback; on a machine it shares with the receiver, that was CPU taken from the receiver.
   */
  private post(url: string, body: string, fresh = false): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      const target = new URL(url);
      const secure = target.protocol === 'https:';
      const req = (secure ? https : http).request(target, {
        method: 'POST',
        agent: secure ? this.agents.https : this.agents.http,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) },
      });
      const timer = setTimeout(
        () => req.destroy(Object.assign(new Error('callback timed out'), { code: 'TIMEOUT' })),
        this.opts.timeoutMs
      );
      req.on('response', (res) => {
        res.resume(); // drain so the socket goes back to the pool
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      });
      req.on('error', (err: NodeJS.ErrnoException) => {
        // A kept-alive connection the receiver closed as it was reused: sent again on a new one.
        if (req.reusedSocket && err.code === 'ECONNRESET' && !fresh) resolve(this.post(url, body, true));
        else reject(err);
      });
      req.on('close', () => clearTimeout(timer));
      req.end(body);
    });
  }

  /** How many were sent, delivered, and are still to deliver (cheaper than `list` to poll). */
  summary(): { total: number; delivered: number; undelivered: number } {
    const delivered = this.records.filter((r) => r.delivered).length;
    const skipped = this.records.filter((r) => r.skipped).length;
    return { total: this.records.length, delivered, undelivered: this.records.length - delivered - skipped };
  }

  list(): CallbackRecord[] {
    return this.records;
  }

  /** Forgets history and pending retries (control reset). */
  clear() {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.records = [];
    this.chains.clear();
  }

  async close() {
    this.closed = true;
    this.clear();
    for (const resolve of this.queued.splice(0)) resolve();
    await Promise.allSettled([...this.inflight]);
    this.agents.http.destroy();
    this.agents.https.destroy();
  }
}
