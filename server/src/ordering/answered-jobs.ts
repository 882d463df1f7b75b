import type { Core } from '@strapi/strapi';
import { UIDS } from '../constants';
import { decodeCustomData, jobIdentity, rowIdentity, type JobRecord, type OrderRecord } from '../platform/records';
import type { OrderStore } from './store';

/** A job of Gengo's `POST translate/jobs` answer, with the chunk of ours it was posted for. */
export interface AnsweredJob {
  segmentKey: string;
  chunkIndex: number;
  job: { job_id: unknown; status?: unknown; body_tgt?: unknown; custom_data?: unknown; credits?: unknown };
}

/**
 * Jobs Gengo answered at once in `POST translate/jobs` (lazy loading: a text it translated
 * before; repeats within the payload): their status, text and id go on our rows. A job whose
 * custom_data names another row (a repeat: Gengo made one job for every row of the same text,
 * carrying the first one's custom_data; an old job of an earlier order) is this row's too, as a
 * shared job: `sharedJobKey` says which job it is, `sharedWithOrderId` which of our orders
 * placed it. Returns the segments touched and what the shared jobs were quoted at (Gengo
 * charges a job once: on the row that placed it). Part of the order store (reached through it).
 */
export const recordAnsweredJobs = async (
  strapi: Core.Strapi,
  store: Pick<OrderStore, 'findJobByParts' | 'setGengoJobId' | 'updateJob'>,
  order: Pick<OrderRecord, 'id' | 'reference' | 'scope'>,
  answered: AnsweredJob[]
): Promise<{ segments: string[]; sharedCredits: number }> => {
  const segments = new Set<string>();
  let sharedCredits = 0;
  const refs = [
    ...new Set(
      answered.flatMap(({ job }) => {
        const ref = decodeCustomData(job.custom_data)?.ref;
        return ref && ref !== order.reference ? [ref] : [];
      })
    ),
  ];
  const owners = new Map(
    (refs.length
      ? ((await strapi.db
          .query(UIDS.order as any)
          .findMany({ where: { reference: { $in: refs } }, select: ['id', 'reference'] })) as Array<
          Pick<OrderRecord, 'id' | 'reference'>
        >)
      : []
    ).map((o) => [o.reference, o.id])
  );
  for (const { segmentKey, chunkIndex, job } of answered) {
    const row = await store.findJobByParts(order.id, segmentKey, chunkIndex);
    if (!row) continue;
    const gengoStatus = job.status === 'cancelled' ? 'canceled' : String(job.status ?? '');
    const identity = jobIdentity(job.custom_data);
    const own = identity === rowIdentity(order.reference, segmentKey, chunkIndex);
    const ref = decodeCustomData(job.custom_data)?.ref;
    const sharedWithOrderId = own ? null : ref === order.reference ? order.id : (owners.get(ref ?? '') ?? null);
    const bound = await store.setGengoJobId(row.id, String(job.job_id), {
      scope: order.scope,
      ...(own ? {} : { sharedJobKey: identity, sharedWithOrderId }),
    });
    if (bound && !own) sharedCredits += Number(job.credits ?? 0) || 0;
    const note = own
      ? 'answered at once by Gengo'
      : `answered at once by Gengo with job ${job.job_id}, shared with ${sharedWithOrderId ? `order ${sharedWithOrderId}` : 'a job placed elsewhere'}`;
    await store.updateJob(
      row,
      {
        gengoStatus,
        status: gengoStatus as JobRecord['status'],
        ...(typeof job.body_tgt === 'string' ? { bodyTgt: job.body_tgt } : {}),
      },
      note
    );
    segments.add(segmentKey);
  }
  return { segments: [...segments], sharedCredits: Math.round(sharedCredits * 100) / 100 };
};
