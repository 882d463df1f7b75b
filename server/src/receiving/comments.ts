import type { Core } from '@strapi/strapi';
import { UIDS } from '../constants';
import { sha256Hex } from '../content';

export type CommentThread = Array<{ body?: unknown; author?: unknown; ctime?: unknown }>;

/**
 * A translator's comments on one of our jobs, as Gengo answered the thread (read by the comment
 * intake, callbacks.ts), each stored once (by fingerprint).
 */
export const storeComments = async (
  strapi: Core.Strapi,
  gengoJobId: string,
  thread: CommentThread
): Promise<number> => {
  if (!(await strapi.db.query(UIDS.job).findOne({ where: { gengoJobId }, select: ['id'] }))) return 0;
  let stored = 0;
  for (const c of thread ?? []) {
    const fingerprint = sha256Hex(`${gengoJobId}\u0000${c.ctime}\u0000${c.author}\u0000${c.body}`);
    if (await strapi.db.query(UIDS.comment).findOne({ where: { fingerprint }, select: ['id'] })) continue;
    try {
      await strapi.db.query(UIDS.comment).create({
        data: { gengoJobId, body: String(c.body ?? ''), author: String(c.author ?? ''), ctime: c.ctime, fingerprint },
      });
      stored++;
    } catch {
      // stored by a concurrent sync (unique fingerprint)
    }
  }
  return stored;
};
