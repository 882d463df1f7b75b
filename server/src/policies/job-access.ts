import type { Core } from '@strapi/strapi';
import { assertMayReadOrder, assertMayReview, requestAccess } from '../platform/content-permissions';
import { pluginConfig } from '../platform/config';
import { getService } from '../platform/services';

/**
 * `/gengo/jobs/:id…`: a job shows and changes its order's entry, so the content manager's rights on
 * it apply (platform/content-permissions.ts). `read`: read on the order's source and target locales;
 * `review`: also write (update, or create while the target has no version) the order's fields in the
 * target locale, and publish there when approving publishes. An unknown job is left to the
 * controller (404).
 */
export default async (
  policyContext: any,
  config: { action?: 'read' | 'review'; publishes?: boolean },
  { strapi }: { strapi: Core.Strapi }
) => {
  const access = requestAccess(strapi, policyContext);
  if (!access.restricted) return true;
  const store = getService(strapi, 'ordering').store;
  const job = await store.findJob(String(policyContext.params?.id ?? ''));
  const order = job ? await store.findOrder(job.orderId) : null;
  if (!order) return true;
  if (config?.action === 'review')
    await assertMayReview(access, order, {
      publish: Boolean(config.publishes) && pluginConfig(strapi).publishWhenApproved,
    });
  else await assertMayReadOrder(access, order);
  return true;
};
