import { matchHits } from '../../../server/src/memory/reuse';
import { memoryKeyOf, type MemoryRecord } from '../../../server/src/memory/store';
import { validateMemoryClear, validateMemoryList } from '../../../server/src/controllers/validation/memory';

/** Which remembered translations stand in for a plan's segments, and the memory routes' input. */
const row = (over: Partial<MemoryRecord>): MemoryRecord => ({
  id: 1,
  memoryKey: memoryKeyOf('en', 'fr', 'Hello [[[1]]]world'),
  lcSrc: 'en',
  lcTgt: 'fr',
  sourceHash: 'x',
  chunks: ['Bonjour [[[1]]]monde'],
  units: 2,
  credits: 0.12,
  tier: 'standard',
  contentType: 'api::article.article',
  entryDocumentId: 'doc1',
  paths: ['title'],
  orderId: 7,
  gengoJobIds: ['100'],
  approvedAt: '2026-12-01T00:00:00.000Z',
  ...over,
});

describe('matchHits', () => {
  const key = memoryKeyOf('en', 'fr', 'Hello [[[1]]]world');
  const seg = { key: 's0', memoryKey: key, chunkCount: 1 };

  it('reuses the same protected text of the same pair, with its origin', () => {
    const hits = matchHits([seg], 'standard', new Map([[key, row({})]]));
    expect(hits.get('s0')).toEqual({
      chunks: ['Bonjour [[[1]]]monde'],
      origin: expect.objectContaining({ memoryId: 1, orderId: 7, documentId: 'doc1', paths: ['title'], units: 2 }),
    });
  });

  it('keys differ by pair and by text (markers included)', () => {
    expect(memoryKeyOf('en', 'de', 'Hello [[[1]]]world')).not.toBe(key);
    expect(memoryKeyOf('en', 'fr', 'Hello world')).not.toBe(key);
  });

  it('a standard translation does not stand in for a pro order; a pro one does for standard', () => {
    expect(matchHits([seg], 'pro', new Map([[key, row({})]])).size).toBe(0);
    expect(matchHits([seg], 'standard', new Map([[key, row({ tier: 'pro' })]])).size).toBe(1);
  });

  it('another split (chunk count) or a damaged row is not reused', () => {
    expect(matchHits([{ ...seg, chunkCount: 2 }], 'standard', new Map([[key, row({})]])).size).toBe(0);
    expect(matchHits([seg], 'standard', new Map([[key, row({ chunks: [null as any] })]])).size).toBe(0);
    expect(matchHits([seg], 'standard', new Map()).size).toBe(0);
  });
});

describe('memory routes input', () => {
  it('clearing needs both languages, as language codes', async () => {
    await expect(validateMemoryClear({ sourceLang: 'en', targetLang: 'fr' })).resolves.toEqual({
      sourceLang: 'en',
      targetLang: 'fr',
    });
    await expect(validateMemoryClear({ sourceLang: 'en' })).rejects.toThrow(/targetLang/);
    await expect(validateMemoryClear({ sourceLang: 'en', targetLang: "fr' or 1=1" })).rejects.toThrow();
    await expect(validateMemoryList({})).resolves.toEqual({});
    await expect(validateMemoryList({ colour: 'red' })).rejects.toThrow(/unknown/);
    await expect(validateMemoryList({ sourceLang: ['en', 'fr'] })).rejects.toThrow();
    await expect(validateMemoryList({ targetLang: 'zh-tw' })).resolves.toEqual({ targetLang: 'zh-tw' });
  });
});
