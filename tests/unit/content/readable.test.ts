import { protectSegment, readableRuns } from '../../../server/src/content';
import fc from 'fast-check';
import { restoreSegment } from '../../../server/src/content';
import { markerClose, markerOpen } from '../../../server/src/content/markers';
import { markdownText } from './arbitraries';

const kept = (runs: ReturnType<typeof readableRuns>) => (runs ?? []).filter((r) => r.kept).map((r) => r.text);
const words = (runs: ReturnType<typeof readableRuns>) => (runs ?? []).filter((r) => !r.kept).map((r) => r.text);

describe('readableRuns: a text as a reviewer reads it', () => {
  it('shows a markdown link as kept syntax around the translated words', () => {
    const p = protectSegment({ kind: 'richtext', source: 'Read [the guide](https://example.com/g) **now**.' });
    const runs = readableRuns(p.parts, p.text);
    expect(runs!.map((r) => r.text).join('')).toBe('Read [the guide](https://example.com/g) **now**.');
    expect(kept(runs)).toEqual(['[', '](https://example.com/g)', '**', '**']);
    expect(words(runs).join('|')).toContain('the guide');
  });

  it('reads the translator answer with the same kept parts, wherever the markers moved', () => {
    const p = protectSegment({ kind: 'richtext', source: 'Read [the guide](https://example.com/g).' });
    const n = p.parts.find((x) => x.type === 'pair')!.n;
    const answer = `${markerOpen(n)}Le guide${markerClose(n)}, lisez-le.`;
    const runs = readableRuns(p.parts, answer)!;
    expect(runs.map((r) => r.text).join('')).toBe('[Le guide](https://example.com/g), lisez-le.');
    expect(runs[0]).toEqual({ text: '[', kept: true });
  });

  it('puts a link title back into its link, as the restore writes it', () => {
    const source = 'Read the [roast guide](https://example.com/r "Our roasts") first.';
    const p = protectSegment({ kind: 'richtext', source });
    const runs = readableRuns(p.parts, p.text)!;
    expect(runs.map((r) => r.text).join('')).toBe(source);
    expect(runs.find((r) => r.text.includes('Our roasts'))).toEqual({ text: 'Our roasts' });
  });

  it('keeps a blocks code leaf visible as a kept run', () => {
    const p = protectSegment({
      kind: 'blocks',
      source: '',
      nodes: [
        { type: 'text', text: 'Run ' },
        { type: 'text', text: 'npm ci', code: true },
        { type: 'text', text: ' first.' },
      ],
    });
    expect(kept(readableRuns(p.parts, p.text))).toEqual(['npm ci']);
  });

  it('is null when a marker was altered or is unknown (the caller shows the raw text)', () => {
    const p = protectSegment({ kind: 'richtext', source: 'A [b](c) d' });
    expect(readableRuns(p.parts, 'A [[[<9/>]]] d')).toBeNull();
    expect(readableRuns(p.parts, 'A [[[<1>> d')).toBeNull();
  });

  it('gives plain text as one translated run', () => {
    expect(readableRuns([], 'Hello')).toEqual([{ text: 'Hello' }]);
  });

  it('property: a markdown source reads back as itself, as the restore gives it', () => {
    fc.assert(
      fc.property(markdownText, (source) => {
        const p = protectSegment({ kind: 'richtext', source });
        const restored = restoreSegment(p, p.text);
        const runs = readableRuns(p.parts, p.text);
        expect(runs).not.toBeNull();
        expect(runs!.map((r) => r.text).join('')).toBe(restored.ok ? restored.value : source);
      }),
      { numRuns: 200 }
    );
  });
});
