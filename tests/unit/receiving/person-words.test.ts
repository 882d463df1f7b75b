import { isBlank, ownerOf, valueHash } from '../../../server/src/content';
import { checkPaths, type PathFacts } from '../../../server/src/receiving/segment-state';

const at = (path: string, current: unknown, extra: Partial<PathFacts> = {}): PathFacts => ({
  path,
  located: { ok: true, path, targetPath: path, current },
  sourceValue: 'Hello',
  ...extra,
});

describe('whose text a target leaf holds', () => {
  it('blank, the source’s copy, the plugin’s (by its hash, also a text block hashed whole), a person’s', () => {
    expect(isBlank('  ')).toBe(true);
    expect(
      isBlank([
        { type: 'text', text: '' },
        { type: 'link', url: 'x', children: [{ type: 'text', text: ' ' }] },
      ])
    ).toBe(true);
    expect(isBlank([{ type: 'text', text: 'a' }])).toBe(false);
    expect(ownerOf('', 'Hello', [])).toBe('none');
    expect(ownerOf('Hello', 'Hello', [])).toBe('source');
    expect(ownerOf('Bonjour', 'Hello', [valueHash('Bonjour')])).toBe('plugin');
    const children = [{ type: 'text', text: 'Salut' }];
    const block = { type: 'paragraph', children };
    expect(ownerOf(children, 'Hello', [valueHash(block)], block)).toBe('plugin');
    expect(ownerOf('Mon texte', 'Hello', [valueHash('Bonjour')])).toBe('person');
  });
});

describe('checkPaths: a person’s words are final', () => {
  const written = { title: valueHash('[fr] Hello') };

  it('writes over blank, the source’s copy and the plugin’s own text; not over a person’s', () => {
    const v = checkPaths([at('a', ''), at('b', 'Hello'), at('title', '[fr] Hello'), at('c', 'Mon texte')], { written });
    expect(v.map((x) => x.verdict)).toEqual(['write', 'write', 'write', 'conflict']);
    expect((v[3] as any).reason).toMatch(/while the translation was at Gengo/);
  });

  it('tells why: there before the order, edited since the plugin wrote it', () => {
    const baseline = { c: { targetPath: 'c', hash: valueHash('Mon texte'), owner: 'person' as const } };
    expect((checkPaths([at('c', 'Mon texte')], { written, baseline })[0] as any).reason).toMatch(/before the order/);
    expect((checkPaths([at('title', 'Corrigé')], { written })[0] as any).reason).toMatch(/edited by a person since/);
  });

  it('replaceExisting replaces exactly the text seen when ordering', () => {
    const baseline = { c: { targetPath: 'c', hash: valueHash('Mon texte'), owner: 'person' as const } };
    expect(checkPaths([at('c', 'Mon texte')], { written, baseline, replaceExisting: true })[0].verdict).toBe('write');
    expect(checkPaths([at('c', 'Changé depuis')], { written, baseline, replaceExisting: true })[0].verdict).toBe(
      'conflict'
    );
  });

  it('a reviewer’s keep / take; force; a leaf whose place is lost stays a conflict unless moved and taken', () => {
    const resolutions = {
      c: { choice: 'keep' as const, at: '', by: null },
      d: { choice: 'take' as const, at: '', by: null },
    };
    const v = checkPaths([at('c', 'Mon texte'), at('d', 'Le mien')], { written, resolutions });
    expect(v.map((x) => x.verdict)).toEqual(['keep', 'write']);
    const moved: PathFacts = {
      path: 'd',
      sourceValue: 'x',
      located: { ok: false, path: 'd', code: 'moved', reason: 'moved by a person' },
    };
    const removed: PathFacts = {
      path: 'e',
      sourceValue: 'x',
      located: { ok: false, path: 'e', code: 'removed', reason: 'removed' },
    };
    expect(checkPaths([moved, removed], { written }).map((x) => x.verdict)).toEqual(['conflict', 'conflict']);
    expect(checkPaths([moved, removed], { written, resolutions }).map((x) => x.verdict)).toEqual(['write', 'conflict']);
    expect(checkPaths([at('c', 'Mon texte')], { written, force: true })[0].verdict).toBe('write');
    // No target version yet: written.
    expect(checkPaths([{ path: 'z', sourceValue: 'x' }], { written })[0].verdict).toBe('write');
  });
});
