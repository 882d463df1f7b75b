import type { Core } from '@strapi/strapi';
import {
  leafAt,
  locateLeaf,
  ownerOf,
  recordLayout,
  valueHash,
  getAt,
  parsePath,
  type Doc,
  type GetComponent,
  type Schema,
  type TargetLayout,
} from '../content';
import { buildDeepPopulate } from '../platform/populate';
import type { BaselineEntry } from '../platform/records';
import { writtenHashesOf } from '../platform/written';

/**
 * What the target locale holds when ordering, kept with the order: where each translated leaf
 * will go (`layout`), and per path what is there now and whose it is (`baseline`). The quote lists
 * the paths holding a person's text; an order with `replaceExisting` may write over exactly that
 * text (delivery compares the hash), any other person's text is a conflict.
 */
export interface TargetState {
  layout: TargetLayout | null;
  baseline: Record<string, BaselineEntry>;
  /** Paths whose target holds a person's text now. */
  personText: string[];
}

export const createTargetState = (strapi: Core.Strapi) => {
  const getComponent: GetComponent = (uid) => strapi.getModel(uid as any) as unknown as Schema | undefined;

  return async (input: {
    uid: string;
    documentId: string;
    locale: string;
    source: Doc;
    paths: string[];
  }): Promise<TargetState> => {
    const schema = strapi.getModel(input.uid as any) as unknown as Schema;
    const target = (await strapi.documents(input.uid as any).findOne({
      documentId: input.documentId,
      locale: input.locale,
      status: 'draft',
      populate: buildDeepPopulate(schema, getComponent) as any,
    })) as Doc | null;
    const layout = recordLayout({ schema, getComponent, source: input.source, target, paths: input.paths });
    if (!target) return { layout, baseline: {}, personText: [] };
    const written = await writtenHashesOf(strapi, {
      contentType: input.uid,
      targetDocumentId: input.documentId,
      targetLocale: input.locale,
    });
    const baseline: Record<string, BaselineEntry> = {};
    for (const path of input.paths) {
      const where = locateLeaf({ schema, getComponent, source: input.source, target, path, layout });
      if (where.ok === false || where.createAt !== undefined) continue;
      const owner = ownerOf(
        where.current,
        leafAt(schema, getComponent, input.source, path),
        [written[where.targetPath], written[path]],
        getAt(target, parsePath(where.targetPath))
      );
      baseline[path] = { targetPath: where.targetPath, hash: valueHash(where.current), owner };
    }
    return {
      layout,
      baseline,
      personText: Object.entries(baseline)
        .filter(([, b]) => b.owner === 'person')
        .map(([p]) => p),
    };
  };
};

export type TargetStateOf = ReturnType<typeof createTargetState>;
