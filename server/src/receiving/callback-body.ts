import { errors } from '@strapi/utils';

/** The job id of a callback's `job` or `comment` field (JSON); the rest of the body is not used. */
export const parseCallbackBody = (body: unknown): { kind: 'job' | 'comment'; jobId: string } => {
  const form = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const kind = typeof form.job === 'string' ? 'job' : typeof form.comment === 'string' ? 'comment' : null;
  if (!kind) throw new errors.ValidationError('A callback has a "job" or a "comment" field');
  let payload: any;
  try {
    payload = JSON.parse(form[kind] as string);
  } catch {
    throw new errors.ValidationError(`The "${kind}" field is not JSON`);
  }
  const id = payload?.job_id;
  if (!((typeof id === 'string' && /^\d{1,20}$/.test(id)) || (Number.isSafeInteger(id) && id > 0))) {
    throw new errors.ValidationError(`The "${kind}" field has no valid job_id`);
  }
  return { kind, jobId: String(id) };
};
