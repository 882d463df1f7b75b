import { protectSegment, restoreSegment } from '../../../server/src/content';

describe('restoreSegment refuses a translation whose markers do not match', () => {
  // Parts: 1 = `code` (standalone), 2 = ** pair, 3 = link pair.
  const p = protectSegment({ kind: 'richtext', source: 'Run `npm ci` **now**, then read [the docs](/docs).' });
  const good = 'Lancez [[[<1/>]]] [[[<2>]]]maintenant[[[</2>]]], puis lisez [[[<3>]]]la doc[[[</3>]]].';

  it('accepts the well-formed translation', () => {
    expect(p.text).toBe('Run [[[<1/>]]] [[[<2>]]]now[[[</2>]]], then read [[[<3>]]]the docs[[[</3>]]].');
    expect(restoreSegment(p, good)).toEqual({
      ok: true,
      value: 'Lancez `npm ci` **maintenant**, puis lisez [la doc](/docs).',
    });
  });

  it.each([
    ['a missing standalone marker', good.replace('[[[<1/>]]]', ''), 'marker 1 missing'],
    ['a missing closing marker', good.replace('[[[</3>]]]', ''), 'marker 3 not closed'],
    ['a missing opening marker', good.replace('[[[<2>]]]', ''), 'marker 2 closed before it is opened'],
    ['a duplicated marker', good.replace('[[[<1/>]]]', '[[[<1/>]]] [[[<1/>]]]'), 'marker 1 duplicated'],
    ['an unknown number', good.replace('[[[<1/>]]]', '[[[<9/>]]]'), 'unknown marker 9'],
    ['a standalone used as a pair', good.replace('[[[<1/>]]]', '[[[<1>]]]'), 'marker 1 altered (used as open)'],
    ['a pair used as a standalone', good.replace('[[[<2>]]]', '[[[<2/>]]]'), 'marker 2 altered (used as standalone)'],
    [
      'a close before its open',
      good.replace('[[[<2>]]]maintenant[[[</2>]]]', '[[[</2>]]]maintenant[[[<2>]]]'),
      'marker 2 closed before it is opened',
    ],
    [
      'crossed pairs',
      'Lancez [[[<1/>]]] [[[<2>]]]maintenant, [[[<3>]]]la[[[</2>]]] doc[[[</3>]]].',
      'marker 2 closed across marker 3',
    ],
    ['a bracket dropped', good.replace('[[[<1/>]]]', '[[<1/>]]]'), 'marker altered near'],
    ['spaces added inside', good.replace('[[[<1/>]]]', '[[[ <1/> ]]]'), 'marker altered near'],
    ['a translated marker', good.replace('[[[<1/>]]]', '[[[<un/>]]]'), 'marker altered near'],
    ['a close with a self-closing slash', good.replace('[[[</3>]]]', '[[[</3/>]]]'), 'marker altered near'],
  ])('refuses %s', (_name, body, reason) => {
    const r = restoreSegment(p, body);
    expect(r.ok).toBe(false);
    expect((r as { reason: string }).reason).toContain(reason);
  });

  it('refuses an empty or missing body', () => {
    expect(restoreSegment(p, '').ok).toBe(false);
    expect(restoreSegment(p, undefined as unknown as string)).toEqual({ ok: false, reason: 'no translated text' });
  });

  it('accepts a text without markers when the source had none', () => {
    const plain = protectSegment({ kind: 'string', source: 'Hello' });
    expect(restoreSegment(plain, 'Bonjour')).toEqual({ ok: true, value: 'Bonjour' });
  });
});
