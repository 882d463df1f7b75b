import { buildTargetData, emptyRelations, sourceRelations, type Doc } from '../../../server/src/content';
import { enPage, getComponent, pageSchema } from './fixtures';
import { applyUpdate, createIds } from './strapi-update';

/**
 * Issue 18, item 4: an existing target's empty relations are linked to what the source links (as
 * the caller's `keepRelation` allows); relations the target holds are never touched.
 */

const source = enPage();

/** The fr version as Strapi stores it after a first translation whose relations could not be linked. */
const frWithoutRelations = (): Doc => {
  const { data } = buildTargetData({
    schema: pageSchema,
    getComponent,
    source,
    translations: {},
    keepRelation: () => false,
  });
  return applyUpdate(pageSchema, getComponent, { id: 12, documentId: 'page1', locale: 'fr' }, data, createIds(500));
};

describe('relations between a source and its target', () => {
  it('lists what the source links, with paths, in root fields and zone entries (system relations left out)', () => {
    expect(
      sourceRelations(pageSchema, source, getComponent).map((r) => [r.path, r.attribute.target, r.documentIds])
    ).toEqual(
      expect.arrayContaining([
        ['sections[3].author', 'api::author.author', ['auth1']],
        ['category', 'api::category.category', ['cat1']],
      ])
    );
    expect(sourceRelations(pageSchema, source, getComponent)).toHaveLength(2);
  });

  it('an empty target relation is a place to link; one a person set is not', () => {
    const target = frWithoutRelations();
    expect(target.category ?? null).toBeNull();
    expect(emptyRelations({ schema: pageSchema, getComponent, source, target }).map((r) => r.targetPath)).toEqual(
      expect.arrayContaining(['sections[3].author', 'category'])
    );
    const withPersons = { ...target, category: { id: 9, documentId: 'cat-mine' } };
    expect(
      emptyRelations({ schema: pageSchema, getComponent, source, target: withPersons }).map((r) => r.targetPath)
    ).toEqual(['sections[3].author']);
  });

  it('follows a zone entry a person moved down by inserting one before it', () => {
    const target = frWithoutRelations();
    const sections = target.sections as Doc[];
    target.sections = [{ id: 999, __component: 'sections.rich', body: [], columns: 1, theme: 'light' }, ...sections];
    const found = emptyRelations({ schema: pageSchema, getComponent, source, target });
    expect(found.find((r) => r.path === 'sections[3].author')?.targetPath).toBe('sections[4].author');
  });

  it('buildTargetData with fillEmptyRelations links the kept ones in the target’s structure, the rest left out', () => {
    const target = frWithoutRelations();
    const asked: string[] = [];
    const { data } = buildTargetData({
      schema: pageSchema,
      getComponent,
      source,
      existingTarget: target,
      translations: {},
      fillEmptyRelations: true,
      keepRelation: ({ path, documentId }) => {
        asked.push(`${path}:${documentId}`);
        return documentId === 'auth1';
      },
    });
    expect(asked.sort()).toEqual(['category:cat1', 'sections[3].author:auth1']);
    expect(data.category).toBeUndefined();
    const after = applyUpdate(pageSchema, getComponent, target, data, createIds(900));
    expect((after.sections as Doc[])[3].author).toEqual({ documentId: 'auth1' });
    // Everything else of the target as it was: the same zone entries, by id.
    expect((after.sections as Doc[]).map((s) => s.id)).toEqual((target.sections as Doc[]).map((s) => s.id));
    expect(after.title).toBe(target.title);
  });

  it('without fillEmptyRelations an existing target’s relations are not written', () => {
    const target = frWithoutRelations();
    const { data } = buildTargetData({
      schema: pageSchema,
      getComponent,
      source,
      existingTarget: target,
      translations: {},
      keepRelation: () => true,
    });
    expect(data).toEqual({});
  });
});
