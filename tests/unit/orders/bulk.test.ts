import { checkBatchBudget } from '../../../server/src/ordering/budget';
import { toBatchView } from '../../../server/src/bulk/view';
import {
  batchItemKey,
  derivedBatchKeys,
  explicitBatchKey,
  explicitRequestKey,
  orderRequestKeys,
  REQUEST_WINDOW_MS,
} from '../../../server/src/ordering/keys';
import type { BatchRecord } from '../../../server/src/bulk/records';

describe('bulk: keys', () => {
  const t = 1_800_000_000_000;
  const input = {
    contentType: 'api::article.article',
    documentIds: ['a', 'b'],
    targetLocales: ['fr'],
    tier: 'standard',
  };

  it('the same selection (any order) by the same user in the window is the same batch; another user or selection is not', () => {
    const k = derivedBatchKeys(input, 1, t);
    expect(derivedBatchKeys({ ...input, documentIds: ['b', 'a'] }, 1, t + 1)).toEqual(k);
    expect(derivedBatchKeys(input, 1, t + REQUEST_WINDOW_MS).previous).toBe(k.current);
    expect(derivedBatchKeys(input, 2, t).current).not.toBe(k.current);
    expect(derivedBatchKeys({ ...input, documentIds: ['a'] }, 1, t).current).not.toBe(k.current);
    expect(explicitBatchKey('key-1234', 1)).toBe(explicitBatchKey('key-1234', 1));
    expect(explicitBatchKey('key-1234', 1)).not.toBe(explicitBatchKey('key-1234', 2));
  });

  it("an item's orders use the same key on every run: batch, document, user and locale", () => {
    const keys = (batchId: number, now: number) =>
      orderRequestKeys(
        {
          idempotencyKey: batchItemKey(batchId, 'doc1'),
          userId: 7,
          uid: 'api::article.article',
          documentId: 'doc1',
          sourceLocale: 'en',
          tier: 'standard',
          options: {},
          targets: [
            { locale: 'fr', segments: [{ hash: 'h', paths: ['title'] }] },
            { locale: 'de', segments: [] },
          ],
        },
        now
      );
    const first = keys(3, t);
    expect(keys(3, t + 10 * REQUEST_WINDOW_MS)).toEqual(first);
    expect(first.get('fr')).toEqual({
      current: explicitRequestKey('bulk:3:doc1', 7, 'fr'),
      lookup: [explicitRequestKey('bulk:3:doc1', 7, 'fr')],
    });
    expect(first.get('de')!.current).not.toBe(first.get('fr')!.current);
    expect(keys(4, t).get('fr')!.current).not.toBe(first.get('fr')!.current);
  });
});

describe('bulk: budget', () => {
  const base = {
    cost: 100,
    balance: 500,
    currency: 'USD',
    budgetPerOrder: null,
    budgetPerMonth: null,
    spentThisMonth: 0,
    largestOrder: 5,
  };

  it('the per-order cap applies to the costliest document, balance and month to the whole selection', () => {
    expect(checkBatchBudget({ ...base, budgetPerOrder: 10 })).toEqual({ ok: true });
    expect(checkBatchBudget({ ...base, budgetPerOrder: 4 })).toMatchObject({ ok: false, reason: 'order-cap' });
    expect(checkBatchBudget({ ...base, balance: 99 })).toMatchObject({ ok: false, reason: 'balance' });
    expect(checkBatchBudget({ ...base, budgetPerMonth: 150, spentThisMonth: 60 })).toMatchObject({
      ok: false,
      reason: 'month-cap',
    });
  });

  it('a refusal by the per-order cap names the costliest document, and how many more pass the cap', () => {
    expect(checkBatchBudget({ ...base, budgetPerOrder: 4, largestTitle: 'Coffee guide', overCap: 3 })).toEqual({
      ok: false,
      reason: 'order-cap',
      message:
        '"Coffee guide" costs 5.00 USD (and 2 other documents of the selection), above the budget cap per order of 4.00 USD (Gengo credits). Leave it out of the selection or raise the cap.',
    });
    expect(checkBatchBudget({ ...base, budgetPerOrder: 4, largestTitle: 'Coffee guide' })).toMatchObject({
      message: expect.stringMatching(/^"Coffee guide" costs 5\.00 USD, above/),
    });
  });
});

describe('bulk: the batch view', () => {
  const batch = {
    id: 4,
    requestKey: 'k',
    status: 'running',
    contentType: 'api::article.article',
    sourceLocale: 'en',
    targetLocales: ['fr'],
    tier: 'standard',
    options: null,
    total: 10,
    done: 5,
    failed: 1,
    cancelled: 2,
    ordered: 5,
    credits: '12.345',
    currency: 'USD',
    skipped: [],
    requestedById: 1,
    requestedByName: 'Ann',
    lastError: null,
    finishedAt: null,
    createdAt: 'c',
    updatedAt: 'u',
  } as BatchRecord;

  it('pending is what is neither finished nor cancelled; failures only when asked for', () => {
    const view = toBatchView(batch);
    expect(view).toMatchObject({ total: 10, done: 5, failed: 1, pending: 2, credits: 12.35, createdByName: 'Ann' });
    expect(view).not.toHaveProperty('failures');
    expect(view).not.toHaveProperty('requestKey');
    const item = {
      id: 1,
      batchId: 4,
      targetDocumentId: 'd',
      title: null,
      status: 'failed',
      prices: null,
      attempts: 1,
      ordered: 0,
      credits: 0,
      orderIds: null,
      reason: 'No',
    } as const;
    expect(toBatchView(batch, [item]).failures).toEqual([{ documentId: 'd', title: null, reason: 'No' }]);
  });
});
