import type { Job, JobPayload, PostedJobs } from '../types';

/*
 * The `jobs` of a `POST translate/jobs` answer, in every shape Gengo's pages show
 * (jobs-newer-revision.md, "Response"), read into one form: for each key we posted, the job(s)
 * that serve it.
 *
 * - all new: no `jobs` at all. Every key gets `[]`: its job comes with the order, later.
 * - all old / mix (lazy loading): `jobs` keyed by OUR keys, each value a list (several matches
 *   when `force` was used in past POSTs). Keys not listed are new.
 * - repeats: `jobs` as a list of lists, without keys, several entries sharing one `job_id`
 *   (charged once). An entry is tied to a key by its place when the list has one entry per
 *   posted job and the contents agree, otherwise by its content (body_src and language pair,
 *   which is what makes a repeat a repeat).
 * - anything else Gengo may send (a key it renamed, a lone job instead of a list): tied by
 *   content too. A job that matches nothing is reported in `unmatched`, never guessed onto a key.
 */

const isJob = (v: unknown): v is Job =>
  !!v && typeof v === 'object' && !Array.isArray(v) && (v as { job_id?: unknown }).job_id != null;

const toJobs = (v: unknown): Job[] => (Array.isArray(v) ? v.filter(isJob) : isJob(v) ? [v] : []);

const lc = (v: unknown) => String(v ?? '').toLowerCase();

/** Whether a listed job is the translation of a posted payload (same text, same language pair). */
const sameContent = (job: Job, posted: JobPayload): boolean =>
  typeof job.body_src === 'string' &&
  typeof posted.body_src === 'string' &&
  job.body_src.trim() === posted.body_src.trim() &&
  lc(job.lc_src) === lc(posted.lc_src) &&
  lc(job.lc_tgt) === lc(posted.lc_tgt);

/** A listed job may stand at a posted job's place: nothing in it says otherwise. */
const fitsPlace = (job: Job, posted: JobPayload): boolean =>
  typeof job.body_src !== 'string' || typeof posted.body_src !== 'string' || sameContent(job, posted);

export const normalizePostJobsAnswer = (posted: Record<string, JobPayload>, answered: unknown): PostedJobs => {
  const keys = Object.keys(posted);
  const postedKeys = new Set(keys);
  const byKey: Record<string, Job[]> = Object.fromEntries(keys.map((k) => [k, []]));
  const servedBy = new Map<string, { job: Job; keys: string[] }>();
  const unmatched: Job[] = [];

  const assign = (job: Job, key: string) => {
    const id = String(job.job_id);
    if (!byKey[key].some((j) => String(j.job_id) === id)) byKey[key].push(job);
    const entry = servedBy.get(id) ?? { job, keys: [] };
    if (!entry.keys.includes(key)) entry.keys.push(key);
    servedBy.set(id, entry);
  };
  const byContent = (job: Job) => {
    const matches = keys.filter((k) => sameContent(job, posted[k]));
    if (!matches.length) unmatched.push(job);
    for (const k of matches) assign(job, k);
  };

  if (Array.isArray(answered)) {
    const lists = answered.map(toJobs);
    const inPlace =
      lists.length === keys.length && lists.every((jobs, i) => jobs.every((j) => fitsPlace(j, posted[keys[i]])));
    lists.forEach((jobs, i) => jobs.forEach((job) => (inPlace ? assign(job, keys[i]) : byContent(job))));
  } else if (answered && typeof answered === 'object') {
    for (const [key, value] of Object.entries(answered as Record<string, unknown>)) {
      const jobs = toJobs(value);
      if (postedKeys.has(key)) jobs.forEach((job) => assign(job, key));
      else jobs.forEach(byContent);
    }
  }
  return { byKey, jobs: [...servedBy.values()], unmatched };
};
