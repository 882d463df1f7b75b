import { extractSegments, type Schema } from '../../../server/src/content';
import {
  buildJobPayloads,
  buildPostRequest,
  combineJobPayloads,
  filterSegments,
  jobSlug,
  orderComment,
  planSegments,
} from '../../../server/src/ordering/plan';
import { decodeCustomData } from '../../../server/src/platform/records';

const schema: Schema = {
  attributes: {
    title: { type: 'string', pluginOptions: { i18n: { localized: true } } },
    body: { type: 'richtext', pluginOptions: { i18n: { localized: true } } },
    seo: { type: 'component', component: 'shared.seo', pluginOptions: { i18n: { localized: true } } },
    views: { type: 'integer' },
  },
};
const seo: Schema = { attributes: { metaTitle: { type: 'string' }, metaDescription: { type: 'text' } } };
const getComponent = (uid: string) => (uid === 'shared.seo' ? seo : undefined);
const longParagraphs = Array.from({ length: 40 }, (_, i) =>
  `Paragraph ${i} ${'words of prose '.repeat(150)}`.trim()
).join('\n\n');
const doc = {
  title: 'Hello world',
  body: `Some **bold** text and a [link](https://example.com).\n\n${longParagraphs}`,
  seo: { metaTitle: 'Hello world', metaDescription: 'About the world' },
  views: 3,
};
const segments = extractSegments(schema, doc, getComponent);
const options = {
  reference: '1b4e28ba-2fa1-11d2-883f-0016d3cca427',
  lcSrc: 'en',
  lcTgt: 'fr',
  tier: 'standard' as const,
  typeName: 'Article',
  autoApprove: false,
};

