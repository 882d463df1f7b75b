import { extractSegments, type Schema } from '../../../server/src/content';
import crypto from 'node:crypto';
import {
  editedPaths,
  hasAllPaths,
  hashPaths,
  isStale,
  lastWrittenHashes,
  revisionHash,
  segmentReadiness,
  valueHash,
} from '../../../server/src/receiving/segment-state';
import { parseCallbackBody } from '../../../server/src/receiving/callback-body';
import { needsPoll } from '../../../server/src/receiving/reconcile';

const chunk = (chunkIndex: number, gengoStatus: string | null, bodyTgt: string | null) => ({
  chunkIndex,
  gengoStatus,
  bodyTgt,
});

describe('segmentReadiness', () => {
  it.each([
    ['no rows', [], 1, false],
    ['one chunk pending', [chunk(0, 'pending', null)], 1, false],
    ['reviewable without text', [chunk(0, 'reviewable', null)], 1, false],
    ['a chunk missing', [chunk(0, 'reviewable', 'a')], 2, false],
    ['one of two reviewable', [chunk(0, 'reviewable', 'a'), chunk(1, 'available', null)], 2, false],
    ['all reviewable', [chunk(1, 'reviewable', 'b'), chunk(0, 'reviewable', 'a')], 2, true],
    ['mixed reviewable/approved', [chunk(0, 'approved', 'a'), chunk(1, 'reviewable', 'b')], 2, true],
  ])('%s', (_name, rows, chunks, ready) => {
    const r = segmentReadiness({ separators: Array(chunks - 1).fill(' ') }, rows as any);
    expect(r.ready).toBe(ready);
  });

  it('orders chunks, and the status is approved only when every chunk is', () => {
    const r = segmentReadiness({ separators: [' '] }, [chunk(1, 'approved', 'b'), chunk(0, 'reviewable', 'a')]);
    expect(r).toMatchObject({ ready: true, chunks: ['a', 'b'], status: 'reviewable' });
    const a = segmentReadiness({ separators: [' '] }, [chunk(1, 'approved', 'b'), chunk(0, 'approved', 'a')]);
    expect(a).toMatchObject({ status: 'approved' });
    // Same text approved: another revision (the mark changes from review to final).
    expect((a as any).revision).not.toBe((r as any).revision);
    expect((a as any).revision).toBe(revisionHash(['a', 'b'], 'approved'));
  });
});

describe('conflicts', () => {
  const target = { title: 'Bonjour', content: [{ type: 'paragraph', children: [{ type: 'text', text: 'x' }] }] };
  it('a path is edited when its value differs from what was last written there', () => {
    const written = hashPaths(target, ['title', 'content[0]']);
    expect(editedPaths(target, ['title', 'content[0]'], written)).toEqual([]);
    expect(editedPaths({ ...target, title: 'Salut' }, ['title', 'content[0]'], written)).toEqual(['title']);
    expect(editedPaths({ ...target, title: 'Salut' }, ['title'], {})).toEqual([]);
    expect(editedPaths(null, ['title'], written)).toEqual(['title']);
  });
  it('key order does not count (jsonb answers keys in its own order), a value does', () => {
    const block = { type: 'paragraph', children: [{ type: 'text', text: 'x', bold: true }] };
    const reordered = { children: [{ bold: true, text: 'x', type: 'text' }], type: 'paragraph' };
    expect(valueHash(reordered)).toBe(valueHash(block));
    expect(valueHash({ ...reordered, type: 'heading' })).not.toBe(valueHash(block));
    const written = hashPaths({ content: [block] }, ['content[0]']);
    expect(editedPaths({ content: [reordered] }, ['content[0]'], written)).toEqual([]);
  });
  it('a hash stored by an earlier version (key order kept) is still recognised', () => {
    const block = { type: 'paragraph', children: [{ type: 'text', text: 'x' }] };
    const legacy = { 'content[0]': crypto.createHash('sha256').update(JSON.stringify(block)).digest('hex') };
    expect(editedPaths({ content: [block] }, ['content[0]'], legacy)).toEqual([]);
    expect(editedPaths({ content: [{ ...block, type: 'quote' }] }, ['content[0]'], legacy)).toEqual(['content[0]']);
  });
  it('the data sent holds a path or not', () => {
    expect(hasAllPaths({ title: 'a', seo: { meta: 'b' } }, ['title', 'seo.meta'])).toBe(true);
    expect(hasAllPaths({ title: 'a' }, ['title', 'seo.meta'])).toBe(false);
  });
  it('the last write of a path wins', () => {
    expect(lastWrittenHashes([{ a: '1', b: '1' }, null, { a: '2' }])).toEqual({ a: '2', b: '1' });
    expect(valueHash(undefined)).toBe(valueHash(null));
  });
});

describe('isStale', () => {
  const schema: Schema = {
    attributes: {
      title: { type: 'string', pluginOptions: { i18n: { localized: true } } },
      sub: { type: 'string', pluginOptions: { i18n: { localized: true } } },
    },
  };
  const none = () => undefined;
  const [segment] = extractSegments(schema, { title: 'Hello world' }, none);
  it('fresh while every path still holds the ordered text', () => {
    expect(
      isStale({ paths: segment.paths, sourceHash: segment.hash }, schema, { title: 'Hello world', sub: 'Other' }, none)
    ).toBe(false);
  });
  it('stale when the text changed or moved', () => {
    expect(isStale({ paths: segment.paths, sourceHash: segment.hash }, schema, { title: 'Hello there' }, none)).toBe(
      true
    );
    expect(isStale({ paths: segment.paths, sourceHash: segment.hash }, schema, { sub: 'Hello world' }, none)).toBe(
      true
    );
  });
});

describe('parseCallbackBody', () => {
  it('takes the job id of a job or comment field', () => {
    expect(parseCallbackBody({ job: '{"job_id":"123","body_tgt":"x"}' })).toEqual({ kind: 'job', jobId: '123' });
    expect(parseCallbackBody({ comment: '{"job_id":77}' })).toEqual({ kind: 'comment', jobId: '77' });
  });
  it.each([
    [undefined],
    [{}],
    [{ job: '{' }],
    [{ job: '{"job_id":"1 2"}' }],
    [{ job: '{"job_id":-1}' }],
    [{ job: 'null' }],
    [{ job: ['a'] }],
  ])('refuses %j with a 400', (body) => {
    expect(() => parseCallbackBody(body)).toThrow(expect.objectContaining({ name: 'ValidationError' }));
  });
});

describe('needsPoll', () => {
  const row = (over: Record<string, unknown>) =>
    ({ gengoJobId: '1', gengoStatus: 'pending', appliedStatus: null, status: 'pending', ...over }) as any;
  it.each([
    [{ gengoJobId: null }, true],
    [{ gengoStatus: 'reviewable' }, true],
    [{ gengoStatus: 'approved', appliedStatus: 'reviewable', status: 'reviewable' }, true],
    [{ gengoStatus: 'approved', appliedStatus: 'approved', status: 'approved' }, false],
    [{ gengoStatus: 'approved', appliedStatus: 'reviewable', status: 'conflict' }, false],
    [{ gengoStatus: 'canceled', status: 'canceled' }, false],
  ])('%j → %s', (over, expected) => expect(needsPoll(row(over))).toBe(expected));
});
