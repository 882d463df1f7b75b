import { normalizePostJobsAnswer, normalizeQuoteAnswer, type JobPayload } from '../../../server/src/gengo';

/**
 * Gengo's answers to `POST translate/jobs` and `POST translate/service/quote`, in every shape its
 * pages show, read into one form. The fixtures are the docs' own examples: the newer Jobs page
 * (shared/gengo-api-docs/jobs-newer-revision.md) and the fixtures behind the older page
 * (`JOBS_POST_*`, `QUOTE_POST` of Gengo's documentation source).
 */

const payload = (body_src: string, over: Partial<JobPayload> = {}): JobPayload => ({
  type: 'text',
  slug: 's',
  body_src,
  lc_src: 'en',
  lc_tgt: 'fr',
  tier: 'pro',
  ...over,
});

const ids = (jobs: Array<{ job_id: unknown }>) => jobs.map((j) => String(j.job_id));

// jobs-newer-revision.md, "All jobs are old": keyed like the submission, each value a list.
const ALL_OLD = {
  jobs: {
    job_2: [
      {
        custom_data: '1234567',
        job_id: 1821444,
        credits: 0.1,
        auto_approve: 0,
        eta: -1,
        lc_tgt: 'fr',
        unit_count: 1,
        lc_src: 'en',
        slug: '3',
        callback_url: 'http://example.com',
        currency: 'USD',
        tier: 'pro',
        body_src: 'Third',
        body_tgt: 'Troisieme',
        ctime: 1378703629,
        status: 'reviewable',
      },
    ],
    job_1: [
      {
        custom_data: '1234567',
        job_id: 1821443,
        credits: 0.1,
        auto_approve: 0,
        eta: -1,
        lc_tgt: 'fr',
        unit_count: 1,
        lc_src: 'en',
        slug: '3',
        callback_url: 'http://example.com',
        currency: 'USD',
        tier: 'pro',
        body_src: 'Second',
        body_tgt: 'Deuxieme',
        ctime: 1378703629,
        status: 'reviewable',
      },
    ],
  },
  job_count: 2,
  order_id: 754511,
  credits_used: 0.0,
  currency: 'USD',
};

// jobs-newer-revision.md, "There are repeated jobs in the jobs payload": a list of lists, one job.
const repeatJob = {
  job_id: 1087795,
  credits: 0.1,
  auto_approve: 0,
  eta: 25308,
  lc_tgt: 'fr',
  unit_count: 2,
  lc_src: 'en',
  slug: 'API Job test',
  callback_url: 'http://example.com',
  currency: 'USD',
  tier: 'standard',
  body_src: 'First test.',
  mt: 1,
  body_tgt: 'Premier test.',
  ctime: 1378694499,
  status: 'available',
};
const REPEATS = {
  jobs: [[{ ...repeatJob }], [{ ...repeatJob }]],
  job_count: 2,
  order_id: 122900,
  credits_used: 0.1,
  currency: 'USD',
};

// jobs-newer-revision.md, "Mix of new and old jobs".
const MIX = {
  jobs: {
    old_job1: [{ ...ALL_OLD.jobs.job_2[0] }],
  },
  job_count: 2,
  order_id: 754513,
  credits_used: 0.2,
  currency: 'USD',
};

// jobs-newer-revision.md, "All jobs are new".
const ALL_NEW = { job_count: 10, order_id: 139370, credits_used: 100.45, currency: 'USD' };

