import type { Core } from '@strapi/strapi';
import type { ReusedSummary } from '../../../shared/contracts/memory';
import type { JobRecord, OrderRecord } from '../platform/records';
import { getService } from '../platform/services';
import type { Plan } from './plan';
import type { OrderStore } from './store';

/**
 * The translation memory in the ordering pipeline (issue 22). Before pricing, each target's plan
 * learns which segments were approved before for its language pair (`withMemory`): those are
 * neither quoted nor posted. Their job rows are still recorded with the order, and once it is
 * placed they get the remembered text (`recordReused`) and go through the receiving side's apply
 * exactly like a delivered translation: stale, conflict with a person's words, no-draft holding,
 * reviewable or approved as the order says.
 */

/** Marks the reused segments on each plan (one query for all); `reuse: false` orders everything. */
export const withMemory = async <T extends { plan: Plan; lcTgt: string }>(
  strapi: Core.Strapi,
  plans: T[],
  lcSrc: string,
  tier: string,
  reuse: boolean
): Promise<T[]> => {
  if (!reuse || !plans.length) return plans;
  const hits = await getService(strapi, 'memory').hits(
    plans.map((p) => ({
      lcSrc,
      lcTgt: p.lcTgt,
      tier,
      segments: p.plan.segments.map((s) => ({
        key: s.key,
        protected: s.protected,
        chunkCount: (s.separators?.length ?? 0) + 1,
      })),
    }))
  );
  plans.forEach((p, i) => {
    if (hits[i].size) p.plan.reused = hits[i];
  });
  return plans;
};

/** What the quote shows beside what is ordered: "N units reused · 0 USD". */
export const reusedSummary = (plan: Plan): ReusedSummary | undefined => {
  if (!plan.reused?.size) return undefined;
  const units = [...plan.reused.values()].reduce((sum, r) => sum + r.origin.units, 0);
  return { segments: plan.reused.size, units, credits: 0 };
};

/**
 * The reused segments' rows of a placed order given their remembered text, approved when the
 * order auto-approves, else reviewable (a reviewer approves it in the plugin: there is no Gengo job).
 * Returns the segment keys to apply. Idempotent: a row holding its text already is left alone.
 */
export const recordReused = async (
  store: OrderStore,
  order: OrderRecord,
  plan: Plan,
  autoApprove: boolean
): Promise<string[]> => {
  if (!plan.reused?.size) return [];
  const status: JobRecord['status'] = autoApprove ? 'approved' : 'reviewable';
  const rows = (await store.jobsOf([order.id])).filter((r) => plan.reused!.has(r.segmentKey));
  const segments = new Set<string>();
  for (const row of rows) {
    const reused = plan.reused.get(row.segmentKey)!;
    segments.add(row.segmentKey);
    if (row.reusedFrom) continue;
    const from = reused.origin;
    await store.updateJob(
      row,
      {
        gengoStatus: status,
        status,
        bodyTgt: reused.chunks[row.chunkIndex],
        unitCount: 0,
        credits: 0,
        reusedFrom: from,
      },
      `reused from the translation memory (approved ${from.approvedAt ?? 'before'}${from.orderId ? ` in order ${from.orderId}` : ''}): no Gengo job, no cost`
    );
  }
  return [...segments];
};
