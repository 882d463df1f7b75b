import { startTestStrapi, type TestStrapi } from '../helpers/strapi';
import { createSuperAdmin } from '../helpers/admin';

const indexNames = async (app: TestStrapi, table: string): Promise<string[]> => {
  const knex = app.strapi.db.connection;
  if (app.db.client === 'postgres') {
    const { rows } = await knex.raw('select indexname from pg_indexes where tablename = ?', [table]);
    return rows.map((r: any) => r.indexname);
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
      expect.arrayContaining(['gengo_jobs_gengo_job_idx', 'gengo_jobs_order_idx', 'gengo_jobs_status_idx'])
    );
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
      code: expect.stringMatching(/^(SQLITE_CONSTRAINT_UNIQUE|23505)$/),
    });
    expect(await orders.count({ where: { requestKey: 'k1' } })).toBe(1);
  });
});
