import {
  callbackBytes,
  fitsCallback,
  GENGO_CALLBACK_LIMIT,
  joinChunks,
  protectSegment,
  restoreSegment,
  splitForGengo,
} from '../../../server/src/content';

const sentence = (i: number) =>
  `Sentence number ${i} tells a short story about translation quality and [[[<${i}/>]]] markers.`;
const paragraph = (p: number, n: number) => Array.from({ length: n }, (_, i) => sentence(p * 100 + i)).join(' ');

describe('callback size', () => {
  it('counts what a form-encoded JSON string weighs', () => {
    expect(callbackBytes('abc')).toBe(5);
    expect(callbackBytes('a b')).toBe(2 + 1 + 3 + 1);
    expect(callbackBytes('é')).toBe(2 + 8);
    expect(callbackBytes('日本')).toBe(2 + 18);
    expect(callbackBytes('"\n')).toBe(2 + 24);
  });

  it('keeps a short text in one job', () => {
    expect(splitForGengo('Hello world.')).toEqual({ chunks: ['Hello world.'], separators: [] });
  });
});

describe('splitForGengo / joinChunks', () => {
  const big = Array.from({ length: 12 }, (_, p) => paragraph(p, 12)).join('\n\n');

  it('splits at paragraph boundaries first, each chunk under the limit, and joins back exactly', () => {
    expect(fitsCallback(big)).toBe(false);
    const { chunks, separators } = splitForGengo(big, { lcTgt: 'fr' });
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(fitsCallback(c, { lcTgt: 'fr' })).toBe(true);
    expect(separators.every((s) => s === '\n\n')).toBe(true);
    expect(chunks.every((c) => !c.startsWith('\n') && !c.endsWith('\n'))).toBe(true);
    expect(joinChunks(chunks, separators)).toBe(big);
  });

  it('plans for a non-Latin target with more, smaller chunks', () => {
    expect(splitForGengo(big, { lcTgt: 'ja' }).chunks.length).toBeGreaterThan(
      splitForGengo(big, { lcTgt: 'fr' }).chunks.length
    );
  });

  it('splits one huge paragraph at sentence boundaries', () => {
    const huge = paragraph(1, 120);
    const { chunks, separators } = splitForGengo(huge, { lcTgt: 'de' });
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) {
      expect(c.endsWith('markers.')).toBe(true);
      expect(fitsCallback(c, { lcTgt: 'de' })).toBe(true);
    }
    expect(joinChunks(chunks, separators)).toBe(huge);
  });

  it('splits Japanese sentences after 。 with no separator', () => {
    const ja = 'これは翻訳の品質についての短い文です。'.repeat(600);
    const { chunks, separators } = splitForGengo(ja, { lcTgt: 'en' });
    expect(chunks.length).toBeGreaterThan(1);
    expect(separators.every((s) => s === '')).toBe(true);
    expect(chunks.every((c) => c.endsWith('。'))).toBe(true);
    expect(joinChunks(chunks, separators)).toBe(ja);
  });

  it('cuts text without any boundary by characters, never inside a marker', () => {
    const blob = ('x'.repeat(50) + '[[[<1/>]]]').repeat(400);
    const { chunks, separators } = splitForGengo(blob, { lcTgt: 'ja' });
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(c.replace(/\[\[\[<1\/>\]\]\]/g, '')).not.toMatch(/[[\]<>/1]/);
    expect(joinChunks(chunks, separators)).toBe(blob);
  });

  it('restores a segment whose translated chunks are joined back, pairs across chunks included', () => {
    const source = Array.from(
      { length: 30 },
      (_, i) => `Paragraph ${i} has **bold ${'words '.repeat(60)}**, and [a link](/p/${i}).`
    ).join('\n\n');
    const p = protectSegment({ kind: 'richtext', source });
    const { chunks, separators } = splitForGengo(p.text, { lcTgt: 'fr', limit: GENGO_CALLBACK_LIMIT / 4 });
    expect(chunks.length).toBeGreaterThan(2);
    const translated = chunks.map((c) => c.replace(/words/g, 'mots'));
    expect(restoreSegment(p, joinChunks(translated, separators))).toEqual({
      ok: true,
      value: source.replace(/words/g, 'mots'),
    });
  });

  it('refuses to join the wrong number of chunks', () => {
    expect(() => joinChunks(['a'], ['\n\n'])).toThrow('Expected 2 chunks, got 1');
  });
});
