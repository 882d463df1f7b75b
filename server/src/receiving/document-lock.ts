import type { Leases } from '../platform/lease';
import type { OrderRecord } from '../platform/records';
import { createKeyedMutex, lockAll } from '../platform/serial-queue';

/**
 * The lock and transaction scope of every write into entries, in one place. Everything written
 * into a target document (type, documentId, locale) is written holding it: an in-process mutex
 * per document, then ONE transaction holding each document's lease row (SELECT … FOR UPDATE on
 * PostgreSQL and MySQL, so that other instances wait; SQLite's one writer serializes alone).
 * Mutexes and rows are taken in sorted order (no deadlock between two holders of overlapping
 * sets). What `fn` writes commits once; the orders it reports completed are handed to
 * `afterCommit` (publishing, when the site asks for it) once committed, still holding the mutexes.
 */
export const documentKey = (order: OrderRecord) =>
  `doc:${order.contentType}:${order.targetDocumentId}:${order.targetLocale}`;

export const createDocumentLock = ({
  leases,
  afterCommit,
}: {
  leases: Leases;
  afterCommit: (completed: OrderRecord) => Promise<void>;
}) => {
  const mutex = createKeyedMutex();
  return {
    hold<T>(orders: OrderRecord[], fn: (completed: Set<OrderRecord>) => Promise<T>): Promise<T> {
      const keys = orders.map(documentKey);
      return lockAll(mutex, keys, async () => {
        const completed = new Set<OrderRecord>();
        const out = await leases.withRowLocks(keys, () => fn(completed));
        for (const order of completed) await afterCommit(order);
        return out;
      });
    },
  };
};

export type DocumentLock = ReturnType<typeof createDocumentLock>;
