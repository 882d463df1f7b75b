import type { Core } from '@strapi/strapi';
import {
  buildTargetData,
  getAt,
  leafAt,
  locateLeaf,
  parsePath,
  recordLayout,
  valueHash,
  type Doc,
  type GetComponent,
  type LeafConflict,
  type LeafWrite,
  type Schema,
  type Translations,
} from '../content';
import type { PathFacts } from './segment-state';
import { createRelations } from './relations';
import type { OrderRecord } from '../platform/records';
import { asPluginWrite } from '../platform/plugin-writes';
import { createCompletion } from './completion';
import { createUidReads, type UidReads } from './uid-reads';
import { createVersions, type VersionReads } from './versions';

export type { UidReads, PlannedWrite } from './uid-reads';
export type { VersionReads } from './versions';

/**
 * The entry side of applying: reads the source and target locale versions (fully populated,
 * versions.ts), writes the merged target draft through the Document Service, and after a write,
 * completes the order and (per-site option) publishes the target (completion.ts).
 */
export const createTargetIo = (strapi: Core.Strapi) => {
  const getComponent: GetComponent = (uid) => strapi.getModel(uid as any) as unknown as Schema | undefined;
  const schema = (order: OrderRecord) => strapi.getModel(order.contentType as any) as unknown as Schema;
  const docs = (order: OrderRecord) => strapi.documents(order.contentType as any);
  const versions = createVersions(strapi, { schema, getComponent });
  const uidReads = createUidReads(strapi, schema);

  const relations = createRelations(strapi, { schema, getComponent });

  const schemaHashes = new Map<string, string>();

  return {
    schema,
    getComponent,
    versionKey: versions.versionKey,
    readVersions: versions.readVersions,
    readUids: uidReads.readUids,
    ...createCompletion(strapi),

    /** Types without draft & publish: what is written is live (so only approved text is). */
    hasDrafts: (order: OrderRecord) => (schema(order) as any)?.options?.draftAndPublish === true,

    /**
     * The content type and its components as a hash: a write Strapi refused is tried again once
     * its translation or this changes (a changed `maxLength`).
     */
    schemaHash(order: OrderRecord): string {
      let hash = schemaHashes.get(order.contentType);
      if (!hash) {
        const components = Object.fromEntries(
          Object.entries(strapi.components ?? {}).map(([uid, c]: [string, any]) => [uid, c.attributes])
        );
        hash = valueHash({ type: schema(order).attributes, components });
        schemaHashes.set(order.contentType, hash);
      }
      return hash;
    },

    /**
     * Each path located in the target as it is now (per the order's layout; without one, the
     * layout of the two versions now), with the source's value there: the facts `checkPaths` decides on.
     */
    facts(order: OrderRecord, source: Doc, target: Doc | null, paths: string[], acceptMoved = false): PathFacts[] {
      const s = schema(order);
      const layout =
        (order.layout as any) ?? (target ? recordLayout({ schema: s, getComponent, source, target, paths }) : null);
      return paths.map((path) => {
        const sourceValue = leafAt(s, getComponent, source, path);
        if (!target || !layout) return { path, sourceValue };
        const located = locateLeaf({ schema: s, getComponent, source, target, path, layout, acceptMoved });
        const raw =
          located.ok && located.createAt === undefined ? getAt(target, parsePath(located.targetPath)) : undefined;
        return { path, located, sourceValue, raw };
      });
    },

    /** Target path → hash of the leaf now in `doc` (what the plugin wrote there), for the written leaves given. */
    leafHashes(order: OrderRecord, doc: Doc | null, leaves: LeafWrite[]): Record<string, string> | null {
      const out: Record<string, string> = {};
      for (const w of leaves) {
        const value = leafAt(schema(order), getComponent, doc, w.targetPath);
        if (value === undefined) return null;
        out[w.targetPath] = valueHash(value);
      }
      return out;
    },

    /** The target draft as stored now (after a write whose data does not hold every leaf). */
    readTarget: (order: OrderRecord) => versions.find(order, order.targetLocale),

    async load(order: OrderRecord, reads?: VersionReads): Promise<{ source: Doc | null; target: Doc | null }> {
      const source = await versions.version(order, order.sourceLocale, reads);
      const target = await versions.version(order, order.targetLocale, reads);
      return { source, target };
    },

    /**
     * Merges and writes the target draft, leaves into the target's own structure (per the order's
     * layout). Returns the data sent, the leaves it set, and the leaves that could not be placed
     * (conflicts, not written). A refused write (Strapi's validation) throws before anything is
     * stored: Strapi validates the whole entry before its first statement.
     */
    async write(
      order: OrderRecord,
      source: Doc,
      target: Doc | null,
      translations: Translations,
      reads?: { versions: VersionReads; uids: UidReads },
      acceptMoved = false
    ): Promise<{ data: Doc; written: LeafWrite[]; conflicts: LeafConflict[] }> {
      const relationPlan = await relations.plan(order, source);
      const { data, skipped, written, conflicts } = buildTargetData({
        schema: schema(order),
        getComponent,
        source,
        existingTarget: target,
        translations,
        layout: (order.layout as any) ?? null,
        acceptMoved,
        takenUids: await uidReads.takenUids({ order, source, target, translations }, reads?.uids),
        keepRelation: relationPlan.keep,
        fillEmptyRelations: true,
      });
      if (skipped.length)
        strapi.log.warn(
          `[gengo] order ${order.id}: skipped ${skipped.map((s) => `${s.path} (${s.reason})`).join(', ')}`
        );
      await asPluginWrite(() =>
        docs(order).update({ documentId: order.targetDocumentId, locale: order.targetLocale, data } as any)
      );
      await relationPlan.record();
      reads?.versions.delete(versions.versionKey(order.contentType, order.targetDocumentId, order.targetLocale));
      uidReads.noteWritten(order, data, reads?.uids);
      return { data, written, conflicts };
    },
  };
};

export type TargetIo = ReturnType<typeof createTargetIo>;
