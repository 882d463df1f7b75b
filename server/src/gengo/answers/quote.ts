import type { QuotedJob } from '../types';

/*
 * The `jobs` of a `POST translate/service/quote` answer, keyed by the keys we asked about, from
 * either shape Gengo uses: an object keyed by our keys, or Gengo's own documented example, a list
 * of one-key objects (`jobs: [{"job_1": {…}}, {"job_2": {…}}]`). A list of bare quotes is tied to
 * our keys by place. A key without a usable price (missing, or credits / unit_count that are not
 * numbers) is reported in `missing`: a price we did not get is never read as 0.
 */

const isPrice = (v: unknown): v is QuotedJob => {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  const q = v as Record<string, unknown>;
  const num = (x: unknown) =>
    (typeof x === 'number' || (typeof x === 'string' && x.trim() !== '')) && Number.isFinite(Number(x));
  return num(q.credits) && num(q.unit_count);
};

export const normalizeQuoteAnswer = (
  asked: string[],
  answered: unknown
): { jobs: Record<string, QuotedJob>; missing: string[] } => {
  const found = new Map<string, unknown>();
  if (Array.isArray(answered)) {
    answered.forEach((item, i) => {
      if (isPrice(item)) {
        if (i < asked.length) found.set(asked[i], item);
        return;
      }
      if (item && typeof item === 'object')
        for (const [key, value] of Object.entries(item as Record<string, unknown>)) found.set(key, value);
    });
  } else if (answered && typeof answered === 'object') {
    for (const [key, value] of Object.entries(answered as Record<string, unknown>)) found.set(key, value);
  }
  const jobs: Record<string, QuotedJob> = {};
  const missing: string[] = [];
  for (const key of asked) {
    const value = found.get(key);
    if (isPrice(value)) jobs[key] = value;
    else missing.push(key);
  }
  return { jobs, missing };
};