describe('POST translate/jobs: every documented answer, one form', () => {
  it('all new: every key served by no job yet', () => {
    const posted = { job_1: payload('One'), job_2: payload('Two') };
    const out = normalizePostJobsAnswer(posted, (ALL_NEW as any).jobs);
    expect(out).toEqual({ byKey: { job_1: [], job_2: [] }, jobs: [], unmatched: [] });
  });

  it('all old: keyed by our keys, each with its list', () => {
    const posted = { job_1: payload('Second'), job_2: payload('Third') };
    const out = normalizePostJobsAnswer(posted, ALL_OLD.jobs);
    expect(ids(out.byKey.job_1)).toEqual(['1821443']);
    expect(ids(out.byKey.job_2)).toEqual(['1821444']);
    expect(out.byKey.job_1[0].body_tgt).toBe('Deuxieme');
    expect(out.jobs.map((j) => [String(j.job.job_id), j.keys])).toEqual([
      ['1821444', ['job_2']],
      ['1821443', ['job_1']],
    ]);
    expect(out.unmatched).toEqual([]);
  });

  it('repeats: a list of lists sharing one job_id → both keys served by that one job', () => {
    const posted = { job_1: payload('First test.', { tier: 'standard' }), job_2: payload('First test.') };
    const out = normalizePostJobsAnswer(posted, REPEATS.jobs);
    expect(ids(out.byKey.job_1)).toEqual(['1087795']);
    expect(ids(out.byKey.job_2)).toEqual(['1087795']);
    expect(out.jobs).toHaveLength(1);
    expect(out.jobs[0].keys).toEqual(['job_1', 'job_2']);
  });

  it('repeats among other jobs: a list with one entry per posted job is read by place', () => {
    const posted = { a: payload('Read more'), b: payload('Fresh text'), c: payload('Read more') };
    const shared = { ...repeatJob, job_id: '77', body_src: 'Read more' };
    const fresh = { ...repeatJob, job_id: '78', body_src: 'Fresh text' };
    const out = normalizePostJobsAnswer(posted, [[shared], [fresh], [{ ...shared }]]);
    expect([ids(out.byKey.a), ids(out.byKey.b), ids(out.byKey.c)]).toEqual([['77'], ['78'], ['77']]);
    expect(out.jobs.map((j) => [String(j.job.job_id), j.keys])).toEqual([
      ['77', ['a', 'c']],
      ['78', ['b']],
    ]);
  });

  it('repeats only: a shorter list is read by content (text and language pair), never by a guessed place', () => {
    const posted = {
      a: payload('Fresh text'),
      b: payload('Read more'),
      c: payload('Read more'),
      d: payload('Read more', { lc_tgt: 'de' }),
    };
    const shared = { ...repeatJob, job_id: '77', body_src: 'Read more' };
    const out = normalizePostJobsAnswer(posted, [[shared], [{ ...shared }]]);
    expect(ids(out.byKey.a)).toEqual([]);
    expect(ids(out.byKey.b)).toEqual(['77']);
    expect(ids(out.byKey.c)).toEqual(['77']);
    expect(ids(out.byKey.d)).toEqual([]); // same text, another target: not a repeat
  });

  it("the older page's all-old example (a list of lists, distinct jobs) is read by place", () => {
    const posted = { job_1: payload('Second'), job_2: payload('Third') };
    const out = normalizePostJobsAnswer(posted, [ALL_OLD.jobs.job_1, ALL_OLD.jobs.job_2]);
    expect(ids(out.byKey.job_1)).toEqual(['1821443']);
    expect(ids(out.byKey.job_2)).toEqual(['1821444']);
  });

  it('mix: old jobs keyed, the new ones served by no job yet; a key Gengo renamed is matched by content', () => {
    const posted = { old_job1: payload('Third'), fresh: payload('Brand new') };
    const out = normalizePostJobsAnswer(posted, MIX.jobs);
    expect(ids(out.byKey.old_job1)).toEqual(['1821444']);
    expect(out.byKey.fresh).toEqual([]);
    // The older fixture keys the old job "1" (an index), not by the submitted key.
    const renamed = normalizePostJobsAnswer(
      { job_1: payload('Brand new'), job_2: payload('Third') },
      {
        '1': [ALL_OLD.jobs.job_2[0]],
      }
    );
    expect(ids(renamed.byKey.job_2)).toEqual(['1821444']);
    expect(renamed.byKey.job_1).toEqual([]);
  });

  it('several old jobs for one key (force used before) stay in order; a job matching nothing is reported', () => {
    const posted = { k: payload('Third') };
    const twice = [ALL_OLD.jobs.job_2[0], { ...ALL_OLD.jobs.job_2[0], job_id: 99 }];
    const stranger = { ...ALL_OLD.jobs.job_1[0], body_src: 'Nobody posted this' };
    const out = normalizePostJobsAnswer(posted, { k: twice, other: [stranger] });
    expect(ids(out.byKey.k)).toEqual(['1821444', '99']);
    expect(out.unmatched).toEqual([stranger]);
  });

  it('odd values are ignored, not crashed on: a lone job instead of a list, nulls, non-objects', () => {
    const posted = { job_1: payload('Third') };
    expect(ids(normalizePostJobsAnswer(posted, { job_1: ALL_OLD.jobs.job_2[0] }).byKey.job_1)).toEqual(['1821444']);
    expect(normalizePostJobsAnswer(posted, { job_1: [null, 3, 'x', {}] }).byKey.job_1).toEqual([]);
    expect(normalizePostJobsAnswer(posted, 'nonsense').byKey.job_1).toEqual([]);
    expect(normalizePostJobsAnswer(posted, null).byKey.job_1).toEqual([]);
    // Keys that are properties of every object are posted keys like any other.
    expect(normalizePostJobsAnswer({ constructor: payload('x') }, { toString: [] }).byKey).toEqual({
      constructor: [],
    });
  });
});

