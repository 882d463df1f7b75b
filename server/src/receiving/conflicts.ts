import type { Core } from '@strapi/strapi';
import type { ConflictInfo } from '../../../shared/contracts/orders';
import { UIDS } from '../constants';
import type { JobRecord, OrderRecord } from '../platform/records';
import { writtenHashesOf } from '../platform/written';
import { checkPaths, restoreText, segmentReadiness } from './segment-state';
import type { TargetIo } from './target';

/**
 * What a reviewer sees of an order's conflicts (ConflictInfo, shared/contracts): per conflicting
 * path, the person's text now in the target and the translation waiting, with why it was not
 * written. Read fresh (the person may have changed the text since the row was marked).
 */
export type ConflictView = ConflictInfo;

export const createConflicts = (strapi: Core.Strapi, io: TargetIo) => ({
  async of(order: OrderRecord): Promise<ConflictView[]> {
    const rows = (await strapi.db.query(UIDS.job).findMany({
      where: { orderId: order.id, status: 'conflict' },
      orderBy: [{ segmentKey: 'asc' }, { chunkIndex: 'asc' }],
    })) as JobRecord[];
    if (!rows.length) return [];
    const { source, target } = await io.load(order);
    if (!source) return [];
    const written = target ? await writtenHashesOf(strapi, order) : {};
    const out: ConflictView[] = [];
    for (const key of [...new Set(rows.map((r) => r.segmentKey))]) {
      const segment = order.segments?.find((s) => s.key === key);
      if (!segment) continue;
      const all = (await strapi.db
        .query(UIDS.job)
        .findMany({ where: { orderId: order.id, segmentKey: key } })) as JobRecord[];
      const ready = segmentReadiness(segment, all);
      const restored = ready.ready ? restoreText(segment, ready.chunks) : null;
      const translation = restored?.ok ? restored.value : null;
      const verdicts = checkPaths(io.facts(order, source, target, segment.paths), {
        written,
        baseline: order.baseline,
        resolutions: order.resolutions,
        replaceExisting: order.options?.replaceExisting === true,
      });
      for (const v of verdicts) {
        if (v.verdict !== 'conflict') continue;
        out.push({
          segmentKey: key,
          path: v.path,
          targetPath: v.targetPath ?? null,
          reason: v.reason,
          current: v.current ?? null,
          translation,
          jobIds: rows.filter((r) => r.segmentKey === key).map((r) => r.id),
        });
      }
    }
    return out;
  },
});
