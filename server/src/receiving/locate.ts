import type { Core } from '@strapi/strapi';
import { UIDS } from '../constants';
import type { Job } from '../gengo';
import { decodeCustomData, type JobRecord, type OrderRecord } from '../platform/records';
import { updateRows } from '../platform/update-rows';

/**
 * Which of our rows a Gengo job is: by Gengo's job id once bound, else through its custom_data
 * (order reference → order, segment key and chunk index → row), whose id is then recorded on the
 * row (`bindAll`). Reads for any number of jobs in four queries.
 */
export interface Located {
  row: JobRecord;
  order: OrderRecord;
  /** Found through custom_data: the row did not know its Gengo id. */
  discovered: boolean;
}

export type Found = Located | { reason: string };

/** A job found through its custom_data whose row does not know its Gengo id yet. */
const unbound = (found: Found): found is Located => !('reason' in found) && found.discovered && !found.row.gengoJobId;

export const createJobLocator = (strapi: Core.Strapi) => {
  const jobs = () => strapi.db.query(UIDS.job);
  const orders = () => strapi.db.query(UIDS.order);

  /** The rows of Gengo jobs (reads only: `bindAll` records a discovered id). */
  const locateAll = async (list: Job[]): Promise<Array<{ job: Job; found: Found }>> => {
    const ids = list.map((job) => String(job.job_id));
    const bound = (await jobs().findMany({ where: { gengoJobId: { $in: ids } } })) as JobRecord[];
    const byJob = new Map(bound.map((r) => [r.gengoJobId, r]));
    const refs = new Set<string>();
    for (const job of list) {
      const ref = byJob.has(String(job.job_id)) ? null : decodeCustomData(job.custom_data)?.ref;
      if (ref) refs.add(ref);
    }
    const referenced = (
      refs.size ? await orders().findMany({ where: { reference: { $in: [...refs] } } }) : []
    ) as OrderRecord[];
    const byRef = new Map(referenced.map((o) => [o.reference, o]));
    const parts = (
      referenced.length ? await jobs().findMany({ where: { orderId: { $in: referenced.map((o) => o.id) } } }) : []
    ) as JobRecord[];
    const byParts = new Map(parts.map((r) => [`${r.orderId}:${r.segmentKey}:${r.chunkIndex}`, r]));
    const referencedIds = new Set(referenced.map((o) => o.id));
    const orderIds = [...new Set(bound.map((r) => r.orderId))].filter((id) => !referencedIds.has(id));
    const byId = new Map(
      [
        ...referenced,
        ...((orderIds.length ? await orders().findMany({ where: { id: { $in: orderIds } } }) : []) as OrderRecord[]),
      ].map((o) => [o.id, o])
    );

    const locate = (job: Job): Found => {
      const gengoJobId = String(job.job_id);
      const known = byJob.get(gengoJobId);
      if (known) {
        const order = byId.get(known.orderId);
        return order
          ? { row: known, order, discovered: false }
          : { reason: `job ${gengoJobId}: its order ${known.orderId} is gone` };
      }
      const data = decodeCustomData(job.custom_data);
      if (!data) return { reason: `job ${gengoJobId}: custom_data is not ours` };
      const order = byRef.get(data.ref);
      if (!order) return { reason: `job ${gengoJobId}: no order with reference ${data.ref}` };
      const row = byParts.get(`${order.id}:${data.s}:${data.c}`);
      if (!row) return { reason: `job ${gengoJobId}: order ${order.id} has no row for ${data.s}#${data.c}` };
      if (row.gengoJobId && row.gengoJobId !== gengoJobId)
        return { reason: `job ${gengoJobId}: row ${row.id} is already job ${row.gengoJobId}` };
      return { row, order, discovered: true };
    };
    return list.map((job) => ({ job, found: locate(job) }));
  };

  /**
   * Records the discovered jobs' ids on their rows (one statement), unless another job took a row
   * meanwhile.
   */
  const bindAll = async (list: Array<{ job: Job; found: Found }>): Promise<Array<{ job: Job; found: Found }>> => {
    const rows = list.flatMap(({ job, found }) =>
      unbound(found) ? [{ id: found.row.id, data: { gengoJobId: String(job.job_id) } }] : []
    );
    if (!rows.length) return list;
    const count = await updateRows(strapi, UIDS.job, rows, { whereNull: ['gengoJobId'] });
    // Some row was bound meanwhile (or twice in this list): whose it is now.
    const holders =
      count < rows.length
        ? new Map(
            (
              (await jobs().findMany({
                where: { id: { $in: rows.map((r) => r.id) } },
                select: ['id', 'gengoJobId'],
              })) as JobRecord[]
            ).map((r) => [r.id, r.gengoJobId])
          )
        : null;
    return list.map(({ job, found }) => {
      if (!unbound(found)) return { job, found };
      const gengoJobId = String(job.job_id);
      const holder = holders ? holders.get(found.row.id) : gengoJobId;
      if (holder !== gengoJobId)
        return { job, found: { reason: `job ${gengoJobId}: row ${found.row.id} was taken by job ${holder}` } };
      return { job, found: { ...found, row: { ...found.row, gengoJobId } } };
    });
  };

  /**
   * Gengo has a job of this order, so it was placed. `order` is brought up to date with what was
   * written: a slice's later jobs and its apply step read it.
   */
  const settleOrder = async (order: OrderRecord, job: Job) => {
    if (!order.gengoOrderId && job.order_id !== undefined) {
      const gengoOrderId = String(job.order_id);
      const { count } = await orders().updateMany({
        where: { id: order.id, gengoOrderId: { $null: true } },
        data: { gengoOrderId },
      });
      if (count) order.gengoOrderId = gengoOrderId;
    }
    // A POST whose outcome was unknown (`ambiguous`), or that a crash cut off or whose answer is
    // still on its way (`placing`), did place the order.
    if (order.status === 'ambiguous' || order.status === 'placing') {
      const history = [
        ...(order.history ?? []),
        { at: new Date().toISOString(), status: 'placed', note: `job ${job.job_id} found at Gengo` },
      ];
      const { count } = await orders().updateMany({
        where: { id: order.id, status: order.status },
        data: { status: 'placed', history },
      });
      if (count) Object.assign(order, { status: 'placed', history });
    }
  };

  return { locateAll, bindAll, settleOrder };
};

export type JobLocator = ReturnType<typeof createJobLocator>;
