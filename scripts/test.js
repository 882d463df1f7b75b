'use strict';
/**
 * `npm test`: lints (ESLint, Prettier), type-checks (jest's swc transform does not), builds the plugin (Strapi loads it
 * through its package exports, and the browser tests need its built admin part), then runs every
 * jest project in one process: unit, integration and reliability (SQLite by default;
 * TEST_DATABASE=postgres for PostgreSQL, TEST_DATABASE=mysql for MariaDB/MySQL; the two-instance
 * reliability test uses PostgreSQL unless TEST_DATABASE=mysql)
 * and e2e. Extra arguments go to jest.
 */
const path = require('path');
const { run } = require('./run');

const ROOT = path.resolve(__dirname, '..');
const bin = (name) => path.join(ROOT, 'node_modules', '.bin', name);

(async () => {
  // Lint and format first: CI runs this very command, so a change that breaks either fails there.
  await run(bin('eslint'), ['.'], { cwd: ROOT });
  await run(bin('prettier'), ['--check', '.'], { cwd: ROOT });
  for (const project of ['tsconfig.json', 'server/tsconfig.json', 'admin/tsconfig.json']) {
    await run(bin('tsc'), ['-p', project, '--noEmit'], { cwd: ROOT });
  }
  await run(bin('strapi-plugin'), ['build'], { cwd: ROOT });
  await run(bin('jest'), ['--runInBand', ...process.argv.slice(2)], { cwd: ROOT });
})().catch((err) => {
  console.error(err.message);
  process.exit(1);
});
