import { panelStatus, STATUS_LABELS } from '../../../admin/src/components/TranslatePanel/status';
import en from '../../../admin/src/translations/en.json';

describe('panel status of a target locale', () => {
  it.each([
    ['placing', {}, 'queued'],
    ['ambiguous', {}, 'queued'],
    ['placed', { queued: 2 }, 'queued'],
    ['placed', { available: 1, reviewable: 1 }, 'available'],
    ['placed', { pending: 1, reviewable: 2 }, 'in-translation'],
    ['placed', { revising: 1, approved: 1 }, 'in-translation'],
    ['placed', { reviewable: 2, approved: 1 }, 'awaiting-review'],
    ['placed', { approved: 3 }, 'approved'],
    ['completed', { approved: 2, canceled: 1 }, 'approved'],
    ['placed', { approved: 2, conflict: 1 }, 'conflict'],
    ['placed', { stale: 1, reviewable: 1 }, 'stale'],
    ['placed', { error: 1, approved: 2 }, 'error'],
    ['failed', {}, 'error'],
    ['cancelled', { canceled: 2 }, 'cancelled'],
    ['placed', { canceled: 2 }, 'cancelled'],
  ] as const)('%s with jobs %j is %s', (order, jobs, expected) => {
    expect(panelStatus(order, jobs as Record<string, number>)).toBe(expected);
  });

  it('has an en label for every status', () => {
    for (const [status, label] of Object.entries(STATUS_LABELS)) {
      expect((en as Record<string, string>)[`panel.status.${status}`]).toBe(label);
    }
  });
});
