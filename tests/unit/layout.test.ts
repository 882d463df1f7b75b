import fs from 'fs';
import path from 'path';

/**
 * The server's rooms (README, "Repository layout"), checked on every import so that the layout
 * stays what a newcomer reads: `content/` and `gengo/` stand alone (no Strapi, no other room),
 * `platform/` serves every capability and imports none, and a capability is entered only through
 * its `index.ts`.
 */
const SRC = path.resolve(__dirname, '../../server/src');
const CAPABILITIES = ['settings', 'ordering', 'bulk', 'receiving', 'review', 'publishing', 'memory'];
const STANDALONE = ['content', 'gengo'];

const filesUnder = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return filesUnder(full);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [full] : [];
  });

const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+'([^']+)'|\brequire\('([^']+)'\)|\bimport\('([^']+)'\)/g;

interface Edge {
  file: string;
  spec: string;
  /** The resolved path relative to server/src, for a relative import. */
  target: string | null;
}

const edges: Edge[] = filesUnder(SRC).flatMap((file) => {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => {
    const spec = m[1] ?? m[2] ?? m[3];
    const target = spec.startsWith('.') ? path.relative(SRC, path.resolve(path.dirname(file), spec)) : null;
    return { file: path.relative(SRC, file), spec, target };
  });
});

const roomOf = (rel: string) => (rel.includes(path.sep) ? rel.split(path.sep)[0] : null);
const show = (e: Edge) => `${e.file} → ${e.spec}`;

describe('server layout', () => {
  it('reads imports (the check itself sees something)', () => {
    expect(edges.length).toBeGreaterThan(200);
    expect(edges.some((e) => e.file.startsWith('receiving') && e.target === 'platform/records')).toBe(true);
  });

  it.each(STANDALONE)('%s/ imports neither Strapi nor another room', (room) => {
    const bad = edges.filter(
      (e) =>
        roomOf(e.file) === room &&
        (e.spec.startsWith('@strapi/') ||
          (e.target !== null && roomOf(e.target) !== room && !e.target.startsWith('..')))
    );
    expect(bad.map(show)).toEqual([]);
  });

  it('platform/ imports no capability', () => {
    const bad = edges.filter(
      (e) => roomOf(e.file) === 'platform' && e.target !== null && CAPABILITIES.includes(roomOf(e.target) ?? '')
    );
    expect(bad.map(show)).toEqual([]);
  });

  it('a capability is entered only through its index.ts (from other capabilities, controllers, hooks and cron)', () => {
    const bad = edges.filter((e) => {
      if (e.target === null) return false;
      const into = roomOf(e.target);
      if (!into || !CAPABILITIES.includes(into) || roomOf(e.file) === into) return false;
      return e.target !== into && e.target !== path.join(into, 'index');
    });
    expect(bad.map(show)).toEqual([]);
  });
});
