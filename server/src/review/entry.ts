import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { joinChunks, readableRuns, type GetComponent, type Schema } from '../content';
import type { GengoClient } from '../gengo';
import { toJobView } from '../ordering';
import { assertMayReadOrder, type ContentAccess } from '../platform/content-permissions';
import { OUR_MARKS, type JobRecord, type OrderRecord, type OrderedSegment } from '../platform/records';
import { getService } from '../platform/services';
import { UIDS } from '../constants';
import type { ConflictInfo } from '../../../shared/contracts/orders';
import type {
  EntryReview,
  EntryReviewQuery,
  ReadableText,
  ReviewField,
  ReviewSegment,
} from '../../../shared/contracts/review';
import { distinctLabels, fieldName, type LabelOf } from './labels';

/**
 * An entry's translation into one locale as a reviewer reads it (`GET /gengo/review`): the latest
 * order's segments grouped by the field they belong to, each with its label path, its source and
 * translation shown readably (protected parts marked), the previous revision when the translator
 * revised it, the jobs and the translator's comments; the conflicts with both texts.
 */

/** The worst state of a field's jobs first: what a reviewer must know of it. */
const FIELD_STATUS_ORDER = [
  'conflict',
  'error',
  'needs_review',
  'stale',
  'reviewable',
  'revising',
  'hold',
  'pending',
  'available',
  'queued',
  'approved',
  'rejected',
  'canceled',
];

/** Gengo's status of a job, unless one of our marks (conflict, stale…) says more. */
export const jobState = (job: Pick<JobRecord, 'status' | 'gengoStatus'>): string =>
  OUR_MARKS.has(job.status) ? job.status : (job.gengoStatus ?? '').replace('cancelled', 'canceled') || job.status;

export const fieldStatus = (jobs: Array<Pick<JobRecord, 'status' | 'gengoStatus'>>): string => {
  const states = new Set(jobs.map(jobState));
  return FIELD_STATUS_ORDER.find((s) => states.has(s)) ?? [...states][0] ?? 'queued';
};

const readable = (segment: OrderedSegment, text: string): ReadableText => {
  const runs = readableRuns(segment.protected.parts, text);
  return runs
    ? { runs }
    : { runs: [{ text }], warning: 'A protected part was altered: the translation is shown as Gengo sent it' };
};

/** The segment's text from its chunks (null while a chunk has none). */
const joined = (segment: OrderedSegment, bodies: Array<string | null>): string | null => {
  if (bodies.some((b) => typeof b !== 'string')) return null;
  try {
    return joinChunks(bodies as string[], segment.separators ?? []);
  } catch {
    return null;
  }
};

/** The content manager's configured labels of a type and the components under it. */
const loadLabels = async (strapi: Core.Strapi, uid: string): Promise<LabelOf> => {
  const cm = strapi.plugin('content-manager');
  const labels = new Map<string, Record<string, any>>();
  const visit = async (modelUid: string, isComponent: boolean) => {
    if (labels.has(modelUid)) return;
    const model: any = isComponent
      ? strapi.components[modelUid as keyof typeof strapi.components]
      : strapi.getModel(modelUid as any);
    if (!model) return;
    const config = await cm
      .service(isComponent ? 'components' : 'content-types')
      .findConfiguration({ uid: modelUid })
      .catch(() => null);
    labels.set(modelUid, config?.metadatas ?? {});
    for (const a of Object.values<any>(model.attributes ?? {})) {
      if (a.type === 'component') await visit(a.component, true);
      if (a.type === 'dynamiczone') for (const c of a.components ?? []) await visit(c, true);
    }
  };
  await visit(uid, false);
  return (modelUid, attribute) => {
    const label = labels.get(modelUid)?.[attribute]?.edit?.label;
    return typeof label === 'string' && label.trim() ? label : null;
  };
};

/**
 * Each segment path's field label as the review view shows it ("Sections › Hero › Title", made
 * distinct like the view's fields): what a conflict on that path is named by, wherever it shows.
 */
