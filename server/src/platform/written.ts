import type { Core } from '@strapi/strapi';
import { UIDS } from '../constants';
import type { JobRecord } from './records';

/**
 * Path → hash of what the plugin last wrote there, over every order for one target (type,
 * document, locale): a leaf holding one of these is the plugin's text, anything else a person's.
 * Read by ordering (what the target holds when ordered) and receiving (before each write).
 */
export const writtenHashesOf = async (
  strapi: Core.Strapi,
  target: { contentType: string; targetDocumentId: string; targetLocale: string }
): Promise<Record<string, string>> => {
  const orders = await strapi.db.query(UIDS.order).findMany({
    where: {
      contentType: target.contentType,
      targetDocumentId: target.targetDocumentId,
      targetLocale: target.targetLocale,
    },
    select: ['id'],
  });
  if (!orders.length) return {};
  const rows = (await strapi.db.query(UIDS.job).findMany({
    where: { orderId: { $in: orders.map((o: any) => o.id) }, appliedAt: { $notNull: true } },
    select: ['writtenHashes', 'appliedAt'],
    orderBy: [{ appliedAt: 'asc' }, { id: 'asc' }],
  })) as Array<Pick<JobRecord, 'writtenHashes'>>;
  return Object.assign({}, ...rows.map((r) => r.writtenHashes).filter(Boolean));
};
