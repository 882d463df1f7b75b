import { reloadPluginConfig } from '../../server/src/platform/config';
import { createLeases } from '../../server/src/platform/lease';
import { Client } from 'pg';
import {
  advanceAll,
  createArticle,
  findArticle,
  gengoJobs,
  jobRows,
  placeOrder,
  settle,
  startReceiving,
  type PlacedOrder,
  type Receiving,
} from '../helpers/orders';

jest.setTimeout(90_000);

const segmentOf = (order: PlacedOrder, path: string) => order.segments.find((s) => s.paths.includes(path))!;

/** No lost field, no silent overwrite of a person's edit, no translation of a text that changed. */
describe('applying: concurrency, conflicts, stale sources', () => {
  let r: Receiving;
  const apply = () => r.app.strapi.plugin('gengo').service('receiving');

  beforeAll(async () => {
    r = await startReceiving();
  });
  afterAll(async () => {
    await r?.stop();
  });

  it('two jobs of one entry applied at the same moment both land', async () => {
    const { documentId } = await createArticle(r.app.strapi, {
      title: 'Two at once',
      slug: 'two-at-once',
      summary: 'Both fields must land.',
      seo: { metaTitle: 'Third field' },
    });
    const order = await placeOrder(r, documentId, { callbackUrl: null });
    await advanceAll(r, order, 'reviewable');
    // Rows learn their Gengo text without applying, then every segment is applied at once.
    const sync = r.app.strapi.plugin('gengo').service('receiving').parts.sync;
    const jobs = await gengoJobs(r, order);
    for (const j of jobs) {
      const data = { gengoJobId: String(j.job_id), gengoStatus: 'reviewable', bodyTgt: j.body_tgt };
      await r.app.strapi.db
        .query('plugin::gengo.job')
        .updateMany({ where: { orderId: order.orderId, segmentKey: j.data.s, chunkIndex: j.data.c }, data });
    }
    expect(sync).toBeDefined();
    const outcomes = await Promise.all(order.segments.map((s) => apply().applySegment(order.orderId, s.key)));
    expect(outcomes.map((o: any) => o.state)).toEqual(order.segments.map(() => 'applied'));
    const fr = await findArticle(r.app.strapi, documentId, 'fr');
    expect(fr.title).toMatch(/^\[fr\] /);
    expect(fr.summary).toMatch(/^\[fr\] /);
    expect(fr.seo.metaTitle).toMatch(/^\[fr\] /);
    // Applying the same revisions again writes nothing.
    const again = await Promise.all(order.segments.map((s) => apply().applySegment(order.orderId, s.key)));
    expect(again.map((o: any) => o.state)).toEqual(order.segments.map(() => 'already'));
  });

  it('two instances (own queue and mutex each, one database) applying two jobs of one entry: both land', async () => {
    const strapi: any = r.app.strapi;
    // The receiving side's writer as another instance has it: its own mutexes and lease instance.
    const { createApply } = await import('../../server/src/receiving/apply');
    const { createDocumentLock } = await import('../../server/src/receiving/document-lock');
    const { createTargetIo } = await import('../../server/src/receiving/target');
    const lock = createDocumentLock({ leases: createLeases(strapi), afterCommit: async () => {} });
    const writer = createApply(strapi, { io: createTargetIo(strapi), lock });
    const other = {
      applySegment: async (orderId: number, key: string) => (await writer.now(orderId, [key])).get(key)!,
    };
    const { documentId } = await createArticle(strapi, {
      title: 'Two instances',
      slug: 'two-instances',
      summary: 'Written by the other one.',
      seo: { metaTitle: 'And a third field' },
    });
    const order = await placeOrder(r, documentId, { callbackUrl: null });
    await advanceAll(r, order, 'reviewable');
    for (const j of await gengoJobs(r, order)) {
      await strapi.db.query('plugin::gengo.job').updateMany({
        where: { orderId: order.orderId, segmentKey: j.data.s, chunkIndex: j.data.c },
        data: { gengoJobId: String(j.job_id), gengoStatus: 'reviewable', bodyTgt: j.body_tgt },
      });
    }
    const appliers = [apply(), other];
    const outcomes = await Promise.all(
      order.segments.map((s, i) => appliers[i % 2].applySegment(order.orderId, s.key))
    );
    expect(outcomes.map((o: any) => o.state)).toEqual(order.segments.map(() => 'applied'));
    const fr = await findArticle(strapi, documentId, 'fr');
    expect([fr.title, fr.summary, fr.seo.metaTitle].every((v: string) => v.startsWith('[fr] '))).toBe(true);
    // Both instances deliver the same revision at once: one writes, the other finds it done.
    await strapi.db
      .query('plugin::gengo.job')
      .updateMany({ where: { orderId: order.orderId }, data: { gengoStatus: 'approved' } });
    const race = await Promise.all(
      order.segments.flatMap((s) => appliers.map((a) => a.applySegment(order.orderId, s.key)))
    );
    expect(race.filter((o: any) => o.state === 'applied').length).toBe(order.segments.length);
    expect(race.filter((o: any) => o.state === 'already').length).toBe(order.segments.length);
  });

  it('a target field a person edited after the plugin wrote it is not overwritten: conflict', async () => {
    const strapi: any = r.app.strapi;
    const { documentId } = await createArticle(strapi, {
      title: 'Edited by a person',
      slug: 'edited-by-a-person',
      summary: 'Left alone by people.',
    });
    const order = await placeOrder(r, documentId);
    await advanceAll(r, order, 'reviewable');
    await settle(r);
    await strapi
      .documents('api::article.article')
      .update({ documentId, locale: 'fr', data: { title: 'Titre corrigé à la main' } });

    await advanceAll(r, order, 'approved');
    await settle(r);
    const rows = await jobRows(r, order);
    const title = rows.find((j: any) => j.segmentKey === segmentOf(order, 'title').key);
    const summary = rows.find((j: any) => j.segmentKey === segmentOf(order, 'summary').key);
    expect(title).toMatchObject({ status: 'conflict', appliedStatus: 'reviewable' });
    // Not written, but what Gengo says of the job is recorded (the review shows it).
    expect(title).toMatchObject({ gengoStatus: 'approved', bodyTgt: expect.stringMatching(/^\[fr\] /) });
    expect(title.lastError).toMatch(/title/);
    expect(summary).toMatchObject({ status: 'approved', appliedStatus: 'approved' });
    let fr = await findArticle(strapi, documentId, 'fr');
    expect(fr.title).toBe('Titre corrigé à la main');
    expect(fr.summary).toMatch(/^\[fr\] /);

    // The same callback again: still a conflict, still not written.
    await r.app.strapi.plugin('gengo').service('receiving').reconcile();
    expect((await findArticle(strapi, documentId, 'fr')).title).toBe('Titre corrigé à la main');

    // An admin decides to apply anyway (the review side calls this).
    expect((await apply().request(order.orderId, segmentOf(order, 'title').key, { force: true })).state).toBe(
      'applied'
    );
    fr = await findArticle(strapi, documentId, 'fr');
    expect(fr.title).toMatch(/^\[fr\] Édìtéd|^\[fr\] /);
    expect((await jobRows(r, order)).find((j: any) => j.id === title.id)).toMatchObject({
      status: 'approved',
      appliedStatus: 'approved',
    });
  });

  it('a source changed since the order marks its job stale and writes nothing for it', async () => {
    const strapi: any = r.app.strapi;
    const { documentId } = await createArticle(strapi, {
      title: 'Stale source',
      slug: 'stale-source',
      summary: 'Original summary.',
    });
    const order = await placeOrder(r, documentId);
    await strapi
      .documents('api::article.article')
      .update({ documentId, locale: 'en', data: { summary: 'A rewritten summary.' } });
    await advanceAll(r, order, 'reviewable');
    await settle(r);
    const rows = await jobRows(r, order);
    expect(rows.find((j: any) => j.segmentKey === segmentOf(order, 'summary').key)).toMatchObject({
      status: 'stale',
      appliedHash: null,
    });
    expect(rows.find((j: any) => j.segmentKey === segmentOf(order, 'title').key)).toMatchObject({
      status: 'reviewable',
    });
    const fr = await findArticle(strapi, documentId, 'fr');
    expect(fr.title).toMatch(/^\[fr\] /);
    expect(fr.summary).not.toMatch(/\[fr\]/);
  });

  it('a translation whose markers were broken is refused: error, nothing written', async () => {
    const strapi: any = r.app.strapi;
    const { documentId } = await createArticle(strapi, {
      title: 'Markers matter',
      slug: 'markers-matter',
      summary: 'Hello {name}, see https://example.com now.',
    });
    const order = await placeOrder(r, documentId, { callbackUrl: null, only: (p) => p.includes('summary') });
    const key = order.segments[0].key;
    await strapi.db.query('plugin::gengo.job').updateMany({
      where: { orderId: order.orderId },
      data: {
        gengoJobId: `x-${order.orderId}`,
        gengoStatus: 'reviewable',
        bodyTgt: '[fr] Bonjour, voir maintenant.',
      },
    });
    const outcome = await apply().applySegment(order.orderId, key);
    expect(outcome.state).toBe('error');
    const [row] = await jobRows(r, order);
    expect(row).toMatchObject({ status: 'error', appliedHash: null });
    expect(row.lastError).toMatch(/^Translation refused: .*marker/i);
    expect(await findArticle(strapi, documentId, 'fr')).toBeNull();
  });

  it('per-site option: the target is published once all its jobs are approved and the source is published', async () => {
    const strapi: any = r.app.strapi;
    const docs = strapi.documents('api::article.article');
    strapi.config.set('plugin::gengo.publishWhenApproved', true);
    reloadPluginConfig(strapi);
    try {
      const { documentId } = await createArticle(strapi, {
        title: 'Published when approved',
        slug: 'published-when-approved',
        summary: 'Then it goes live.',
      });
      await docs.publish({ documentId, locale: 'en' });
      const order = await placeOrder(r, documentId);
      await advanceAll(r, order, 'reviewable');
      await settle(r);
      expect(await findArticle(strapi, documentId, 'fr', 'published')).toBeNull();
      await advanceAll(r, order, 'approved');
      await settle(r);
      const published = await findArticle(strapi, documentId, 'fr', 'published');
      expect(published.title).toMatch(/^\[fr\] /);
      expect(published.summary).toMatch(/^\[fr\] /);

      // Source not published: the target stays a draft.
      const draftOnly = await createArticle(strapi, { title: 'Source still a draft', slug: 'source-still-a-draft' });
      const order2 = await placeOrder(r, draftOnly.documentId);
      await advanceAll(r, order2, 'approved');
      await settle(r);
      expect((await findArticle(strapi, draftOnly.documentId, 'fr')).title).toMatch(/^\[fr\] /);
      expect(await findArticle(strapi, draftOnly.documentId, 'fr', 'published')).toBeNull();
    } finally {
      strapi.config.set('plugin::gengo.publishWhenApproved', false);
      reloadPluginConfig(strapi);
    }
  });

  (process.env.TEST_DATABASE === 'postgres' ? it : it.skip)(
    'PostgreSQL: another instance holding the document lock makes the write wait',
    async () => {
      const strapi: any = r.app.strapi;
      const { documentId } = await createArticle(strapi, { title: 'Locked document', slug: 'locked-document' });
      const order = await placeOrder(r, documentId, { callbackUrl: null });
      await advanceAll(r, order, 'reviewable');
      const [j] = await gengoJobs(r, order);
      await strapi.db.query('plugin::gengo.job').updateMany({
        where: { orderId: order.orderId },
        data: { gengoJobId: String(j.job_id), gengoStatus: 'reviewable', bodyTgt: j.body_tgt },
      });
      const name = `doc:api::article.article:${documentId}:fr`;
      await createLeases(strapi).acquire(name, 1); // the row exists
      const conn = strapi.db.connection.client.connectionSettings;
      const other = new Client({
        host: conn.host,
        port: conn.port,
        user: conn.user,
        password: conn.password,
        database: conn.database,
      });
      await other.connect();
      try {
        await other.query('BEGIN');
        await other.query('SELECT id FROM gengo_leases WHERE name = $1 FOR UPDATE', [name]);
        let done = false;
        const applying = apply()
          .applySegment(order.orderId, order.segments[0].key)
          .then((o: any) => ((done = true), o));
        await new Promise((res) => setTimeout(res, 700));
        expect(done).toBe(false);
        await other.query('COMMIT');
        expect((await applying).state).toBe('applied');
      } finally {
        await other.end();
      }
    }
  );
});