const labelsByPath = (
  order: OrderRecord,
  model: Schema,
  getComponent: GetComponent,
  labelOf: LabelOf
): Map<string, string> => {
  const fields = new Map<string, { label: string[]; paths: string[] }>();
  for (const segment of order.segments ?? []) {
    const name = fieldName(segment.paths[0] ?? segment.key, model, getComponent, labelOf, order.layout);
    const field = fields.get(name.key) ?? { label: name.label, paths: [] };
    field.paths.push(...segment.paths);
    fields.set(name.key, field);
  }
  return new Map(distinctLabels([...fields.values()]).flatMap((f) => f.paths.map((p) => [p, f.label.join(' › ')])));
};

/** The conflicts with their field's label (null for a path no segment has). */
const labelled = (conflicts: ConflictInfo[], labels: Map<string, string>): ConflictInfo[] =>
  conflicts.map((c) => ({ ...c, label: labels.get(c.path) ?? null }));

/**
 * Per job, the translation before its last revision (Gengo keeps them); failures leave it out.
 * Asked only for jobs the plugin saw being revised (their history): two Gengo calls per job on
 * every view of an entry would spend the request budget (pacing.ts) for nothing.
 */
const previousBodies = async (gengo: GengoClient | null, rows: JobRecord[]): Promise<Map<number, string>> => {
  const out = new Map<number, string>();
  if (!gengo) return out;
  const revised = rows.filter(
    (r) => r.gengoJobId && jobState(r) === 'reviewable' && (r.history ?? []).some((h) => h.status === 'revising')
  );
  await Promise.all(
    revised.map(async (r) => {
      try {
        const list = (await gengo.listJobRevisions(r.gengoJobId!)).revisions ?? [];
        if (list.length < 2) return;
        const sorted = [...list].sort(
          (a, b) => Number(a.ctime) - Number(b.ctime) || Number(a.rev_id) - Number(b.rev_id)
        );
        const { revision } = await gengo.getJobRevision(r.gengoJobId!, sorted[sorted.length - 2].rev_id);
        if (typeof revision?.body_tgt === 'string') out.set(r.id, revision.body_tgt);
      } catch {
        // Gengo down or slow: the review still shows the current translation.
      }
    })
  );
  return out;
};

