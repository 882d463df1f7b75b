import { wordDiff } from '../../../admin/src/components/Review/wordDiff';

describe('wordDiff: what a revision changed', () => {
  it('marks the words removed and added, keeping the rest', () => {
    expect(wordDiff('Le guide de café', 'Le guide du café filtre')).toEqual([
      { op: 'same', text: 'Le guide ' },
      { op: 'removed', text: 'de' },
      { op: 'added', text: 'du' },
      { op: 'same', text: ' café' },
      { op: 'added', text: ' filtre' },
    ]);
  });

  it('gives both texts back from its parts', () => {
    const before = 'one two three four';
    const after = 'zero two four five';
    const parts = wordDiff(before, after);
    expect(
      parts
        .filter((p) => p.op !== 'added')
        .map((p) => p.text)
        .join('')
    ).toBe(before);
    expect(
      parts
        .filter((p) => p.op !== 'removed')
        .map((p) => p.text)
        .join('')
    ).toBe(after);
  });

  it('identical texts: one unchanged part; very long texts: replaced whole', () => {
    expect(wordDiff('same text', 'same text')).toEqual([{ op: 'same', text: 'same text' }]);
    const long = Array.from({ length: 1000 }, (_, i) => `w${i}`).join(' ');
    expect(wordDiff(long, `${long} end`).map((p) => p.op)).toEqual(['removed', 'added']);
  });
});
