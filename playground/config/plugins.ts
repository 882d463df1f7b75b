import fs from 'fs';
import path from 'path';

/**
 * The plugin's package root. Strapi resolves a relative `resolve` against @strapi/core first, and
 * this file runs compiled from dist/config, so walk up to the package.json of kind "plugin".
 */
const findPluginRoot = (start: string): string => {
  let dir = start;
  for (;;) {
    const pkgFile = path.join(dir, 'package.json');
    if (fs.existsSync(pkgFile)) {
      const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
      if (pkg.strapi?.kind === 'plugin' && pkg.strapi?.name === 'gengo') return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`strapi-plugin-gengo not found above ${start}`);
    dir = parent;
  }
};

export default () => ({
  gengo: {
    enabled: true,
    resolve: findPluginRoot(__dirname),
  },
});
