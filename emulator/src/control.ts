import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AutoMode } from './auto';
import type { Emulator } from './context';
import { GengoError } from './errors';
import type { FaultSpec } from './faults';
import { nowMs } from './clock';
import { readBody, sendJson } from './http-utils';
import { advance, autoApproveAt, jobPayload, sweepAutoApprovals, workerComment } from './jobs';
import { flushQueued } from './ordering';
import { JOB_STATUSES, JobStatus, Store } from './state';

/**
 * The control API, /_emulator/… — JSON in, JSON out, no auth. Real Gengo has nothing like it;
 * it lets tests and the demo drive translators, the customer's dashboard, time, money and
 * failures. Routes are listed in emulator/README.md and wrapped by control-client.ts.
 */
export function resetState(emu: Emulator, credits = emu.config.startCredits) {
  for (const t of emu.creationTimers) clearTimeout(t);
  emu.creationTimers.clear();
  emu.store = new Store(credits);
  emu.stateFile?.flush();
  emu.callbacks.clear();
  emu.faults.clear();
  emu.requests.length = 0;
  emu.recentCalls.clear();
}

type Body = Record<string, unknown>;

async function jsonBody(req: IncomingMessage): Promise<Body> {
  const raw = (await readBody(req)).toString('utf8');
  if (!raw.trim()) return {};
  return JSON.parse(raw) as Body;
}

function jobView(emu: Emulator, id: string) {
  const job = emu.store.job(id);
  if (!job) return undefined;
  return {
    ...jobPayload(emu, job),
    captcha: job.captcha,
    comments: job.comments,
    revisions: job.revisions,
    feedback: job.feedback ?? null,
    archived: job.archived,
    rejection: job.rejection ?? null,
    /** Emulated Unix seconds at which this reviewable job approves itself (null otherwise). */
    auto_approve_at: autoApproveAt(job) ?? null,
  };
}

/** The emulated clock (clock.ts), as the control API shows it. */
const clockView = (emu: Emulator) => ({
  now: Math.floor(nowMs(emu) / 1000),
  offsetSeconds: Math.round(emu.store.clockOffsetMs / 1000),
});

export async function handleControl(
  emu: Emulator,
  auto: AutoMode,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL
) {
  const method = (req.method ?? 'GET').toUpperCase();
  const path = url.pathname.replace(/^\/_emulator\/?/, '').replace(/\/+$/, '');
  const body = method === 'GET' || method === 'DELETE' ? {} : await jsonBody(req).catch(() => null);
  if (body === null) return sendJson(res, 400, { error: 'body must be JSON' });
  const ok = (data: unknown = { ok: true }) => sendJson(res, 200, data);
  const fail = (status: number, error: string) => sendJson(res, status, { error });
  const jobMatch = /^jobs\/(\d+)(?:\/(advance|comment))?$/.exec(path);
  try {
    if (method === 'GET' && path === '')
      return ok({ ok: true, auto: auto.on, autoIntervalMs: auto.intervalMs, clock: clockView(emu), ...summary(emu) });
    if (method === 'POST' && path === 'reset') {
      resetState(emu, body.credits === undefined ? undefined : Number(body.credits));
      return ok();
    }
    if (path === 'balance' && method === 'GET') return ok({ credits: emu.store.balanceCents / 100 });
    if (path === 'balance' && (method === 'POST' || method === 'PUT')) {
      const credits = Number(body.credits);
      if (!Number.isFinite(credits)) return fail(400, 'credits must be a number');
      emu.store.balanceCents = Math.round(credits * 100);
      return ok({ credits });
    }
    if (method === 'GET' && path === 'jobs') {
      sweepAutoApprovals(emu);
      return ok([...emu.store.jobs.keys()].map((id) => jobView(emu, String(id))));
    }
    if (jobMatch) {
      sweepAutoApprovals(emu);
      const job = emu.store.job(jobMatch[1]);
      if (!job) return fail(404, `no job ${jobMatch[1]}`);
      if (method === 'GET' && !jobMatch[2]) return ok(jobView(emu, jobMatch[1]));
      if (method === 'POST' && jobMatch[2] === 'advance') {
        const status = String(body.status ?? '') === 'cancelled' ? 'canceled' : String(body.status ?? '');
        if (!JOB_STATUSES.includes(status as JobStatus))
          return fail(400, `status must be one of ${JOB_STATUSES.join(', ')}`);
        advance(emu, job, status as JobStatus);
        return ok(jobView(emu, jobMatch[1]));
      }
      if (method === 'POST' && jobMatch[2] === 'comment') {
        if (typeof body.body !== 'string' || !body.body) return fail(400, 'body (the comment text) is required');
        workerComment(emu, job, body.body);
        return ok(jobView(emu, jobMatch[1]));
      }
    }
    if (method === 'POST' && path === 'flush') return ok({ flushed: flushQueued(emu) });
    if (path === 'faults' && method === 'POST') return ok(emu.faults.add(body as FaultSpec));
    if (path === 'faults' && method === 'GET') return ok(emu.faults.list());
    if (path === 'faults' && method === 'DELETE') return (emu.faults.clear(), ok());
    if (path === 'callbacks' && method === 'GET') return ok(emu.callbacks.list());
    if (path === 'callbacks/summary' && method === 'GET') return ok(emu.callbacks.summary());
    if (path === 'callbacks' && method === 'DELETE') return (emu.callbacks.clear(), ok());
    if (path === 'callbacks/retry-interval' && method === 'POST')
      return (emu.callbacks.setRetryMs(Number(body.ms)), ok());
    if (path === 'clock' && method === 'GET') return ok(clockView(emu));
    if (path === 'clock' && method === 'POST') {
      const seconds = Number(body.advanceSeconds);
      if (!Number.isFinite(seconds) || seconds < 0) return fail(400, 'advanceSeconds must be a number ≥ 0');
      emu.store.clockOffsetMs += Math.round(seconds * 1000);
      sweepAutoApprovals(emu); // what fell due meanwhile happens now, with its callbacks
      return ok(clockView(emu));
    }
    if (path === 'requests' && method === 'GET') return ok(emu.requests);
    if (path === 'requests' && method === 'DELETE') return ((emu.requests.length = 0), ok());
    if (path === 'auto' && method === 'POST') {
      if (body.approveReviewable !== undefined) emu.config.autoApprovesReviewable = body.approveReviewable === true;
      if (body.on === false) auto.stop();
      else auto.start(body.intervalMs === undefined ? undefined : Number(body.intervalMs));
      return ok({ on: auto.on, intervalMs: auto.intervalMs, approveReviewable: emu.config.autoApprovesReviewable });
    }
    if (path === 'auto/tick' && method === 'POST') return (auto.tick(), ok());
    if (path === 'rate-limit' && method === 'POST') {
      emu.config.rateLimitPerMinute = Number(body.perMinute ?? 0);
      emu.recentCalls.clear();
      return ok({ perMinute: emu.config.rateLimitPerMinute });
    }
    return fail(404, `no control route ${method} /_emulator/${path}`);
  } catch (err) {
    if (err instanceof GengoError) return fail(409, err.message);
    if (err instanceof Error) return fail(400, err.message);
    throw err;
  }
}

function summary(emu: Emulator) {
  const byStatus: Record<string, number> = {};
  for (const j of emu.store.jobs.values()) byStatus[j.status] = (byStatus[j.status] ?? 0) + 1;
  return { credits: emu.store.balanceCents / 100, jobs: emu.store.jobs.size, orders: emu.store.orders.size, byStatus };
}