describe('ordering plan', () => {
  it('filters segments by field or path, keeping only the matching paths', () => {
    expect(filterSegments(segments, null)).toBe(segments);
    const titles = filterSegments(segments, ['title']);
    expect(titles.map((s) => s.paths)).toEqual([['title']]); // seo.metaTitle shares the segment but is left out
    expect(filterSegments(segments, ['seo']).map((s) => s.paths)).toEqual([['seo.metaTitle'], ['seo.metaDescription']]);
    expect(filterSegments(segments, ['seo.metaDescription']).map((s) => s.paths)).toEqual([['seo.metaDescription']]);
    expect(filterSegments(segments, ['titl'])).toEqual([]);
  });

  it('protects and splits: a long segment becomes several chunks with separators kept on our side', () => {
    const plan = planSegments(segments, 'fr');
    expect(plan.fields).toEqual(['title', 'seo', 'body']);
    const body = plan.segments.find((s) => s.paths[0] === 'body')!;
    const chunks = plan.chunks.filter((c) => c.segmentKey === body.key);
    expect(chunks.length).toBeGreaterThan(1);
    expect(body.separators).toHaveLength(chunks.length - 1);
    expect(chunks.map((c) => c.chunkIndex)).toEqual(chunks.map((_, i) => i));
    expect(chunks.every((c) => c.chunkCount === chunks.length && c.sourceHash === body.sourceHash)).toBe(true);
    expect(chunks[0].text).toContain('[[[');
    expect(plan.chunks.map((c) => c.key)).toEqual(plan.chunks.map((_, i) => `job_${i + 1}`));
  });

  it('builds job payloads carrying custom_data, options and attachments', () => {
    const plan = planSegments(segments, 'fr');
    const jobs = buildJobPayloads(plan, {
      ...options,
      autoApprove: true,
      callbackUrl: 'https://cms.example.com/api/gengo/callback/t',
      usePreferred: true,
      glossaryId: 42,
      attachments: [{ url: 'https://cms.example.com/a.png', filename: 'a.png', mime_type: 'image/png' }],
    });
    const first = jobs.job_1;
    expect(first).toEqual(
      expect.objectContaining({
        type: 'text',
        slug: 'Article: title +1',
        body_src: 'Hello world',
        lc_src: 'en',
        lc_tgt: 'fr',
        tier: 'standard',
        auto_approve: 1,
        use_preferred: 1,
        glossary_id: 42,
        callback_url: 'https://cms.example.com/api/gengo/callback/t',
        position: 1,
      })
    );
    for (const [key, job] of Object.entries(jobs)) {
      const chunk = plan.chunks.find((c) => c.key === key)!;
      expect(decodeCustomData(job.custom_data)).toEqual({
        ref: options.reference,
        s: chunk.segmentKey,
        c: chunk.chunkIndex,
      });
      expect(Buffer.byteLength(job.custom_data!)).toBeLessThan(1024);
    }
    const plain = buildJobPayloads(plan, options).job_1;
    expect(plain).not.toHaveProperty('callback_url');
    expect(plain).not.toHaveProperty('glossary_id');
    expect(plain.auto_approve).toBe(0);
  });

  it('groups only two jobs or more; the comment names the type and fields', () => {
    const one = { job_1: { slug: 's', body_src: 'b', lc_src: 'en', lc_tgt: 'fr', tier: 'standard' as const } };
    expect(buildPostRequest(one, 'c', { asGroup: true, allowFork: false })).toEqual({ jobs: one, comment: 'c' });
    const two = { ...one, job_2: one.job_1 };
    expect(buildPostRequest(two, 'c', { asGroup: true, allowFork: false })).toEqual({
      jobs: two,
      comment: 'c',
      as_group: 1,
      allow_fork: 0,
    });
    expect(buildPostRequest(two, 'c', { asGroup: false, allowFork: true })).not.toHaveProperty('as_group');
    const comment = orderComment('Article', 'api::article.article', ['title', 'body'], '  Formal tone. ');
    expect(comment).toMatch(
      /^Content of a "Article" entry \(api::article\.article\) from a Strapi website\. Fields: title, body\./
    );
    expect(comment).toMatch(/\[\[\[ \]\]\]/);
    expect(comment.endsWith('\nFormal tone.')).toBe(true);
    expect(jobSlug('Article', { paths: ['sections[2].body'], chunkIndex: 1, chunkCount: 3 })).toBe(
      'Article: sections[2].body (2/3)'
    );
    expect(jobSlug('A'.repeat(200), { paths: ['x'], chunkIndex: 0, chunkCount: 1 })).toHaveLength(100);
  });

  it("several orders in one POST: keys and positions run on, each job keeps its own order's custom data and the POST's reference", () => {
    const plan = planSegments(segments, 'fr');
    const refs = [
      '0b4e28ba-2fa1-11d2-883f-0016d3cca420',
      '0b4e28ba-2fa1-11d2-883f-0016d3cca421',
      '0b4e28ba-2fa1-11d2-883f-0016d3cca422',
    ];
    const group = '9b4e28ba-2fa1-11d2-883f-0016d3cca429';
    const parts = refs.map((reference) => buildJobPayloads(plan, { ...options, reference, group }));
    const { jobs, owners } = combineJobPayloads(parts);
    const n = plan.chunks.length;
    expect(Object.keys(jobs)).toEqual(Array.from({ length: 3 * n }, (_, i) => `job_${i + 1}`));
    expect(Object.values(jobs).map((j) => j.position)).toEqual(Array.from({ length: 3 * n }, (_, i) => i + 1));
    for (const [key, job] of Object.entries(jobs)) {
      const owner = owners[key];
      const original = parts[owner.order][owner.key];
      expect({ ...job, position: original.position }).toEqual(original);
      expect(decodeCustomData(job.custom_data)).toMatchObject({ ref: refs[owner.order], g: group });
      expect(job.custom_data).toContain(group);
    }
    expect(combineJobPayloads([])).toEqual({ jobs: {}, owners: {} });
    const comment = orderComment('Article', 'api::article.article', ['title', 'summary'], 'Bulk note', 25);
    expect(comment).toMatch(
      /^Content of 25 "Article" entries \(api::article\.article\), each job one field of one entry from a Strapi website\. Fields: title, summary\./
    );
    expect(comment.endsWith('\nBulk note')).toBe(true);
  });
});
