import type { Core } from '@strapi/strapi';
import { createLeases } from '../platform/lease';
import { createBatches } from './batches';
import { createBulkQuotes } from './quote';
import { createBatchStore } from './store';
import { createBulkWorker } from './worker';

/**
 * Bulk orders from the list view: a selection priced at once (quote), recorded as a batch
 * (batches, store) and placed server-side a page at a time (worker), surviving restarts.
 */
const createBulkService = ({ strapi }: { strapi: Core.Strapi }) => {
  const store = createBatchStore(strapi);
  const quotes = createBulkQuotes(strapi);
  const worker = createBulkWorker(strapi, { store, leases: createLeases(strapi) });
  const batches = createBatches({ strapi, store, quotes, worker });
  return {
    ...batches,
    /** Starts every batch left queued or running whose lease is free (bootstrap, minute tick). */
    resume: worker.resume,
    /** Resolves when the batches this instance runs now are done (tests). */
    idle: worker.idle,
    /** Shutdown: no new document starts; the one in progress finishes its writes. */
    stop: worker.stop,
    /** The parts themselves, the objects the worker calls (benches time them). */
    parts: { store, worker },
  };
};

export type BulkService = ReturnType<typeof createBulkService>;
export default createBulkService;
export type { BatchView, BulkQuote } from '../../../shared/contracts/bulk';
export type { BatchStatus } from './records';
