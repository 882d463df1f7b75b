import { createHash } from 'node:crypto';
import { nowMs, nowS } from './clock';
import type { Emulator } from './context';
import { ErrorCode, GengoError, GengoErrorBody, KeyedGengoError } from './errors';
import { captchaText, jobPayload, makeAvailable } from './jobs';
import { JobSpec, jobEntries, parseFlag, validateJob } from './payloads';
import { CURRENCY, formatCredits, priceCents } from './pricing';
import { Job, lazyKeyOf, Order } from './state';
import { countUnits } from './units';

/**
 * translate/jobs (POST). Ordering follows Gengo's four documented answers (jobs-newer-revision.md):
 * - all new: `{order_id, job_count, credits_used, currency}`;
 * - all old / mix (lazy loading: same content and language pair as a job whose translation exists,
 *   any tier): `jobs` keyed like the submission, each value a list of the matching jobs, which are
 *   approved by it; free;
 * - repeats inside one payload: `jobs` as a list of lists, one per submitted job in order, the
 *   repeats sharing one job, charged once.
 * Jobs are created asynchronously: they start `queued` and become `available` after
 * `jobCreationDelayMs` (or a control flush), as Gengo's queue processes an order.
 */
function validateAll(emu: Emulator, data: Record<string, unknown>, quote = false) {
  const entries = jobEntries(data.jobs);
  if (!entries || entries.length === 0) throw new GengoError(ErrorCode.JOBS_REQUIRED, 'jobs is a required field');
  const errors: Record<string, GengoErrorBody[]> = {};
  const specs: Array<[string, JobSpec]> = [];
  for (const [key, raw] of entries) {
    const { spec, errors: errs } = validateJob(raw, emu.store, { quote });
    if (errs.length) errors[key] = errs;
    else specs.push([key, spec!]);
  }
  if (Object.keys(errors).length) throw new KeyedGengoError(errors);
  return specs;
}

function checkGroup(specs: Array<[string, JobSpec]>, asGroup: boolean) {
  if (!asGroup) return;
  if (specs.length < 2) throw new GengoError(ErrorCode.GROUP_SINGLE_JOB, 'You cannot group a single job');
  const [, first] = specs[0];
  if (specs.some(([, s]) => s.tier === 'ultra'))
    throw new GengoError(ErrorCode.GROUP_ULTRA, 'Ultra jobs cannot be grouped');
  if (specs.some(([, s]) => s.lcSrc !== first.lcSrc || s.lcTgt !== first.lcTgt || s.tier !== first.tier))
    throw new GengoError(
      ErrorCode.GROUP_MISMATCH,
      'These jobs cannot be grouped (they have different tiers, source or target languages)'
    );
}

/** Gengo refuses the same payload twice within 5 minutes (1754): retried POSTs must not double-order. */
function checkDuplicatePayload(emu: Emulator, rawData: string) {
  const window = emu.config.duplicateWindowSeconds;
  if (window <= 0) return () => undefined;
  const hash = createHash('sha1').update(rawData).digest('hex');
  const seen = emu.store.recentPayloads.get(hash);
  if (seen !== undefined && nowS(emu) - seen < window)
    throw new GengoError(ErrorCode.IDENTICAL_PAYLOAD, 'system detected an identical payload within a 5 minute window');
  return () => emu.store.recentPayloads.set(hash, nowS(emu));
}

