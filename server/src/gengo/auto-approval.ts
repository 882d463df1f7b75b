/**
 * Gengo approves a reviewable job by itself (overview.md, "Automatic approval"): "If a job is in a
 * reviewable state for a certain time, it will be automatically approved. The period is 72 hours,
 * or 24 hours for each 1000 words, whichever is the greatest" (a 5,000 word job: 120 hours). The
 * emulator applies the same rule on its clock (emulator/src/jobs.ts). Pure: no Strapi.
 */
export const AUTO_APPROVE_MIN_MS = 72 * 3600 * 1000;
const PER_THOUSAND_UNITS_MS = 24 * 3600 * 1000;

/** How long a job of `units` words (Gengo's unit_count) stays reviewable before Gengo approves it. */
export const autoApprovePeriodMs = (units: number | null | undefined): number =>
  Math.max(AUTO_APPROVE_MIN_MS, (PER_THOUSAND_UNITS_MS * Math.max(0, Number(units) || 0)) / 1000);

/**
 * When Gengo approves a job that became reviewable at `reviewableAt` (ISO), or null. Gengo's job
 * payload does not say when a job became reviewable: the plugin records when it learnt it (a
 * callback or a poll). The deadline shown can therefore be later than Gengo's by how late we
 * learnt it: seconds with callbacks, up to the poll interval without them.
 */
export const autoApproveAt = (
  reviewableAt: string | null | undefined,
  units: number | null | undefined
): string | null => {
  const from = reviewableAt ? Date.parse(reviewableAt) : NaN;
  return Number.isFinite(from) ? new Date(from + autoApprovePeriodMs(units)).toISOString() : null;
};

/** The warning comes a day before. */
export const AUTO_APPROVE_WARN_MS = 24 * 3600 * 1000;
