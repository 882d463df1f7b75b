import { protectSegment, splitForGengo, type Segment } from '../content';
import type { JobPayload, PostJobsRequest, Tier } from '../gengo';
import { encodeCustomData, type OrderedSegment } from '../platform/records';
import type { MemoryOrigin } from '../../../shared/contracts/memory';

/**
 * From extracted segments to what is ordered: the segments kept (an optional field subset), their
 * protected text split into chunks (one Gengo job each), and the `POST translate/jobs` payload.
 * Pure: no Strapi, no network.
 */

/** One chunk of one segment: one Gengo job, one plugin::gengo.job row. */
export interface PlannedChunk {
  /** Payload key (`job_1`…), unique within the order. */
  key: string;
  segmentKey: string;
  chunkIndex: number;
  chunkCount: number;
  sourceHash: string;
  text: string;
  /** The paths of the segment, for the job's slug. */
  paths: string[];
}

/** A segment's approved translation taken from the memory: its chunks' texts, and where from. */
export interface ReusedText {
  chunks: string[];
  origin: MemoryOrigin;
}

export interface Plan {
  segments: OrderedSegment[];
  chunks: PlannedChunk[];
  /** Top-level fields the order covers, in document order. */
  fields: string[];
  /** Segments the translation memory stands in for (by segment key): recorded, never sent. */
  reused?: Map<string, ReusedText>;
}

/** The chunks that go to Gengo: all but the reused segments'. */
export const sentChunks = (plan: Plan): PlannedChunk[] =>
  plan.reused?.size ? plan.chunks.filter((c) => !plan.reused!.has(c.segmentKey)) : plan.chunks;

