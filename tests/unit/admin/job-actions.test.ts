import {
  approveBody,
  effectiveStatus,
  hasReviewableJobs,
  jobActions,
  rejectBody,
  reviewableJobs,
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
    expect(jobActions(job('pending', 'cancelled'))).not.toContain('comment');
  });

  it("keeps a field's jobs waiting for the reviewer: Gengo's reviewable, not ours in error", () => {
    const jobs = [
      { id: 1, ...job('reviewable') },
      { id: 2, ...job('conflict', 'reviewable') },
      { id: 3, ...job('error', 'reviewable') },
      { id: 4, ...job('approved') },
      { id: 5, ...job('reviewable', null) },
    ];
    expect(reviewableJobs(jobs).map((j) => j.id)).toEqual([1, 2, 5]);
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

  it('reject sends the comment and the captcha trimmed', () => {
    const f = { reason: 'quality' as const, comment: ' bad ', captcha: '', followUp: 'requeue' as const };
    expect(rejectBody({ ...f, captcha: ' ab12 ' })).toEqual({
      reason: 'quality',
      comment: 'bad',
      captcha: 'ab12',
      followUp: 'requeue',
    });
  });
});
