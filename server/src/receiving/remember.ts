import type { Core } from '@strapi/strapi';
import type { OrderRecord } from '../platform/records';
import { getService } from '../platform/services';
import type { ApplyOutcome } from './outcome';
import type { Passed } from './segment-rows';

/**
 * The approved segments of a write remembered (translation memory, issue 22), in the write's
 * transaction: a write rolled back remembers nothing. Applied means written or kept by a
 * reviewer's choice; a conflict, stale or refused segment is not remembered (its text is not
 * known to be right for the entry). The same approval applied again updates the same row.
 */
export const rememberApproved = async (
  strapi: Core.Strapi,
  order: OrderRecord,
  passed: Passed[],
  outcomes: Map<string, ApplyOutcome>
) => {
  const memory = getService(strapi, 'memory');
  for (const p of passed)
    if (p.ready.status === 'approved' && outcomes.get(p.segment.key)?.state === 'applied')
      await memory.remember(order, p.segment, p.ready.chunks, p.rows);
};
