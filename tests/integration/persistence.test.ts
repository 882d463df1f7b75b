import { startTestStrapi, type TestStrapi } from '../helpers/strapi';
import { createSuperAdmin } from '../helpers/admin';
import { updateRows } from '../../server/src/platform/update-rows';

const indexNames = async (app: TestStrapi, table: string): Promise<string[]> => {
  const knex = app.strapi.db.connection;
  if (app.db.client === 'postgres') {
    const { rows } = await knex.raw('select indexname from pg_indexes where tablename = ?', [table]);
    return rows.map((r: any) => r.indexname);
  }
  if (app.db.client === 'mysql') {
    const [rows] = await knex.raw('show index from ??', [table]);
    return [...new Set<string>(rows.map((r: any) => r.Key_name))];
  }
  const rows = await knex.raw(`PRAGMA index_list(${table})`);
  return rows.map((r: any) => r.name);
};

describe('persistence: the plugin records', () => {
  let app: TestStrapi;

  beforeAll(async () => {
    app = await startTestStrapi();
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('has its content types, with the indexes callbacks and the poller look up by', async () => {
    for (const name of ['order', 'job', 'comment', 'lease']) {
      expect(app.strapi.contentType(`plugin::gengo.${name}` as any)).toBeDefined();
    }
    expect(await indexNames(app, 'gengo_jobs')).toEqual(
      expect.arrayContaining(['gengo_jobs_scope_job_idx', 'gengo_jobs_order_idx', 'gengo_jobs_status_idx'])
    );
    // One Gengo job may serve several rows (a repeated text), and an id is unique only in its scope.
    const jobs = app.strapi.db.query('plugin::gengo.job' as any);
    for (const segmentKey of ['s0', 's1'])
      await jobs.create({ data: { orderId: 9000, segmentKey, status: 'queued', gengoJobId: '1000001', scope: 'a' } });
    await jobs.create({
      data: { orderId: 9001, segmentKey: 's0', status: 'queued', gengoJobId: '1000001', scope: 'b' },
    });
    expect(await jobs.count({ where: { gengoJobId: '1000001' } })).toBe(3);
    await jobs.deleteMany({ where: { orderId: { $in: [9000, 9001] } } });
    expect(await indexNames(app, 'gengo_orders')).toEqual(
      expect.arrayContaining(['gengo_orders_target_idx', 'gengo_orders_gengo_order_idx'])
    );
  });

  it('keeps them out of the content manager', async () => {
    const admin = await createSuperAdmin(app);
    const res = await app.as(admin.token).get('/content-manager/content-types');
    expect(res.status).toBe(200);
    const uids = res.body.data.map((ct: any) => ct.uid);
    expect(uids).toContain('api::article.article');
    const visible = res.body.data.filter((ct: any) => ct.uid.startsWith('plugin::gengo.') && ct.isDisplayed);
    expect(visible).toEqual([]);
  });

  it('refuses a second order with the same request key', async () => {
    const orders = app.strapi.db.query('plugin::gengo.order');
    const base = {
      contentType: 'api::article.article',
      targetDocumentId: 'doc1',
      sourceLocale: 'en',
      targetLocale: 'fr',
      status: 'pending',
    };
    await orders.create({ data: { ...base, requestKey: 'k1', reference: 'r1' } });
    // Not `toThrow()`: better-sqlite3 is a native module loaded once per process, so its SqliteError
    // comes from the first test file's realm and is no `instanceof Error` in later files.
    await expect(orders.create({ data: { ...base, requestKey: 'k1', reference: 'r2' } })).rejects.toMatchObject({
      code: expect.stringMatching(/^(SQLITE_CONSTRAINT_UNIQUE|23505|ER_DUP_ENTRY)$/),
    });
    expect(await orders.count({ where: { requestKey: 'k1' } })).toBe(1);
  });

  it("writes rows with values of their own in one statement, in the caller's transaction", async () => {
    const { strapi } = app;
    const items = strapi.db.query('plugin::gengo.batch-item' as any);
    const jobs = strapi.db.query('plugin::gengo.job' as any);
    const rows = [];
    for (let i = 0; i < 3; i++) {
      rows.push(
        await items.create({
          data: {
            batchId: 9001,
            targetDocumentId: `rows-${i}`,
            status: 'running',
            attempts: 1,
            ordered: 0,
            credits: 0,
          },
        })
      );
    }
    const statements: string[] = [];
    const onQuery = (q: any) => statements.push(q.sql);
    strapi.db.connection.on('query', onQuery);
    const count = await updateRows(strapi, 'plugin::gengo.batch-item', [
      { id: rows[0].id, data: { status: 'done', ordered: 2, credits: 12.35, orderIds: [4, 5], reason: null } },
      {
        id: rows[1].id,
        data: { status: 'failed', ordered: 0, credits: 0, orderIds: [], reason: 'Gengo said "no" — it\'s 100 % sure' },
      },
    ]);
    strapi.db.connection.removeListener('query', onQuery);
    expect(count).toBe(2);
    expect(statements).toHaveLength(1);
    const after = await items.findMany({ where: { id: { $in: rows.map((r: any) => r.id) } }, orderBy: { id: 'asc' } });
    expect(after.map((r: any) => [r.status, r.ordered, Number(r.credits), r.orderIds, r.reason])).toEqual([
      ['done', 2, 12.35, [4, 5], null],
      ['failed', 0, 0, [], 'Gengo said "no" — it\'s 100 % sure'],
      ['running', 0, 0, null, null],
    ]);

    // In a transaction that rolls back, nothing stays.
    await expect(
      strapi.db.transaction(async () => {
        await updateRows(strapi, 'plugin::gengo.batch-item', [{ id: rows[2].id, data: { status: 'done' } }]);
        throw new Error('roll back');
      })
    ).rejects.toThrow('roll back');
    expect((await items.findOne({ where: { id: rows[2].id } })).status).toBe('running');

    // A conditional claim: only the rows still unbound are.
    const order = await strapi.db.query('plugin::gengo.order' as any).create({
      data: {
        requestKey: `rows-${Date.now()}`,
        reference: `rows-${Date.now()}`,
        contentType: 'api::article.article',
        targetDocumentId: 'x',
        sourceLocale: 'en',
        targetLocale: 'fr',
        status: 'placed',
        tier: 'standard',
        segments: [],
        history: [],
      },
    });
    const a = await jobs.create({
      data: { orderId: order.id, segmentKey: 's0', chunkIndex: 0, chunkCount: 1, status: 'queued', gengoJobId: null },
    });
    const b = await jobs.create({
      data: { orderId: order.id, segmentKey: 's1', chunkIndex: 0, chunkCount: 1, status: 'queued', gengoJobId: '77' },
    });
    const bound = await updateRows(
      strapi,
      'plugin::gengo.job',
      [
        { id: a.id, data: { gengoJobId: '1001' } },
        { id: b.id, data: { gengoJobId: '1002' } },
      ],
      { whereNull: ['gengoJobId'] }
    );
    expect(bound).toBe(1);
    expect(
      (await jobs.findMany({ where: { id: { $in: [a.id, b.id] } }, orderBy: { id: 'asc' } })).map(
        (r: any) => r.gengoJobId
      )
    ).toEqual(['1001', '77']);

    await expect(
      updateRows(strapi, 'plugin::gengo.batch-item', [
        { id: rows[0].id, data: { status: 'x' } },
        { id: rows[1].id, data: { reason: 'y' } },
      ])
    ).rejects.toThrow('every row sets the same attributes');
  });

  it('a database from before scopes: the unique index on Gengo job ids is dropped at start, shared ids then fit', async () => {
    const knex = app.strapi.db.connection;
    // As an earlier version left it: the unique index in the table and in Strapi's stored schema.
    // (made the way Strapi makes a unique index: knex's `unique`, a constraint on PostgreSQL)
    await knex.schema.alterTable('gengo_jobs', (t) =>
      t.unique(['gengo_job_id'], { indexName: 'gengo_jobs_gengo_job_idx' })
    );
    const stored = await knex('strapi_database_schema').orderBy('time', 'desc').first();
    const schema = typeof stored.schema === 'string' ? JSON.parse(stored.schema) : stored.schema;
    schema.tables
      .find((t: any) => t.name === 'gengo_jobs')
      .indexes.push({ name: 'gengo_jobs_gengo_job_idx', columns: ['gengo_job_id'], type: 'unique' });
    await knex('strapi_database_schema')
      .where({ id: stored.id })
      .update({ schema: JSON.stringify(schema), hash: 'before-scopes' });
    const db = app.db;
    await app.stop({ keepDatabase: true });
    app = await startTestStrapi({ database: db });

    expect(await indexNames(app, 'gengo_jobs')).not.toContain('gengo_jobs_gengo_job_idx');
    const jobs = app.strapi.db.query('plugin::gengo.job' as any);
    for (const segmentKey of ['s0', 's1'])
      await jobs.create({ data: { orderId: 9002, segmentKey, status: 'queued', gengoJobId: '1000002', scope: 'a' } });
    expect(await jobs.count({ where: { gengoJobId: '1000002' } })).toBe(2);
  });
});
