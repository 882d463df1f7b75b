import { protectSegment, splitForGengo } from '../../../server/src/content';
import { restoredView } from '../../../server/src/review/restored';

/** The review's text: a segment's chunks joined and its markup put back, or the reason it is not. */
describe('restoredView', () => {
  const source = 'Read **the docs** at https://example.com first.\n\nThen run `npm install` and **go**.';
  const prot = protectSegment({ kind: 'richtext', source });
  const split = splitForGengo(prot.text, { limit: 9500 }); // two chunks, at the paragraph break
  const segment = { kind: 'richtext' as const, protected: prot, separators: split.separators };

  it('joins every chunk and puts the markup back', () => {
    expect(split.chunks.length).toBeGreaterThan(1);
    const chunks = split.chunks
      .map((c, i) => ({ chunkIndex: i, bodyTgt: c.replace(/\b(Read|Then)\b/, '$1!') }))
      .reverse();
    const view = restoredView(segment, chunks);
    expect(view).toEqual({
      ok: true,
      kind: 'richtext',
      value: source.replace('Read', 'Read!').replace('Then', 'Then!'),
      chunks: split.chunks.length,
    });
  });

  it('says which part has no translation yet', () => {
    const chunks = split.chunks.map((c, i) => ({ chunkIndex: i, bodyTgt: i === 1 ? null : c }));
    expect(restoredView(segment, chunks)).toEqual({
      ok: false,
      reason: `no translation yet for part 2 of ${split.chunks.length}`,
    });
  });

  it('refuses a translation whose markers do not match, and a segment the order lost', () => {
    const noMarkers = split.chunks.map((c, i) => ({
      chunkIndex: i,
      bodyTgt: c.replace(/\[\[\[<\/?\d+\/?>\]\]\]/g, ''),
    }));
    expect(restoredView(segment, noMarkers)).toEqual({ ok: false, reason: expect.stringMatching(/marker/i) });
    expect(restoredView(undefined, [])).toEqual({ ok: false, reason: 'the order no longer holds this segment' });
  });
});
