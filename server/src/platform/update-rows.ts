import type { Core } from '@strapi/strapi';
import { groupBy } from './group-by';

/**
 * Rows of one table, each with values of its own, in one UPDATE (`SET col = CASE id WHEN … END`):
 * a bulk page's item outcomes, the Gengo ids of a slice's jobs. The query engine writes one
 * statement per row when the data differs per row, and each statement is a round trip that, with
 * the server busy, also waits its turn on the event loop (about 10 ms each on PostgreSQL during a
 * bulk order).
 *
 * Bypasses the query engine, so no lifecycle runs and `updatedAt` is left as it was: for the
 * plugin's own bookkeeping rows only. Runs in the caller's transaction when there is one.
 */
export interface RowUpdate {
  id: number;
  data: Record<string, unknown>;
}

export interface UpdateRowsOptions {
  /** Attributes that must still be null for a row to be updated (a conditional claim). */
  whereNull?: string[];
}

type Dialect = 'postgres' | 'mysql' | 'sqlite';

/** What each value is cast to inside the CASE (PostgreSQL types a CASE of bare parameters as text). */
const CASTS: Record<string, Partial<Record<Dialect, string>>> = {
  string: {},
  text: {},
  enumeration: {},
  integer: { postgres: 'integer', mysql: 'signed', sqlite: 'integer' },
  biginteger: { postgres: 'bigint', mysql: 'signed', sqlite: 'integer' },
  decimal: { postgres: 'numeric', mysql: 'decimal(10,2)', sqlite: 'real' },
  float: { postgres: 'double precision', mysql: 'double', sqlite: 'real' },
  // MariaDB has no `cast(… as json)` (its JSON is LONGTEXT with a check); MySQL and MariaDB both
  // take the JSON text as it is into a JSON column.
  json: { postgres: 'jsonb' },
};

const ROWS_PER_STATEMENT = 200;

/** The number of rows updated. Every row of `rows` must set the same attributes. */
export const updateRows = async (
  strapi: Core.Strapi,
  uid: string,
  rows: RowUpdate[],
  opts: UpdateRowsOptions = {}
): Promise<number> => {
  if (!rows.length) return 0;
  const meta = strapi.db.metadata.get(uid as any);
  const dialect = strapi.db.dialect.client as Dialect;
  const column = (name: string) => {
    const attribute = (meta.attributes as Record<string, any>)[name];
    if (!attribute) throw new Error(`${uid} has no attribute ${name}`);
    if (!(attribute.type in CASTS)) throw new Error(`updateRows: ${uid}.${name} is a ${attribute.type}`);
    return { name: attribute.columnName ?? name, type: String(attribute.type) };
  };
  const names = Object.keys(rows[0].data);
  if (rows.some((r) => Object.keys(r.data).length !== names.length || names.some((n) => !(n in r.data)))) {
    throw new Error('updateRows: every row sets the same attributes');
  }
  const columns = names.map((n) => ({ attribute: n, ...column(n) }));
  const knex = strapi.db.connection;
  const trx = (strapi.db as any).inTransaction() ? (await strapi.db.transaction()).get() : knex;
  const schema = strapi.db.getSchemaName();

  let count = 0;
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(i, i + ROWS_PER_STATEMENT);
    const set: Record<string, unknown> = {};
    for (const { attribute, name, type } of columns) {
      const cast = CASTS[type][dialect];
      const value = (r: RowUpdate) => {
        const v = r.data[attribute];
        return type === 'json' && v !== null && v !== undefined ? JSON.stringify(v) : (v ?? null);
      };
      const when = cast ? `when ? then cast(? as ${cast})` : 'when ? then ?';
      set[name] = knex.raw(`case ?? ${chunk.map(() => when).join(' ')} end`, [
        'id',
        ...chunk.flatMap((r) => [r.id, value(r)]),
      ]);
    }
    let query = trx(meta.tableName);
    if (schema) query = query.withSchema(schema);
    query = query.whereIn(
      'id',
      chunk.map((r) => r.id)
    );
    for (const attribute of opts.whereNull ?? []) query = query.whereNull(column(attribute).name);
    count += Number(await query.update(set));
  }
  return count;
};

/**
 * Changes by row id, through the query engine: rows given the same changes (a burst of jobs
 * becoming `available`) share one statement. updateMany, as the query engine's `update` reads the
 * row before and after.
 */
export const storeRowChanges = async (
  strapi: Core.Strapi,
  uid: string,
  changed: Map<number, Record<string, unknown>>
): Promise<void> => {
  for (const same of groupBy(changed, ([, data]) => JSON.stringify(data)).values()) {
    await strapi.db.query(uid as any).updateMany({ where: { id: { $in: same.map(([id]) => id) } }, data: same[0][1] });
  }
};
