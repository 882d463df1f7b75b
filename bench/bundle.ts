import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { transformSync } from 'esbuild';
import { kb, type BenchResult } from './lib/stats';
import type { BenchDb } from './lib/world';

/**
 * What the plugin adds to the admin bundle: its built ESM admin files (dist/admin/*.mjs, from
 * `npx strapi-plugin build`), gzipped as built and once minified as the app's build would (its
 * imports — React, the design system, react-intl, @strapi/strapi/admin — are the admin's own and
 * add nothing). Loaded at start: the entry and its shared chunk; the pages and translations load
 * when opened.
 */
const DIST = path.join(__dirname, '..', 'dist', 'admin');

const gz = (s: string | Buffer) => zlib.gzipSync(s, { level: 9 }).length;

export default async function bundleBench(_options: { db: BenchDb; n: number }): Promise<BenchResult[]> {
  if (!fs.existsSync(DIST)) throw new Error('dist/admin is missing: run `npx strapi-plugin build` first');
  const files = fs.readdirSync(DIST).filter((f) => f.endsWith('.mjs'));
  const eager = (f: string) => f === 'index.mjs' || f.startsWith('strapi-admin');
  const sizes = files.map((f) => {
    const code = fs.readFileSync(path.join(DIST, f), 'utf8');
    const min = transformSync(code, { minify: true, format: 'esm', loader: 'js' }).code;
    return { file: f, raw: Buffer.byteLength(code), gzip: gz(code), minGzip: gz(min), eager: eager(f) };
  });
  const sum = (list: typeof sizes, k: 'raw' | 'gzip' | 'minGzip') => list.reduce((a, s) => a + s[k], 0);
  const row = (figure: string, list: typeof sizes) => ({
    figure,
    value: `${kb(sum(list, 'gzip'))} gzipped`,
    against: `${kb(sum(list, 'minGzip'))} minified + gzipped, ${kb(sum(list, 'raw'))} raw`,
  });
  return [
    {
      bench: 'bundle',
      db: 'n/a',
      n: files.length,
      rows: [
        row('admin code the plugin adds, all chunks', sizes),
        row(
          'loaded with the admin (entry + shared chunk)',
          sizes.filter((s) => s.eager)
        ),
        row(
          'loaded when a page opens (lazy chunks)',
          sizes.filter((s) => !s.eager)
        ),
      ],
      notes: sizes.map((s) => `${s.file}: ${kb(s.gzip)} gzipped (${kb(s.minGzip)} minified)`),
    },
  ];
}