export const createEntryReview = (strapi: Core.Strapi) => {
  const store = () => getService(strapi, 'ordering').store;

  /** The locale's latest order of the entry: 404 when none, 403 unless both locales are readable. */
  const latestOrder = async (q: EntryReviewQuery, access: ContentAccess): Promise<OrderRecord> => {
    const model: any = strapi.getModel(q.contentType as any);
    if (!model || !q.contentType.startsWith('api::') || !model.pluginOptions?.i18n?.localized)
      throw new errors.ValidationError(`"${q.contentType}" is not a localized content type`);
    const locales = (await strapi.plugin('i18n').service('locales').find()) as Array<{ code: string }>;
    if (!locales.some((l) => l.code === q.locale))
      throw new errors.ValidationError(`"${q.locale}" is not a locale of this site`);
    access.assertReadsType(q.contentType);
    const order = (await store().ordersOfDocument(q.contentType, q.documentId)).find(
      (o) => o.targetLocale === q.locale
    );
    if (!order) throw new errors.NotFoundError(`This entry has no translation into "${q.locale}" ordered from Gengo`);
    await assertMayReadOrder(access, order);
    return order;
  };

  return {
    latestOrder,

    /**
     * An order's conflicts named by their field's label, as the review view names them: the side
     * panel's and the orders page's answers. The labels are read only when there is a conflict.
     */
    async labelledConflicts(order: OrderRecord, conflicts: ConflictInfo[]): Promise<ConflictInfo[]> {
      if (conflicts.length === 0) return conflicts;
      const model = strapi.getModel(order.contentType as any) as unknown as Schema;
      const getComponent: GetComponent = (uid) => strapi.components[uid as keyof typeof strapi.components] as any;
      return labelled(conflicts, labelsByPath(order, model, getComponent, await loadLabels(strapi, order.contentType)));
    },

    /** The field of each of an order's segments (what field actions name). */
    async fieldsOf(order: OrderRecord): Promise<Map<string, string>> {
      const model = strapi.getModel(order.contentType as any) as unknown as Schema;
      const getComponent: GetComponent = (uid) => strapi.components[uid as keyof typeof strapi.components] as any;
      const keyOf = new Map<string, string>();
      for (const s of order.segments ?? [])
        keyOf.set(s.key, fieldName(s.paths[0] ?? s.key, model, getComponent, () => null, order.layout).key);
      return keyOf;
    },

    async get(q: EntryReviewQuery, access: ContentAccess): Promise<EntryReview> {
      const order = await latestOrder(q, access);
      const model = strapi.getModel(order.contentType as any) as unknown as Schema;
      const getComponent: GetComponent = (uid) => strapi.components[uid as keyof typeof strapi.components] as any;
      const labelOf = await loadLabels(strapi, order.contentType);
      const rows = await store().jobsOf([order.id]);
      const revisedBefore = rows.some((r) => (r.history ?? []).some((h) => h.status === 'revising'));
      const gengo = revisedBefore
        ? await getService(strapi, 'settings')
            .client()
            .catch(() => null)
        : null;
      const [previous, comments, conflicts] = await Promise.all([
        previousBodies(gengo, rows),
        strapi.db.query(UIDS.comment).findMany({
          where: { gengoJobId: { $in: rows.map((r) => r.gengoJobId).filter(Boolean) } },
          orderBy: [{ ctime: 'asc' }, { id: 'asc' }],
        }),
        getService(strapi, 'receiving').conflicts(order),
      ]);

      const fields = new Map<string, ReviewField>();
      for (const segment of order.segments ?? []) {
        const name = fieldName(segment.paths[0] ?? segment.key, model, getComponent, labelOf, order.layout);
        const chunks = rows.filter((r) => r.segmentKey === segment.key).sort((a, b) => a.chunkIndex - b.chunkIndex);
        const expected = (segment.separators?.length ?? 0) + 1;
        const bodies = Array.from(
          { length: expected },
          (_, i) => chunks.find((c) => c.chunkIndex === i)?.bodyTgt ?? null
        );
        const current = joined(segment, bodies);
        const before = chunks.some((c) => previous.has(c.id))
          ? joined(
              segment,
              bodies.map((b, i) => previous.get(chunks.find((c) => c.chunkIndex === i)?.id ?? -1) ?? b)
            )
          : null;
        const item: ReviewSegment = {
          key: segment.key,
          kind: segment.kind,
          paths: segment.paths,
          source: readable(segment, segment.protected.text),
          translation: current === null ? null : readable(segment, current),
          previous: before === null ? null : readable(segment, before),
          jobIds: chunks.map((c) => c.id),
        };
        const field = fields.get(name.key) ?? {
          key: name.key,
          label: name.label,
          segments: [],
          jobs: [],
          status: 'queued',
          units: 0,
          comments: [],
        };
        field.segments.push(item);
        field.jobs.push(...chunks.map(toJobView));
        fields.set(name.key, field);
      }
      const byGengoId = new Map(rows.filter((r) => r.gengoJobId).map((r) => [r.gengoJobId!, r.id]));
      const list = [...fields.values()].map((f) => {
        const ids = new Set(f.jobs.map((j) => j.id));
        return {
          ...f,
          status: fieldStatus(f.jobs),
          units: f.jobs.reduce((sum, j) => sum + (j.unitCount ?? 0), 0),
          comments: (comments as any[])
            .filter((c) => ids.has(byGengoId.get(c.gengoJobId) ?? -1))
            .map((c) => ({
              body: c.body,
              author: c.author,
              ctime: Number(c.ctime),
              jobId: byGengoId.get(c.gengoJobId)!,
            })),
        };
      });
      const jobs = list.flatMap((f) => f.jobs);
      const due = jobs
        .map((j) => j.autoApproveAt)
        .filter((d): d is string => Boolean(d))
        .sort();
      return {
        contentType: order.contentType,
        documentId: order.targetDocumentId,
        locale: order.targetLocale,
        sourceLocale: order.sourceLocale,
        order: {
          id: order.id,
          status: order.status,
          tier: order.tier,
          createdAt: order.createdAt,
          autoApproveAt: due[0] ?? null,
        },
        fields: distinctLabels(list),
        conflicts: labelled(conflicts, labelsByPath(order, model, getComponent, labelOf)),
      };
    },
  };
};

export type EntryReviewService = ReturnType<typeof createEntryReview>;
