import {
  approveBody,
  can,
  effectiveStatus,
  hasReviewableJobs,
  jobActions,
  rejectBody,
  rejectReady,
} from '../../../admin/src/components/Review/jobActions';

const job = (status: string, gengoStatus: string | null = status, gengoJobId: string | null = '42') => ({
  status,
  gengoStatus,
  gengoJobId,
});

describe('review actions of a job', () => {
  it.each([
    [job('reviewable'), ['approve', 'revise', 'reject', 'comment']],
    [job('available'), ['cancel', 'preview', 'comment']],
    [job('pending'), ['preview', 'comment']],
    [job('revising'), ['preview', 'comment']],
    [job('hold'), ['preview', 'comment']],
    [job('approved'), ['comment']],
    [job('canceled'), []],
    [job('rejected'), []],
    [job('queued', null, null), []],
    // Our marks do not hide what Gengo allows.
    [job('conflict', 'reviewable'), ['approve', 'revise', 'reject', 'comment']],
    [job('stale', 'approved'), ['comment']],
  ])('%o allows %o', (j, actions) => {
    expect(jobActions(j)).toEqual(actions);
  });

  it('reads "cancelled" as canceled and prefers Gengo status', () => {
    expect(effectiveStatus(job('pending', 'cancelled'))).toBe('canceled');
    expect(effectiveStatus(job('error', null))).toBe('error');
    expect(can(job('pending', 'cancelled'), 'comment')).toBe(false);
  });

  it('tells whether a locale has anything to review', () => {
    expect(hasReviewableJobs(undefined)).toBe(false);
    expect(hasReviewableJobs([job('queued', null, null)])).toBe(false);
    expect(hasReviewableJobs([job('queued', null, null), job('reviewable')])).toBe(true);
  });
});

describe('review bodies', () => {
  it('approve leaves out empty texts and a missing rating', () => {
    expect(approveBody({ rating: null, forTranslator: ' ', forGengo: '', public: false })).toEqual({ public: false });
    expect(approveBody({ rating: 5, forTranslator: ' Great ', forGengo: 'ok', public: true })).toEqual({
      rating: 5,
      forTranslator: 'Great',
      forGengo: 'ok',
      public: true,
    });
    expect(approveBody({ rating: 9, forTranslator: '', forGengo: '', public: false })).toEqual({ public: false });
  });

  it('reject needs a comment and the captcha', () => {
    const f = { reason: 'quality' as const, comment: ' bad ', captcha: '', followUp: 'requeue' as const };
    expect(rejectReady(f)).toBe(false);
    expect(rejectReady({ ...f, captcha: 'ab12' })).toBe(true);
    expect(rejectReady({ ...f, comment: ' ', captcha: 'x' })).toBe(false);
    expect(rejectBody({ ...f, captcha: ' ab12 ' })).toEqual({
      reason: 'quality',
      comment: 'bad',
      captcha: 'ab12',
      followUp: 'requeue',
    });
  });
});
