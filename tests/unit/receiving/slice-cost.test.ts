import fc from 'fast-check';
import { fitSlice, INITIAL_COSTS, learnCosts, mayWrite } from '../../../server/src/receiving/slice-cost';

describe('slice costs', () => {
  it('a job carries a translation when reviewable or approved', () => {
    expect(['reviewable', 'approved'].map(mayWrite)).toEqual([true, true]);
    expect(['available', 'pending', 'revising', 'canceled', 'queued'].map(mayWrite)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('writes after records: the slice holds the records and only the writes that fit', () => {
    const costs = { writeMs: 10, recordMs: 0.5 };
    // 20 records (10 ms), then 3 writes fit in the 30 ms left of a 40 ms budget.
    expect(fitSlice([...Array(20).fill(false), ...Array(30).fill(true)], 40, costs, 50)).toBe(23);
    // Only writes: 4.
    expect(fitSlice(Array(30).fill(true), 40, costs, 50)).toBe(4);
    // Only records: capped by max.
    expect(fitSlice(Array(200).fill(false), 40, costs, 50)).toBe(50);
  });

  it('one job at least, however dear; never more than there are', () => {
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { minLength: 1, maxLength: 80 }),
        fc.double({ min: 0.01, max: 500, noNaN: true }),
        fc.integer({ min: 1, max: 60 }),
        (writes, budget, max) => {
          const n = fitSlice(writes, budget, { writeMs: 10, recordMs: 1 }, max);
          expect(n).toBeGreaterThanOrEqual(1);
          expect(n).toBeLessThanOrEqual(Math.min(writes.length, max));
          // Within budget, unless a single job is over it on its own.
          const spent = writes.slice(0, n).reduce((s, w) => s + (w ? 10 : 1), 0);
          if (n > 1) expect(spent).toBeLessThanOrEqual(budget + 1e-9);
        }
      )
    );
  });

  it('learns what a record costs from slices of records, and a write from slices with writes', () => {
    let costs = INITIAL_COSTS;
    for (let i = 0; i < 30; i++) costs = learnCosts(costs, { writes: 0, records: 50, ms: 10 });
    expect(costs.recordMs).toBeCloseTo(0.2, 2);
    expect(costs.writeMs).toBe(INITIAL_COSTS.writeMs);
    for (let i = 0; i < 30; i++) costs = learnCosts(costs, { writes: 4, records: 10, ms: 34 }); // 2 ms of records, 8 ms a write
    expect(costs.writeMs).toBeCloseTo(8, 1);
    expect(costs.recordMs).toBeCloseTo(0.2, 2);
  });

  it('the mixed estimate this replaces: a burst of writes after records fits its budget now', () => {
    // After 30 slices of records (0.2 ms a job), a batch of 50 translated jobs at 8 ms each.
    let costs = INITIAL_COSTS;
    for (let i = 0; i < 30; i++) costs = learnCosts(costs, { writes: 0, records: 50, ms: 10 });
    const n = fitSlice(Array(50).fill(true), 40, costs, 50);
    expect(n * 8).toBeLessThanOrEqual(80); // one averaged estimate (0.2 ms a job) took all 50: 400 ms
  });
});