export function placeOrder(emu: Emulator, data: Record<string, unknown>, rawData: string) {
  const { store } = emu;
  const specs = validateAll(emu, data);
  const asGroup = parseFlag(data.as_group);
  if (asGroup === 'invalid') throw new GengoError(ErrorCode.AS_GROUP_INVALID, 'as_group must be 0 or 1');
  if (parseFlag(data.allow_fork) === 'invalid')
    throw new GengoError(ErrorCode.ALLOW_FORK_INVALID, 'allow fork is invalid');
  checkGroup(specs, asGroup === true);
  const remember = checkDuplicatePayload(emu, rawData);

  // Plan first, create after the credit check, so a refused order leaves no trace.
  type Planned =
    | { kind: 'old'; key: string; matches: Job[] }
    | { kind: 'new'; key: string; spec: JobSpec; units: number; cents: number; lazyKey: string }
    | { kind: 'repeat'; key: string; firstKey: string };
  const planned: Planned[] = [];
  const firstByLazyKey = new Map<string, string>(); // new jobs of this payload, by content
  for (const [key, spec] of specs) {
    const lazyKey = lazyKeyOf(spec.bodySrc, spec.lcSrc, spec.lcTgt);
    const firstKey = spec.force ? undefined : firstByLazyKey.get(lazyKey);
    if (firstKey !== undefined) {
      planned.push({ kind: 'repeat', key, firstKey });
      continue;
    }
    const matches = spec.force ? [] : store.lazyMatches(lazyKey);
    if (matches.length) {
      planned.push({ kind: 'old', key, matches });
      continue;
    }
    if (!firstByLazyKey.has(lazyKey)) firstByLazyKey.set(lazyKey, key);
    const units = countUnits(spec.bodySrc, spec.lcSrc);
    planned.push({ kind: 'new', key, spec, units, cents: priceCents(spec.lcSrc, spec.tier, units), lazyKey });
  }
  const fresh = planned.filter((p): p is Extract<Planned, { kind: 'new' }> => p.kind === 'new');
  const totalCents = fresh.reduce((sum, f) => sum + f.cents, 0);
  if (totalCents > store.balanceCents)
    throw new GengoError(ErrorCode.NOT_ENOUGH_CREDITS, 'Not enough credits - please top up', 200, {
      credits_needed: formatCredits(totalCents),
      credits_available: formatCredits(store.balanceCents),
    });
  remember();

  store.balanceCents -= totalCents;
  store.spentCents += totalCents;
  const ctime = nowS(emu);
  const order: Order = {
    id: store.newOrderId(),
    jobIds: [],
    asGroup: asGroup === true,
    ctime,
    creditsCents: totalCents,
    comments: [],
  };
  if (typeof data.comment === 'string' && data.comment)
    order.comments.push({ body: data.comment, author: 'customer', ctime });
  if (order.asGroup && fresh.length) {
    order.groupId = store.newGroupId();
    store.groups.set(order.groupId, { id: order.groupId, jobIds: order.jobIds, ctime });
  }
  store.orders.set(order.id, order);
  const created = new Map<string, Job>();
  fresh.forEach(({ key, spec, units, cents, lazyKey }, i) => {
    const id = store.newJobId();
    const job: Job = {
      id,
      orderId: order.id,
      groupId: order.groupId,
      type: spec.type,
      slug: spec.slug,
      bodySrc: spec.bodySrc,
      lcSrc: spec.lcSrc,
      lcTgt: spec.lcTgt,
      tier: spec.tier,
      unitCount: units,
      creditsCents: cents,
      status: 'queued',
      callbackUrl: spec.callbackUrl,
      autoApprove: spec.autoApprove,
      ctime,
      ctimeMs: nowMs(emu) + i / 1000,
      customData: spec.customData,
      position: spec.position,
      comments: spec.comment ? [{ body: spec.comment, author: 'customer', ctime }] : [],
      revisions: [],
      captcha: captchaText(id, 0),
      captchaNonce: 0,
      archived: false,
      lazyKey,
    };
    store.addJob(job);
    order.jobIds.push(id);
    created.set(key, job);
  });
  // Machine translation is instant; human jobs wait for the queue.
  for (const job of created.values()) if (job.tier === 'machine') makeAvailable(emu, job);
  scheduleCreation(emu, order.jobIds);

  const response: Record<string, unknown> = {
    order_id: String(order.id),
    job_count: specs.length,
    credits_used: formatCredits(totalCents),
    currency: CURRENCY,
  };
  if (order.groupId !== undefined) response.group_id = String(order.groupId);
  const view = (j: Job) => jobPayload(emu, j, { preMt: true });
  const old = planned.filter((p): p is Extract<Planned, { kind: 'old' }> => p.kind === 'old');
  // Lazy loading: "The status for these jobs will be updated as approved" (no callback: not an event Gengo lists).
  for (const p of old) for (const j of p.matches) if (j.status === 'reviewable') j.status = 'approved';
  if (planned.some((p) => p.kind === 'repeat')) {
    const jobsOf = (p: Planned): Job[] => {
      if (p.kind === 'old') return p.matches;
      if (p.kind === 'new') return [created.get(p.key)!];
      return jobsOf(planned.find((q) => q.key === p.firstKey)!);
    };
    response.jobs = planned.map((p) => jobsOf(p).map(view));
  } else if (old.length) {
    response.jobs = Object.fromEntries(old.map((p) => [p.key, p.matches.map(view)]));
  }
  return response;
}

/** Queued jobs of an order become available after the configured delay. */
export function scheduleCreation(emu: Emulator, jobIds: number[]) {
  const timer = setTimeout(() => {
    emu.creationTimers.delete(timer);
    for (const id of jobIds) {
      const job = emu.store.job(id);
      if (job?.status === 'queued') makeAvailable(emu, job);
    }
    emu.stateFile?.schedule();
  }, emu.config.jobCreationDelayMs);
  emu.creationTimers.add(timer);
}

/** Control flush: every queued job becomes available now. */
export function flushQueued(emu: Emulator): number {
  let n = 0;
  for (const job of emu.store.jobs.values())
    if (job.status === 'queued') {
      makeAvailable(emu, job);
      n++;
    }
  return n;
}
