import type { Core } from '@strapi/strapi';
import type { GetComponent, Schema } from '../../server/src/content';
import { buildDeepPopulate } from '../../server/src/platform/populate';
import { flushDisk } from './fixtures';
import { now } from './stats';

/**
 * The bulk bench's fair baseline (issue 21, item 4): what any code that stores what it orders
 * must do at least, measured in the same run — read the same documents with the same populate,
 * and insert the same order and job rows in one transaction with the bare query builder. The
 * emulator's ingest of the same POSTs is measured by the bench itself and added to these.
 */

/** As the plugin's orderSource.loadMany queries (server/src/ordering/source.ts). */
const DOCUMENTS_PER_QUERY = 50;
/** Rows per INSERT statement: well under SQLite's and PostgreSQL's bound-parameter limits. */
const ROWS_PER_INSERT = 200;
/** The copies' unique keys must not collide with the plugin's rows they copy. */
const COPY = '~bare';

/** The N documents in the source locale, deep-populated, a page per query: the read time (ms). */
export const bareRead = async (strapi: Core.Strapi, uid: string, locale: string, documentIds: string[]) => {
  const getComponent: GetComponent = (u) => strapi.getModel(u as any) as unknown as Schema | undefined;
  const populate = buildDeepPopulate(strapi.getModel(uid as any) as unknown as Schema, getComponent) as any;
  const t0 = now();
  let read = 0;
  for (let i = 0; i < documentIds.length; i += DOCUMENTS_PER_QUERY) {
    const page = await strapi.documents(uid as any).findMany({
      locale,
      filters: { documentId: { $in: documentIds.slice(i, i + DOCUMENTS_PER_QUERY) } },
      populate,
    });
    read += page.length;
  }
  return { ms: now() - t0, read };
};

/** A raw row as an insertable one: no id; JSON columns as text (pg would take an array for ARRAY). */
const insertable = (row: Record<string, unknown>) => {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (k === 'id') continue;
    out[k] = v && typeof v === 'object' && !(v instanceof Date) && !Buffer.isBuffer(v) ? JSON.stringify(v) : v;
  }
  return out;
};

/**
 * Copies of every order row and job row the plugin stored (read first, not timed), inserted in one
 * transaction with knex: orders first, their new ids taken back, then the jobs pointing at them.
 * Returns the insert time (ms, commit included) and the row counts.
 */
export const bareInsert = async (strapi: Core.Strapi) => {
  const knex = strapi.db.connection;
  const orders = (await knex('gengo_orders').select('*').orderBy('id')) as Array<Record<string, any>>;
  const jobs = (await knex('gengo_jobs').select('*').orderBy('id')) as Array<Record<string, any>>;
  const orderRows = orders.map((o) =>
    insertable({ ...o, request_key: `${o.request_key}${COPY}`, reference: `${o.reference}${COPY}` })
  );
  flushDisk();
  const t0 = now();
  await knex.transaction(async (trx) => {
    const newId = new Map<number, number>();
    for (let i = 0; i < orderRows.length; i += ROWS_PER_INSERT) {
      const ids = await trx('gengo_orders')
        .insert(orderRows.slice(i, i + ROWS_PER_INSERT))
        .returning('id');
      ids.forEach((r: any, k: number) => newId.set(orders[i + k].id, typeof r === 'object' ? r.id : r));
    }
    // Every job's order was copied above: a job left pointing at the plugin's row is a bench bug.
    if (jobs.some((j) => !newId.has(j.order_id))) throw new Error('bare insert: a job without its copied order');
    const jobRows = jobs.map((j) => insertable({ ...j, order_id: newId.get(j.order_id) }));
    for (let i = 0; i < jobRows.length; i += ROWS_PER_INSERT)
      await trx('gengo_jobs').insert(jobRows.slice(i, i + ROWS_PER_INSERT));
  });
  return { ms: now() - t0, orders: orders.length, jobs: jobs.length };
};
