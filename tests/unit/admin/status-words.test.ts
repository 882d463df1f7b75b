import { createIntl } from 'react-intl';
import en from '../../../admin/src/translations/en.json';
import fr from '../../../admin/src/translations/fr.json';
import { prefixTranslations } from '../../../admin/src/utils/prefixTranslations';
import {
  BATCH_MESSAGES,
  ORDER_MESSAGES,
  STATE_MESSAGES,
  stateCount,
  statusWords,
  translationState,
} from '../../../admin/src/utils/statusWords';
import { ORDER_STATUSES } from '../../../shared/contracts/orders';

describe('the state of a target locale', () => {
  it.each([
    ['placing', {}, 'queued'],
    ['ambiguous', {}, 'queued'],
    ['placed', { queued: 2 }, 'queued'],
    ['placed', { available: 2 }, 'available'],
    // What waits for a person comes before what is still moving.
    ['placed', { available: 3, reviewable: 8 }, 'awaiting-review'],
    ['placed', { pending: 1, reviewable: 2 }, 'awaiting-review'],
    ['placed', { pending: 1, available: 1 }, 'available'],
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
    expect(translationState(order, jobs as Record<string, number>)).toBe(expected);
  });

  it('counts the translations in a state among all of them', () => {
    expect(stateCount('awaiting-review', { available: 3, reviewable: 8 })).toEqual({ count: 8, total: 11 });
    expect(stateCount('in-translation', { pending: 1, revising: 2, hold: 1, approved: 4 })).toEqual({
      count: 4,
      total: 8,
    });
  });
});

describe('status words', () => {
  const intlIn = (locale: string, messages: Record<string, string>) =>
    createIntl({ locale, messages: prefixTranslations(messages) as Record<string, string> });
  const words = statusWords(intlIn('en', en).formatMessage);

  it('say a state with its count, in plain words', () => {
    expect(words.stateWithCount('awaiting-review', { available: 3, reviewable: 8 })).toBe('Awaiting review · 8 of 11');
    expect(words.stateWithCount('approved', { approved: 1 })).toBe('Translated');
    expect(words.job('reviewable')).toBe('Awaiting review');
    expect(words.job('revising')).toBe('In translation');
    expect(words.order('ambiguous')).toBe('Unconfirmed: being checked with Gengo');
    expect(words.batch('completed')).toBe('All ordered');
  });

  it('have a word for every order status, none of them the raw value', () => {
    for (const s of ORDER_STATUSES) {
      expect(ORDER_MESSAGES[s]).toBeDefined();
      expect(words.order(s)).not.toBe(s);
    }
  });

  it('are in en.json as their defaults, and translated in fr', () => {
    const all = [...Object.values(STATE_MESSAGES), ...Object.values(ORDER_MESSAGES), ...Object.values(BATCH_MESSAGES)];
    for (const m of all) {
      const key = String(m.id).replace(/^gengo\./, '');
      expect([key, (en as Record<string, string>)[key]]).toEqual([key, m.defaultMessage]);
      expect((fr as Record<string, string>)[key]).toBeTruthy();
    }
    expect(statusWords(intlIn('fr', fr).formatMessage).state('awaiting-review')).not.toBe('Awaiting review');
  });
});
