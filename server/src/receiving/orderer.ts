import type { Core } from '@strapi/strapi';
import { userAccess } from '../platform/content-permissions';
import type { OrderRecord } from '../platform/records';

/**
 * A write done later carries the authority of the admin who ordered: their rights as they stand
 * now (platform/content-permissions.ts). Null: they may write these paths; else why not. Orders
 * placed by no admin (translate on publish, scripts) are internal.
 */
export const ordererRefusal = async (
  strapi: Core.Strapi,
  order: OrderRecord,
  paths: string[]
): Promise<string | null> => {
  if (order.orderedById == null) return null;
  const access = await userAccess(strapi, order.orderedById);
  const who = order.orderedByName ?? `admin #${order.orderedById}`;
  if (!access) return `${who}, who ordered it, is no longer an active admin: waiting for a reviewer`;
  try {
    await access.assertWrite(order.contentType, order.targetDocumentId, order.targetLocale, paths);
    return null;
  } catch (err: any) {
    return `${who}, who ordered it, may no longer write it (${err?.message ?? err}): waiting for a reviewer`;
  }
};
