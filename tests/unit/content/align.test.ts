import fc from 'fast-check';
import { forcedMatches } from '../../../server/src/content/align';

const eq = (a: string, b: string) => a === b;
const match = (a: string, b: string) => forcedMatches([...a], [...b], eq);

describe('forcedMatches: an entry is placed only where every best matching agrees', () => {
  it.each([
    ['identical lists: each to itself', 'abc', 'abc', [0, 1, 2]],
    ['an entry inserted: the others found around it', 'abc', 'aXbc', [0, 2, 3]],
    ['an entry removed: it has no place, the others keep theirs', 'abc', 'ac', [0, null, 1]],
    ['two entries swapped: neither can be told', 'abcd', 'acbd', [0, null, null, 3]],
    ['one entry moved to the front: only it is out', 'abcd', 'dabc', [1, 2, 3, null]],
    ['a second entry of the same type: the one that was there cannot be told', 'ab', 'abb', [0, null]],
    ['one type only, same length: in order', 'aaa', 'aaa', [0, 1, 2]],
    ['one type only, one more: none can be told', 'aa', 'aaa', [null, null]],
    ['an entry of another type in its place', 'abc', 'aXc', [0, null, 2]],
    ['nothing on one side', 'ab', '', [null, null]],
  ])('%s', (_name, expected, current, result) => {
    expect(match(expected, current)).toEqual(result);
  });

  it('a placed entry is always matched in order, to an equal entry, and each current entry at most once', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', 'c') }),
        fc.string({ unit: fc.constantFrom('a', 'b', 'c') }),
        (a, b) => {
          const m = match(a, b);
          const placed = m.map((j, i) => [i, j] as const).filter(([, j]) => j !== null) as Array<
            readonly [number, number]
          >;
          for (const [i, j] of placed) expect(a[i]).toBe(b[j]);
          for (let k = 1; k < placed.length; k++) expect(placed[k][1]).toBeGreaterThan(placed[k - 1][1]);
          // Unchanged lists are matched whole.
          if (a === b) expect(m).toEqual([...a].map((_, i) => i));
        }
      ),
      { numRuns: 300 }
    );
  });
});
