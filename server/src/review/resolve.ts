import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UIDS } from '../constants';
import type { ResolveRequest } from '../../../shared/contracts/orders';
import type { OrderRecord, Resolution } from '../platform/records';
import { assertMayReview, type ContentAccess } from '../platform/content-permissions';
import { getService } from '../platform/services';

/**
 * A reviewer's choice on a conflict, per path: `keep` (the person's text stays, the job counts as
 * done) or `take` (the translation is written over it, its hashes recorded). Recorded on the order,
 * then the segment applied again through the receiving queue.
 */
export type ResolveInput = ResolveRequest;

export const createResolve =
  (strapi: Core.Strapi) => async (orderId: number, input: ResolveInput, by: string | null, access?: ContentAccess) => {
    const orders = () => strapi.db.query(UIDS.order);
    const order = (await orders().findOne({ where: { id: orderId } })) as OrderRecord | null;
    if (!order) throw new errors.NotFoundError(`Order ${orderId} not found`);
    // Keep or take, it is a decision on the target locale: the content manager's write rights there.
    if (access) await assertMayReview(access, order);
    const segment = order.segments?.find((s) => s.paths.includes(input.path));
    if (!segment) throw new errors.ValidationError(`"${input.path}" is not a path of order ${orderId}`);
    const rows = await strapi.db.query(UIDS.job).findMany({ where: { orderId, segmentKey: segment.key } });
    if (!rows.some((r: any) => r.status === 'conflict'))
      throw new errors.ValidationError(`"${input.path}" of order ${orderId} is not in conflict`);
    const resolution: Resolution = { choice: input.choice, at: new Date().toISOString(), by };
    const resolutions = { ...(order.resolutions ?? {}), [input.path]: resolution };
    const history = [
      ...(order.history ?? []),
      {
        at: resolution.at,
        status: order.status,
        note: `${input.path}: ${input.choice === 'keep' ? "the person's text kept" : 'the translation taken'}${by ? ` by ${by}` : ''}`,
      },
    ];
    await orders().update({ where: { id: orderId }, data: { resolutions, history } });
    const outcome = await getService(strapi, 'receiving').request(orderId, segment.key);
    return { path: input.path, choice: input.choice, outcome };
  };
