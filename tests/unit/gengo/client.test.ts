import crypto from 'crypto';
import { startEmulator } from '../../../emulator/src';
import { DEFAULT_USER_AGENT, gengoUserAgent, signTimestamp, type GengoClient } from '../../../server/src/gengo';
import pkg from '../../../package.json';
import { clientFor, control, job, startProxy, waitFor, type Emu } from './helpers';

/** Every endpoint of the client against the Gengo emulator, over real HTTP. */
describe('Gengo client against the emulator', () => {
  let emu: Emu;
  let ctl: ReturnType<typeof control>;
  let gengo: GengoClient;

  beforeAll(async () => {
    emu = await startEmulator({ port: 0, credits: 500, jobCreationDelayMs: 20 });
    ctl = control(emu);
    gengo = clientFor(emu);
  });
  afterAll(() => emu?.close());
  beforeEach(() => ctl.reset(500));

  const ref = () => `ref-${crypto.randomUUID()}`;

  /** Orders one job and waits until Gengo's queue made it available. */
  const orderOne = async (over: Record<string, unknown> = {}) => {
    const res = await gengo.postJobs({ jobs: { job_1: job(over) } }, { reference: ref() });
    const order = await waitFor(async () => {
      const { order } = await gengo.getOrder(res.order_id!);
      return order.jobs_available?.length ? order : undefined;
    });
    return { res, order, jobId: order.jobs_available![0] };
  };

  describe('wire format', () => {
    let proxy: Awaited<ReturnType<typeof startProxy>>;
    let viaProxy: GengoClient;
    beforeAll(async () => {
      proxy = await startProxy(emu.url);
      viaProxy = clientFor({ ...emu, apiUrl: proxy.apiUrl });
    });
    afterAll(() => proxy.close());
    beforeEach(() => {
      proxy.recorded.length = 0;
    });

    it('GET signs in the query string, with Accept and the User-Agent Gengo documents', async () => {
      await viaProxy.getAccountBalance();
      const [rec] = proxy.recorded;
      const url = new URL(rec.url, 'http://x');
      expect(url.pathname).toBe('/v2/account/balance');
      const ts = url.searchParams.get('ts')!;
      expect(Math.abs(Number(ts) - Date.now() / 1000)).toBeLessThan(5);
      expect(url.searchParams.get('api_key')).toBe(emu.publicKey);
      expect(url.searchParams.get('api_sig')).toBe(signTimestamp(emu.privateKey, ts));
      expect(rec.headers.accept).toBe('application/json');
      // best_practices.md: "Gengo app_name; Version app_version; your_site_url;"
      expect(rec.headers['user-agent']).toBe(`Gengo strapi-plugin-gengo; Version ${pkg.version};`);
      expect(DEFAULT_USER_AGENT).toBe(`Gengo strapi-plugin-gengo; Version ${pkg.version};`);
    });

    it("the User-Agent carries the site's public URL, reduced to origin and path", async () => {
      const site = clientFor(
        { ...emu, apiUrl: proxy.apiUrl },
        { siteUrl: 'https://user:pw@cms.example.com/blog/?x=1#y' }
      );
      await site.getAccountBalance();
      expect(proxy.recorded[0].headers['user-agent']).toBe(
        `Gengo strapi-plugin-gengo; Version ${pkg.version}; https://cms.example.com/blog;`
      );
      expect(gengoUserAgent({ siteUrl: 'https://cms.example.com/' })).toBe(
        `Gengo strapi-plugin-gengo; Version ${pkg.version}; https://cms.example.com;`
      );
      // Nothing that is not an http(s) URL, and no field forged with ';' or a line break.
      expect(gengoUserAgent({ siteUrl: 'javascript:alert(1)' })).toBe(DEFAULT_USER_AGENT);
      expect(gengoUserAgent({ siteUrl: 'not a url' })).toBe(DEFAULT_USER_AGENT);
      expect(gengoUserAgent({ appName: 'x; Version 9\r\nX-Evil: 1', appVersion: '1.0' })).toBe(
        'Gengo x Version 9X-Evil: 1; Version 1.0;'
      );
      const custom = clientFor({ ...emu, apiUrl: proxy.apiUrl }, { userAgent: 'Mine/1' });
      await custom.getAccountBalance();
      expect(proxy.recorded[1].headers['user-agent']).toBe('Mine/1');
    });

    it('POST sends a form with api_key, ts, api_sig and data = JSON; Content-Length counts UTF-8 bytes', async () => {
      const body_src = '日本語のテキスト — ünïcödé';
      await viaProxy.postJobs({ jobs: { job_1: job({ body_src, lc_tgt: 'ja', lc_src: 'en' }) } }, { reference: ref() });
      const rec = proxy.recorded.find((r) => r.method === 'POST')!;
      expect(rec.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
      expect(Number(rec.headers['content-length'])).toBe(rec.body.length);
      const form = new URLSearchParams(rec.body.toString('utf8'));
      expect([...form.keys()].sort()).toEqual(['api_key', 'api_sig', 'data', 'ts']);
      expect(form.get('api_sig')).toBe(signTimestamp(emu.privateKey, form.get('ts')!));
      expect(JSON.parse(form.get('data')!).jobs.job_1.body_src).toBe(body_src);
      expect(new URL(rec.url, 'http://x').search).toBe('');
    });

    it('PUT and DELETE: form body for PUT, query string for DELETE', async () => {
      await viaProxy.archiveJobs([1]).catch(() => undefined);
      await viaProxy.cancelJob(1).catch(() => undefined);
      const put = proxy.recorded.find((r) => r.method === 'PUT')!;
      expect(new URLSearchParams(put.body.toString()).get('data')).toBe('{"action":"archive","job_ids":[1]}');
      const del = proxy.recorded.find((r) => r.method === 'DELETE')!;
      expect(new URL(del.url, 'http://x').searchParams.get('api_sig')).toMatch(/^[0-9a-f]{40}$/);
      expect(del.body.length).toBe(0);
    });
  });

  describe('account', () => {
    it('balance, stats, me, preferred translators', async () => {
      const balance = await gengo.getAccountBalance();
      expect(Number(balance.credits)).toBe(500);
      expect(balance.currency).toBeTruthy();
      expect(await gengo.getAccountStats()).toEqual(expect.objectContaining({ user_since: expect.anything() }));
      expect(await gengo.getAccountMe()).toEqual(expect.any(Object));
      expect(Array.isArray(await gengo.getPreferredTranslators())).toBe(true);
    });
  });

  describe('service', () => {
    it('languages, language pairs, language matrix', async () => {
      const languages = await gengo.getLanguages();
      expect(languages.map((l) => l.lc)).toEqual(expect.arrayContaining(['en', 'fr', 'ja']));
      const pairs = await gengo.getLanguagePairs({ lc_src: 'en' });
      expect(pairs.length).toBeGreaterThan(0);
      expect(pairs.every((p) => p.lc_src === 'en')).toBe(true);
      const matrix = await gengo.getLanguageMatrix({ lc_src: 'en' });
      expect(Object.keys(matrix)).toEqual(['en']);
    });

    it('quotes text, and files (multipart)', async () => {
      const quote = await gengo.getQuote({ jobs: { job_1: job() } });
      expect(Number(quote.jobs.job_1.unit_count)).toBeGreaterThan(0);
      expect(Number(quote.jobs.job_1.credits)).toBeGreaterThan(0);

      const fileQuote = await gengo.getFileQuote({
        jobs: { job_1: { type: 'file', file_key: 'file_01', lc_src: 'en', lc_tgt: 'fr', tier: 'standard' } },
        files: {
          file_01: { filename: 'hello.txt', content: 'Hello there, world of files.', contentType: 'text/plain' },
        },
      });
      expect(fileQuote.jobs.job_1).toEqual(expect.objectContaining({ identifier: expect.any(String) }));
    });
  });

  describe('glossaries', () => {
    it('lists and gets', async () => {
      const list = await gengo.listGlossaries();
      expect(list.length).toBeGreaterThan(0);
      expect((await gengo.getGlossary(list[0].id)).id).toEqual(list[0].id);
    });
  });

  describe('ordering and jobs', () => {
    it('posts jobs (all new): order id, count, credits; debits the balance once', async () => {
      const res = await gengo.postJobs({ jobs: { job_1: job(), job_2: job({ lc_tgt: 'de' }) } }, { reference: ref() });
      expect(res).toEqual(expect.objectContaining({ order_id: expect.anything(), reconciled: false }));
      expect(Number(res.job_count)).toBe(2);
      expect(await ctl.credits()).toBeCloseTo(500 - Number(res.credits_used), 2);
    });

    it('lazy loading: an already translated payload comes back in `jobs`, not charged again', async () => {
      const { jobId } = await orderOne();
      await ctl.advance(jobId, 'approved');
      const before = await ctl.credits();
      const again = await gengo.postJobs({ jobs: { job_1: job() } }, { reference: ref() });
      expect(again.jobs).toBeDefined();
      expect((again.jobs as any).job_1[0].body_tgt).toBeTruthy();
      expect(await ctl.credits()).toBe(before);
    });

    it('order: jobs by status, cancel; job: get, list, by ids, comments, revisions, feedback, preview', async () => {
      const { res, jobId } = await orderOne({ custom_data: undefined });
      const ref0 = res.reference;
      const { job: one } = await gengo.getJob(jobId, { preMt: true });
      expect(one.custom_data).toBe(ref0);
      expect(one.status).toBe('available');
      expect(String(one.order_id)).toBe(String(res.order_id));

      const list = await gengo.listJobs({ status: 'available', count: 5 });
      expect(list.map((j) => String(j.job_id))).toContain(String(jobId));
      const byIds = await gengo.getJobs([jobId]);
      expect(byIds.jobs).toHaveLength(1);

      await gengo.postJobComment(jobId, 'Please keep it formal.');
      await ctl.comment(jobId, 'Will do.');
      const thread = (await gengo.listJobComments(jobId)).thread;
      expect(thread.map((c) => c.author)).toEqual(['customer', 'worker']);

      await gengo.postOrderComment(res.order_id!, 'About the whole order');
      expect((await gengo.listOrderComments(res.order_id!)).thread[0].body).toBe('About the whole order');

      await ctl.advance(jobId, 'reviewable');
      const revisions = await gengo.listJobRevisions(jobId);
      expect(revisions.revisions.length).toBe(1);
      const rev = await gengo.getJobRevision(jobId, revisions.revisions[0].rev_id!);
      expect(rev.revision.body_tgt).toBeTruthy();
      const preview = await gengo.getJobPreview(jobId);
      expect(Buffer.isBuffer(preview)).toBe(true);
      expect(preview.subarray(0, 2).toString('hex')).toBe('ffd8'); // JPEG

      await gengo.approveJob(jobId, { rating: 5, for_translator: 'Thanks' });
      expect((await gengo.getJob(jobId)).job.status).toBe('approved');
      expect((await gengo.getJobFeedback(jobId)).feedback.for_translator).toBe('Thanks');
    });

    it('cancels a job and an order while available', async () => {
      const a = await orderOne();
      await gengo.cancelJob(a.jobId);
      expect((await gengo.getJob(a.jobId)).job.status).toBe('canceled');

      const b = await orderOne({ body_src: 'Another text to cancel as an order.' });
      await gengo.cancelOrder(b.res.order_id!);
      const { order } = await gengo.getOrder(b.res.order_id!);
      expect(order.jobs_cancelled).toEqual([String(b.jobId)]);
    });

    it('revise, reject (with captcha) one job; bulk approve, archive', async () => {
      const a = await orderOne({ body_src: 'Text for revising.' });
      await ctl.advance(a.jobId, 'reviewable');
      await gengo.reviseJob(a.jobId, 'Please fix the tone');
      expect((await gengo.getJob(a.jobId)).job.status).toBe('revising');

      const b = await orderOne({ body_src: 'Text for rejecting.' });
      const reviewable = await ctl.advance(b.jobId, 'reviewable');
      await gengo.rejectJob(b.jobId, {
        reason: 'quality',
        comment: 'Not good',
        captcha: reviewable.captcha,
        follow_up: 'cancel',
      });
      expect(['rejected', 'canceled']).toContain((await gengo.getJob(b.jobId)).job.status);

      const c = await orderOne({ body_src: 'Text for bulk approval.' });
      await ctl.advance(c.jobId, 'reviewable');
      await gengo.approveJobs([{ job_id: c.jobId, rating: 4 }]);
      expect((await gengo.getJob(c.jobId)).job.status).toBe('approved');
      await gengo.archiveJobs([c.jobId]);
      await gengo.updateJobs({ action: 'revise', job_ids: [] }).catch((e) => expect(e.code).toBe(2050));
    });

    it('groups: as_group gives a group of jobs', async () => {
      const res = await gengo.postJobs(
        {
          jobs: { job_1: job({ body_src: 'First of group.' }), job_2: job({ body_src: 'Second of group.' }) },
          as_group: 1,
        },
        { reference: ref() }
      );
      const groupId = (res as any).group_id;
      expect(groupId).toBeDefined();
      const group = await gengo.getJobGroup(groupId);
      expect(group.jobs).toHaveLength(2);
    });
  });
});
