import { findArticle, gengoJobs, jobRows, settle } from '../helpers/orders';
import {
  articlesWithOrders,
  countWrites,
  expectNoLeak,
  form,
  inBatches,
  postCallback,
  startWatchedReceiving,
  type Watched,
} from './world';

/**
 * Gengo retries a callback until it gets a 200, and proxies duplicate them: the same callback ten
 * times at once must write its translation once (and once more for the next revision only).
 */
describe('reliability: one callback delivered ten times at once', () => {
  const ENTRIES = 20;
  const COPIES = 10;
  let r: Watched;
  let writes: ReturnType<typeof countWrites>;
  let entries: Awaited<ReturnType<typeof articlesWithOrders>>;

  beforeAll(async () => {
    r = await startWatchedReceiving();
    writes = countWrites(r.app.strapi, 'fr');
    entries = await articlesWithOrders(r, ENTRIES, 'dup', { callbackUrl: null });
  });
  afterAll(async () => {
    await r?.stop();
  });

  /** Moves every entry's job to `status` (no callback from the emulator), then sends Gengo's callback ×10 per job. */
  const deliverTenfold = async (status: 'reviewable' | 'approved') => {
    const posts: Array<() => Promise<number>> = [];
    for (const { order } of entries) {
      const [job] = await gengoJobs(r, order);
      const payload = await r.control.advance(job.job_id, status);
      const { captcha: _c, comments: _m, revisions: _r, ...asSent } = payload as any;
      for (let i = 0; i < COPIES; i++)
        posts.push(async () => (await postCallback(r.watch, r.callbackUrl, form('job', asSent))).status);
    }
    // The ten copies of a job are neighbours: each batch holds five jobs × ten copies in flight.
    const statuses = await inBatches(posts, 5 * COPIES);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    await settle(r);
  };

  it(`${ENTRIES} jobs × ${COPIES} copies of the reviewable callback → one write per entry`, async () => {
    await deliverTenfold('reviewable');
    for (const { documentId, order } of entries) {
      expect(writes.of(documentId)).toBe(1);
      const [row] = await jobRows(r, order);
      expect(row).toMatchObject({ status: 'reviewable', appliedStatus: 'reviewable' });
      const [job] = await gengoJobs(r, order);
      expect((await findArticle(r.app.strapi, documentId, 'fr')).title).toBe(job.body_tgt);
    }
    expect(writes.total()).toBe(ENTRIES);
  });

  it(`then × ${COPIES} copies of the approved callback → one more write per entry`, async () => {
    await deliverTenfold('approved');
    for (const { documentId, order } of entries) {
      expect(writes.of(documentId)).toBe(2);
      expect((await jobRows(r, order))[0]).toMatchObject({ status: 'approved', appliedStatus: 'approved' });
    }
    expect(writes.total()).toBe(2 * ENTRIES);
    // Nothing left for the poller either.
    expect(await r.app.strapi.plugin('gengo').service('receiving').reconcile()).toMatchObject({
      polled: 0,
      applied: 0,
    });
    expect(writes.total()).toBe(2 * ENTRIES);
  });

  it('the private key appears in no response and no log line', () => {
    expectNoLeak(r.watch);
  });
});
