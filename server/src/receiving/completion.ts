import type { Core } from '@strapi/strapi';
import { UIDS } from '../constants';
import { pluginConfig } from '../platform/config';
import { groupBy } from '../platform/group-by';
import { asPluginWrite } from '../platform/plugin-writes';
import type { JobRecord, OrderRecord } from '../platform/records';
import { updateRows } from '../platform/update-rows';

/** After writes: orders whose jobs are all approved and written completed, and (per site) published. */
export const createCompletion = (strapi: Core.Strapi) => ({
  /**
   * Once every job of an order is approved and written, the order is completed: those of
   * `orders` that are (then `publishIfWanted`, after the write is committed), in two statements
   * for all of them.
   */
  async completeIfDone(orders: OrderRecord[]): Promise<OrderRecord[]> {
    if (!orders.length) return [];
    const rows = (await strapi.db.query(UIDS.job).findMany({
      where: { orderId: { $in: orders.map((o) => o.id) } },
      select: ['orderId', 'appliedStatus', 'status'],
    })) as JobRecord[];
    const jobsOf = groupBy(rows, (r) => r.orderId);
    const done = orders.filter((o) =>
      jobsOf.get(o.id)?.every((r) => r.appliedStatus === 'approved' && r.status === 'approved')
    );
    const at = new Date().toISOString();
    const completing = done.filter((o) => o.status !== 'completed');
    await updateRows(
      strapi,
      UIDS.order,
      completing.map((o) => ({
        id: o.id,
        data: { status: 'completed', history: [...(o.history ?? []), { at, status: 'completed' }] },
      }))
    );
    return done;
  },

  /**
   * When the site asks for it (`publishWhenApproved` in the plugin config) and the source
   * locale is published, a completed order's target locale is published too.
   */
  async publishIfWanted(order: OrderRecord): Promise<void> {
    if (!pluginConfig(strapi).publishWhenApproved) return;
    if (!(strapi.getModel(order.contentType as any) as any)?.options?.draftAndPublish) return;
    const docs = strapi.documents(order.contentType as any);
    const sourcePublished = await docs.findOne({
      documentId: order.targetDocumentId,
      locale: order.sourceLocale,
      status: 'published',
      fields: ['id'],
    } as any);
    if (!sourcePublished) return;
    await asPluginWrite(() => docs.publish({ documentId: order.targetDocumentId, locale: order.targetLocale } as any));
    strapi.log.info(`[gengo] order ${order.id}: all jobs approved, ${order.targetLocale} published`);
  },
});
