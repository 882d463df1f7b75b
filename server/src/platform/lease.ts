import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { UIDS } from '../constants';

/**
 * Named leases in plugin::gengo.lease, so that one Strapi instance among several (sharing the
 * database) does a thing at a time. Taken with a conditional UPDATE (free, expired, or held by the
 * same holder token); the row is inserted once, guarded by the unique index on `name`.
 */
export interface Lease {
  name: string;
  holder: string;
  release(): Promise<void>;
}

export const createLeases = (strapi: Core.Strapi) => {
  const instance = `${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  const query = () => strapi.db.query(UIDS.lease);
  // Rows are never deleted: one seen committed needs no second look (a receiving burst would
  // otherwise read its lease row once per write).
  const known = new Set<string>();
  const rowLocks = () => strapi.db.dialect.client !== 'sqlite';

  const ensureRow = async (name: string) => {
    if (known.has(name)) return;
    if (await query().findOne({ where: { name }, select: ['id'] })) {
      known.add(name);
      return;
    }
    try {
      await query().create({ data: { name, holder: null, expiresAt: new Date(0) } });
    } catch {
      // Another instance inserted it first (unique index): fine.
    }
  };

  /** `ensureRow` for many names: one read, one insert for the missing (a race: one by one). */
  const ensureRows = async (names: string[]) => {
    const unknown = names.filter((n) => !known.has(n));
    if (!unknown.length) return;
    const found = (await query().findMany({ where: { name: { $in: unknown } }, select: ['name'] })) as Array<{
      name: string;
    }>;
    for (const { name } of found) known.add(name);
    const missing = unknown.filter((n) => !known.has(n));
    if (!missing.length) return;
    try {
      await query().createMany({ data: missing.map((name) => ({ name, holder: null, expiresAt: new Date(0) })) });
      for (const name of missing) known.add(name);
    } catch {
      // Another instance inserted some of them first (unique index).
      for (const name of missing) await ensureRow(name);
    }
  };

  /**
   * SELECT … FOR UPDATE on the rows `names` (which must exist), in the caller's transaction, in
   * one statement: rows are locked in the order the sort returns them.
   */
  const lockRows = async (trx: any, names: string[]) => {
    const table = strapi.db.metadata.get(UIDS.lease).tableName;
    await trx(table).whereIn('name', names).orderBy('name').forUpdate().select('id');
  };

  const take = async (name: string, holder: string, ttlMs: number, onlyIfFree: boolean): Promise<boolean> => {
    const now = new Date();
    const free = [{ expiresAt: { $lt: now } }, { expiresAt: { $null: true } }, { holder: { $null: true } }];
    const { count } = await query().updateMany({
      where: { name, $or: onlyIfFree ? free : [...free, { holder }] },
      data: { holder, expiresAt: new Date(now.getTime() + ttlMs) },
    });
    return count > 0;
  };

  /**
   * Runs `fn` in one transaction holding row locks on the lease rows `names` (a batch of target
   * documents written with one commit): SELECT … FOR UPDATE on PostgreSQL and MySQL, other
   * instances wait; SQLite has one writer and one process, so the transaction alone serializes.
   * Everything `fn` does through Strapi joins the transaction. Locked in sorted order, so that two instances locking
   * overlapping sets cannot deadlock. The rows are made (committed) before the transaction opens.
   */
  const withRowLocks = async <T>(names: string[], fn: () => Promise<T>): Promise<T> => {
    const sorted = [...new Set(names)].sort();
    if (!rowLocks()) return strapi.db.transaction(() => fn());
    await ensureRows(sorted);
    return strapi.db.transaction(async ({ trx }) => {
      await lockRows(trx, sorted);
      return fn();
    });
  };

  return {
    instance,

    /** The lease for `ttlMs` (a fresh holder token each call), or null when someone holds it. */
    async acquire(name: string, ttlMs: number): Promise<Lease | null> {
      await ensureRow(name);
      const holder = `${instance}:${crypto.randomUUID()}`;
      if (!(await take(name, holder, ttlMs, true))) return null;
      return {
        name,
        holder,
        release: async () => {
          await query().updateMany({ where: { name, holder }, data: { holder: null, expiresAt: new Date(0) } });
        },
      };
    },

    /** Extends a lease still held by `lease.holder`. */
    async renew(lease: Lease, ttlMs: number): Promise<boolean> {
      return take(lease.name, lease.holder, ttlMs, false);
    },

    withRowLocks,
  };
};

export type Leases = ReturnType<typeof createLeases>;