const topField = (path: string) => path.split(/[.[]/)[0];

const matchesField = (path: string, field: string) =>
  path === field || path.startsWith(`${field}.`) || path.startsWith(`${field}[`);

/** Segments under one of `fields` (a field name or a path such as `seo.metaTitle`); all when none. */
export const filterSegments = (segments: Segment[], fields?: string[] | null): Segment[] => {
  if (!fields?.length) return segments;
  const out: Segment[] = [];
  for (const segment of segments) {
    const paths = segment.paths.filter((p) => fields.some((f) => matchesField(p, f)));
    if (paths.length) out.push({ ...segment, paths });
  }
  return out;
};

/** Protects and splits each segment for one target language. */
export const planSegments = (segments: Segment[], lcTgt: string): Plan => {
  const ordered: OrderedSegment[] = [];
  const chunks: PlannedChunk[] = [];
  const fields: string[] = [];
  segments.forEach((segment, i) => {
    const key = `s${i}`;
    const protectedSegment = protectSegment(segment);
    const split = splitForGengo(protectedSegment.text, { lcTgt });
    ordered.push({
      key,
      kind: segment.kind,
      paths: segment.paths,
      sourceHash: segment.hash,
      protected: protectedSegment,
      separators: split.separators,
    });
    split.chunks.forEach((text, c) =>
      chunks.push({
        key: `job_${chunks.length + 1}`,
        segmentKey: key,
        chunkIndex: c,
        chunkCount: split.chunks.length,
        sourceHash: segment.hash,
        text,
        paths: segment.paths,
      })
    );
    for (const path of segment.paths) if (!fields.includes(topField(path))) fields.push(topField(path));
  });
  return { segments: ordered, chunks, fields };
};

export interface PayloadOptions {
  reference: string;
  /** The POST's own reference when it carries several orders (see `combineJobPayloads`). */
  group?: string;
  lcSrc: string;
  lcTgt: string;
  tier: Tier;
  /** The content type's display name, for slugs and the comment. */
  typeName: string;
  autoApprove: boolean;
  callbackUrl?: string | null;
  usePreferred?: boolean;
  glossaryId?: number | null;
  attachments?: JobPayload['attachments'];
  /** "Order again anyway": Gengo's lazy loading overridden too (its `force`), a new translation. */
  force?: boolean;
}

const SLUG_MAX = 100;

export const jobSlug = (typeName: string, chunk: Pick<PlannedChunk, 'paths' | 'chunkIndex' | 'chunkCount'>) => {
  const part = chunk.chunkCount > 1 ? ` (${chunk.chunkIndex + 1}/${chunk.chunkCount})` : '';
  const paths = chunk.paths.length > 1 ? `${chunk.paths[0]} +${chunk.paths.length - 1}` : chunk.paths[0];
  const slug = `${typeName}: ${paths}${part}`;
  return slug.length > SLUG_MAX ? `${slug.slice(0, SLUG_MAX - 1)}…` : slug;
};

/** The text jobs for one order, keyed `job_1`…, each linked to our records by custom_data. */
export const buildJobPayloads = (plan: Plan, o: PayloadOptions): Record<string, JobPayload> =>
  Object.fromEntries(
    sentChunks(plan).map((chunk) => {
      const payload: JobPayload = {
        type: 'text',
        slug: jobSlug(o.typeName, chunk),
        body_src: chunk.text,
        lc_src: o.lcSrc,
        lc_tgt: o.lcTgt,
        tier: o.tier,
        auto_approve: o.autoApprove ? 1 : 0,
        custom_data: encodeCustomData({
          ref: o.reference,
          s: chunk.segmentKey,
          c: chunk.chunkIndex,
          ...(o.group ? { g: o.group } : {}),
        }),
        position: Number(chunk.key.slice(4)),
      };
      if (o.callbackUrl) payload.callback_url = o.callbackUrl;
      if (o.usePreferred) payload.use_preferred = 1;
      if (o.glossaryId != null) payload.glossary_id = o.glossaryId;
      if (o.attachments?.length) payload.attachments = o.attachments;
      if (o.force) payload.force = 1;
      return [chunk.key, payload];
    })
  );

/**
 * The jobs of several orders in one `POST translate/jobs`: keys `job_1`… and positions run on
 * across the orders; `owners[key]` says which order (its index) and which of its own keys it was.
 */
export const combineJobPayloads = (
  orders: Array<Record<string, JobPayload>>
): { jobs: Record<string, JobPayload>; owners: Record<string, { order: number; key: string }> } => {
  const jobs: Record<string, JobPayload> = {};
  const owners: Record<string, { order: number; key: string }> = {};
  let position = 0;
  orders.forEach((payloads, order) => {
    for (const [key, payload] of Object.entries(payloads)) {
      position++;
      jobs[`job_${position}`] = { ...payload, position };
      owners[`job_${position}`] = { order, key };
    }
  });
  return { jobs, owners };
};

/**
 * The order comment: what the entry is (or, for a POST carrying several entries of one type, what
 * they are), which fields, how to treat markers, then the admin's note.
 */
export const orderComment = (
  typeName: string,
  uid: string,
  fields: string[],
  note?: string | null,
  entries = 1
): string => {
  const what =
    entries === 1
      ? `a "${typeName}" entry (${uid})`
      : `${entries} "${typeName}" entries (${uid}), each job one field of one entry`;
  const lines = [
    `Content of ${what} from a Strapi website. Fields: ${fields.join(', ')}.`,
    'Text inside [[[ ]]] is markup, code or a link target: keep it exactly as it is, in place.',
  ];
  if (note?.trim()) lines.push(note.trim());
  return lines.join('\n');
};

export interface GroupOptions {
  asGroup: boolean;
  allowFork: boolean;
}

/** Gengo refuses to group a single job: `as_group` is sent only when there are two or more. */
export const buildPostRequest = (
  jobs: Record<string, JobPayload>,
  comment: string,
  { asGroup, allowFork }: GroupOptions
): PostJobsRequest => {
  const request: PostJobsRequest = { jobs, comment };
  if (asGroup && Object.keys(jobs).length > 1) {
    request.as_group = 1;
    request.allow_fork = allowFork ? 1 : 0;
  }
  return request;
};
