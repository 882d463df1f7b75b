import { isRunning, progressPercent, quoteRefusal } from '../../../admin/src/api/bulk';

describe('bulk dialog helpers', () => {
  it('a batch polls while queued or running, and its progress counts every settled item', () => {
    expect(
      ['queued', 'running', 'completed', 'cancelled', 'failed'].filter((status) => isRunning({ status: status as any }))
    ).toEqual(['queued', 'running']);
    expect(progressPercent({ total: 3, pending: 3 })).toBe(0);
    expect(progressPercent({ total: 3, pending: 1 })).toBe(67);
    expect(progressPercent({ total: 3, pending: 0 })).toBe(100);
    expect(progressPercent({ total: 0, pending: 0 })).toBe(100);
  });

  it('a quote is refused by the budget (with its message) or when nothing is left to translate', () => {
    const budget = (check: any) => ({ perOrder: null, perMonth: 10, spentThisMonth: 9, check });
    expect(quoteRefusal({ documents: 3, budget: budget({ ok: true }) })).toBeNull();
    expect(
      quoteRefusal({
        documents: 3,
        budget: budget({ ok: false, reason: 'perMonth', message: 'Over the monthly budget' }),
      })
    ).toBe('Over the monthly budget');
    expect(quoteRefusal({ documents: 3, budget: budget({ ok: false, reason: 'perMonth' }) })).toBe('perMonth');
    expect(quoteRefusal({ documents: 0, budget: budget({ ok: true }) })).toBe('nothing to translate');
  });
});
