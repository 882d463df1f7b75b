import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { ApproveFieldsRequest, ApproveRequest, FieldActionResult } from '../../../shared/contracts/review';
import { pluginConfig } from '../platform/config';
import { assertMayReview, type ContentAccess } from '../platform/content-permissions';
import type { JobRecord } from '../platform/records';
import { getService } from '../platform/services';
import type { EntryReviewService } from './entry';
import { jobState } from './entry';

/**
 * A field approved or sent back as a whole (`POST /gengo/orders/:id/approve|revise`): the server
 * acts on each Gengo job of the field's segments that waits for review, one after the other, and
 * says per job what happened. Rights are checked once, before any Gengo call.
 */
export const createFieldActions = (
  strapi: Core.Strapi,
  entry: EntryReviewService,
  act: (jobId: number) => {
    approve: (input: ApproveRequest) => Promise<unknown>;
    revise: (comment: string) => Promise<unknown>;
  }
) => {
  /** The reviewable jobs of the named fields (all fields when none is named); 400 on an unknown field. */
  const jobsOf = async (
    orderId: number,
    fields: string[] | null | undefined,
    access: ContentAccess,
    publish: boolean
  ): Promise<JobRecord[]> => {
    const store = getService(strapi, 'ordering').store;
    const order = await store.findOrder(orderId);
    if (!order) throw new errors.NotFoundError(`Order ${orderId} not found`);
    await assertMayReview(access, order, { publish });
    const fieldOf = await entry.fieldsOf(order);
    const known = new Set(fieldOf.values());
    const unknown = (fields ?? []).filter((f) => !known.has(f));
    if (unknown.length)
      throw new errors.ValidationError(`Not a field of order ${orderId}: ${unknown.map((f) => `"${f}"`).join(', ')}`);
    const wanted = fields?.length ? new Set(fields) : known;
    const seen = new Set<string>();
    const jobs = (await store.jobsOf([orderId])).filter((j) => {
      if (!wanted.has(fieldOf.get(j.segmentKey) ?? '') || jobState(j) !== 'reviewable') return false;
      // A Gengo job shared by two rows (a repeated text) is acted on once.
      const key = j.gengoJobId ?? `row:${j.id}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    if (!jobs.length) throw new errors.ValidationError('Nothing in these fields waits for your review');
    return jobs;
  };

  const each = async (jobs: JobRecord[], call: (id: number) => Promise<unknown>): Promise<FieldActionResult> => {
    const result: FieldActionResult = { done: [], failed: [] };
    for (const job of jobs) {
      try {
        await call(job.id);
        result.done.push(job.id);
      } catch (err: any) {
        result.failed.push({ jobId: job.id, message: err?.message ?? String(err) });
      }
    }
    return result;
  };

  return {
    async approve(orderId: number, input: ApproveFieldsRequest, access: ContentAccess) {
      const { fields, ...feedback } = input;
      const jobs = await jobsOf(orderId, fields, access, pluginConfig(strapi).publishWhenApproved);
      return each(jobs, (id) => act(id).approve(feedback));
    },
    async revise(orderId: number, input: { fields: string[]; comment: string }, access: ContentAccess) {
      const jobs = await jobsOf(orderId, input.fields, access, false);
      return each(jobs, (id) => act(id).revise(input.comment));
    },
  };
};