describe('POST translate/service/quote: both shapes, nothing missing', () => {
  // QUOTE_POST of Gengo's documentation source: a list of one-key objects.
  const QUOTE_LIST = [
    { job_1: { unit_count: 324, credits: 16.2, eta: 45198, type: 'text', currency: 'USD' } },
    { job_2: { unit_count: 42, credits: 4.2, eta: 25164, type: 'text', currency: 'USD' } },
  ];

  it("Gengo's own example, jobs: [{job_1: …}, {job_2: …}]", () => {
    const { jobs, missing } = normalizeQuoteAnswer(['job_1', 'job_2'], QUOTE_LIST);
    expect(missing).toEqual([]);
    expect(jobs.job_1).toEqual(QUOTE_LIST[0].job_1);
    expect(jobs.job_2.credits).toBe(4.2);
  });

  it('a keyed object (what the emulator and the file quote answer)', () => {
    const { jobs, missing } = normalizeQuoteAnswer(['a'], { a: { unit_count: '3', credits: '0.18', eta: 1 } });
    expect(missing).toEqual([]);
    expect(Number(jobs.a.credits)).toBe(0.18);
  });

  it('a list of bare quotes is read by place', () => {
    const { jobs } = normalizeQuoteAnswer(['x', 'y'], [QUOTE_LIST[0].job_1, QUOTE_LIST[1].job_2]);
    expect([jobs.x.unit_count, jobs.y.unit_count]).toEqual([324, 42]);
  });

  it('a job we asked about and did not get, or got without a number, is missing — never priced 0', () => {
    expect(normalizeQuoteAnswer(['job_1', 'job_2', 'job_3'], QUOTE_LIST).missing).toEqual(['job_3']);
    expect(normalizeQuoteAnswer(['a'], { a: { unit_count: 1, credits: 'free' } }).missing).toEqual(['a']);
    expect(normalizeQuoteAnswer(['a'], { a: { unit_count: 1, credits: '' } }).missing).toEqual(['a']);
    expect(normalizeQuoteAnswer(['a'], { a: { unit_count: 1 } }).missing).toEqual(['a']);
    expect(normalizeQuoteAnswer(['a', 'b'], undefined).missing).toEqual(['a', 'b']);
    expect(normalizeQuoteAnswer(['a'], []).missing).toEqual(['a']);
  });
});
