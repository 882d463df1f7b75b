import type { Segment } from '../../../server/src/content';
import { changedSegments, lastOrderedHashes } from '../../../server/src/ordering/changed';

const seg = (paths: string[], hash: string): Segment => ({ kind: 'text', paths, source: hash, hash }) as Segment;
const ordered = (paths: string[], sourceHash: string) =>
  ({ key: 's', kind: 'text', paths, sourceHash, protected: {} as any, separators: [] }) as any;
const order = (id: number, status: string, segments: any[] | null, createdAt = `2026-01-0${id}T00:00:00Z`) =>
  ({ id, status, segments, createdAt }) as any;

describe('lastOrderedHashes', () => {
  it('keeps, per path, the hash of the latest order that counts', () => {
    const last = lastOrderedHashes([
      order(2, 'placed', [ordered(['title'], 'h2')]),
      order(1, 'completed', [ordered(['title'], 'h1'), ordered(['body', 'seo.metaTitle'], 'b1')]),
    ]);
    expect([...last.entries()].sort()).toEqual([
      ['body', 'b1'],
      ['seo.metaTitle', 'b1'],
      ['title', 'h2'],
    ]);
  });

  it.each(['failed', 'cancelled'])('ignores %s orders', (status) => {
    const last = lastOrderedHashes([
      order(1, 'placed', [ordered(['title'], 'h1')]),
      order(2, status, [ordered(['title'], 'h2')]),
    ]);
    expect(last.get('title')).toBe('h1');
  });

  it.each(['placing', 'placed', 'ambiguous', 'completed'])('counts %s orders', (status) => {
    expect(lastOrderedHashes([order(1, status, [ordered(['title'], 'h1')])]).get('title')).toBe('h1');
  });

  it('tolerates orders without segments, and orders by id on equal times', () => {
    const t = '2026-01-01T00:00:00Z';
    const last = lastOrderedHashes([
      order(3, 'placed', [ordered(['a'], 'x3')], t),
      order(1, 'failed', null, t),
      order(2, 'placed', [ordered(['a'], 'x2')], t),
    ]);
    expect(last.get('a')).toBe('x3');
  });
});

describe('changedSegments', () => {
  const segments = [seg(['title'], 'h1'), seg(['summary'], 's1'), seg(['seo.metaTitle', 'sections[0].heading'], 'm1')];

  it('sends everything when nothing was ordered', () => {
    expect(changedSegments(segments, new Map())).toEqual(segments);
  });

  it('sends nothing when every hash matches', () => {
    const last = new Map([
      ['title', 'h1'],
      ['summary', 's1'],
      ['seo.metaTitle', 'm1'],
      ['sections[0].heading', 'm1'],
    ]);
    expect(changedSegments(segments, last)).toEqual([]);
  });

  it('sends only the segment whose source changed', () => {
    const last = new Map([
      ['title', 'h0'],
      ['summary', 's1'],
      ['seo.metaTitle', 'm1'],
      ['sections[0].heading', 'm1'],
    ]);
    expect(changedSegments(segments, last)).toEqual([segments[0]]);
  });

  it('keeps only the changed paths of a shared segment', () => {
    const last = new Map([
      ['title', 'h1'],
      ['summary', 's1'],
      ['seo.metaTitle', 'm1'],
    ]);
    expect(changedSegments(segments, last)).toEqual([{ ...segments[2], paths: ['sections[0].heading'] }]);
  });
});
