import { byOrder } from '../../../server/src/receiving/order-groups';
import { encodeCustomData } from '../../../server/src/platform/records';

const job = (id: number, ref: string | null, s = 's0') =>
  ({ job_id: id, custom_data: ref ? encodeCustomData({ ref, s, c: 0 }) : 'not ours' }) as any;

describe('jobs grouped by order', () => {
  it("puts an order's jobs side by side, groups in the order first seen, each job with its place in the list", () => {
    const list = [
      job(1, 'a'),
      job(2, 'b'),
      job(3, null),
      job(4, 'a', 's1'),
      job(5, 'c'),
      job(6, 'b', 's1'),
      job(7, null),
    ];
    const grouped = byOrder(list);
    expect(grouped.map((g) => g.job.job_id)).toEqual([1, 4, 2, 6, 3, 5, 7]);
    expect(grouped.map((g) => g.ref)).toEqual(['a', 'a', 'b', 'b', null, 'c', null]);
    for (const g of grouped) expect(list[g.index]).toBe(g.job);
  });

  it('keeps a list without repeats as it is', () => {
    const list = [job(1, 'a'), job(2, 'b'), job(3, 'c')];
    expect(byOrder(list).map((g) => g.index)).toEqual([0, 1, 2]);
    expect(byOrder([])).toEqual([]);
  });
});
