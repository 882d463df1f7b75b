import fs from 'fs';
import path from 'path';
import { REPO_ROOT, PLAYGROUND_DIR } from '../helpers/paths';
import { chromiumAvailability } from '../helpers/chromium';

const { buildPlayground } = require('../../scripts/playground-server');

const newestMtime = (dir: string): number => {
  if (!fs.existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const mtime = entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs;
    newest = Math.max(newest, mtime);
  }
  return newest;
};

/**
 * Builds the playground's admin (with the plugin's built admin part) for the browser tests, unless
 * the build on disk is newer than everything it is made from.
 */
export default async function buildAdmin() {
  if (!chromiumAvailability().available) return;
  const built = path.join(PLAYGROUND_DIR, 'dist', 'build', 'index.html');
  const builtAt = fs.existsSync(built) ? fs.statSync(built).mtimeMs : 0;
  const sourcesAt = Math.max(
    newestMtime(path.join(REPO_ROOT, 'dist', 'admin')),
    newestMtime(path.join(PLAYGROUND_DIR, 'src')),
    newestMtime(path.join(PLAYGROUND_DIR, 'config'))
  );
  if (process.env.CI === 'true' || builtAt < sourcesAt) {
    await buildPlayground();
  }
}
