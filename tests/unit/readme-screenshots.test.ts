import fs from 'node:fs';
import path from 'node:path';

/**
 * The README's images are taken by the browser tests: each one the README shows must be written by
 * an e2e test into `docs/screenshots/` (a test writing it to `tests/e2e/screenshots/`, which is
 * gitignored, leaves the README with an old picture), and `docs/screenshots/` holds nothing the
 * README does not show. Read from the sources: no browser needed.
 */
const ROOT = path.join(__dirname, '../..');
const DOCS = path.join(ROOT, 'docs', 'screenshots');
const E2E = path.join(ROOT, 'tests', 'e2e');

const readmeImages = () =>
  [
    ...new Set(
      [...fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8').matchAll(/docs\/screenshots\/([\w.-]+\.png)/g)].map(
        (m) => m[1]
      )
    ),
  ].sort();

/** The files each e2e test writes into docs/screenshots, through a constant naming the folder or directly. */
const writtenToDocs = () => {
  const written = new Set<string>();
  for (const file of fs.readdirSync(E2E).filter((f) => f.endsWith('.ts'))) {
    const source = fs.readFileSync(path.join(E2E, file), 'utf8');
    const docsPath = /path\.join\(\s*REPO_ROOT,\s*'docs',\s*'screenshots'/;
    // `const SHOTS = path.join(REPO_ROOT, 'docs', 'screenshots')` (and one naming a file in it).
    for (const m of source.matchAll(
      /const (\w+) = path\.join\(\s*REPO_ROOT,\s*'docs',\s*'screenshots'(?:,\s*'([\w.-]+\.png)')?\s*\)/g
    )) {
      if (m[2]) written.add(m[2]);
      else
        for (const w of source.matchAll(new RegExp(`path\\.join\\(\\s*${m[1]},\\s*'([\\w.-]+\\.png)'`, 'g')))
          written.add(w[1]);
    }
    for (const m of source.matchAll(new RegExp(`${docsPath.source},\\s*'([\\w.-]+\\.png)'`, 'g'))) written.add(m[1]);
  }
  return written;
};

describe('README screenshots', () => {
  it('every image the README shows is written into docs/screenshots by a browser test', () => {
    const written = writtenToDocs();
    expect(readmeImages().filter((name) => !written.has(name))).toEqual([]);
  });

  it('docs/screenshots holds only images the README shows', () => {
    const shown = new Set(readmeImages());
    expect(
      fs
        .readdirSync(DOCS)
        .filter((f) => f.endsWith('.png') && !shown.has(f))
        .sort()
    ).toEqual([]);
  });
});
