'use strict';
/**
 * `npm run demo`: builds the plugin, builds the playground (admin included), starts it on
 * http://localhost:1337 with seeded content, and prints where to log in. Ctrl-C stops everything.
 */
const path = require('path');
const { run } = require('./run');
const { buildPlayground, startPlayground } = require('./playground-server');

const ROOT = path.resolve(__dirname, '..');
const PORT = Number(process.env.PORT || 1337);
const ADMIN = {
  email: process.env.PLAYGROUND_ADMIN_EMAIL || 'admin@example.com',
  password: process.env.PLAYGROUND_ADMIN_PASSWORD || 'Gengo-demo-2026',
};

const children = [];
const stopAll = async () => {
  await Promise.all(children.map((c) => c.stop()));
  process.exit(0);
};

(async () => {
  console.log('[demo] building the plugin…');
  await run(path.join(ROOT, 'node_modules', '.bin', 'strapi-plugin'), ['build'], { cwd: ROOT });
  console.log('[demo] building the playground and its admin panel (about a minute)…');
  await buildPlayground();

  console.log('[demo] starting Strapi…');
  const strapi = await startPlayground({
    port: PORT,
    host: '0.0.0.0',
    output: 'inherit',
    env: {
      PLAYGROUND_SEED: 'true',
      PLAYGROUND_ADMIN_EMAIL: ADMIN.email,
      PLAYGROUND_ADMIN_PASSWORD: ADMIN.password,
      PUBLIC_URL: process.env.PUBLIC_URL || `http://localhost:${PORT}`,
    },
  });
  children.push(strapi);

  console.log(
    [
      '',
      '┌───────────────────────────────────────────────────────────',
      `│ Strapi admin:  http://localhost:${PORT}/admin`,
      `│ Login:         ${ADMIN.email}`,
      `│ Password:      ${ADMIN.password}`,
      '│ Stop with Ctrl-C.',
      '└───────────────────────────────────────────────────────────',
      '',
    ].join('\n')
  );

  process.on('SIGINT', stopAll);
  process.on('SIGTERM', stopAll);
  strapi.child.on('exit', (code) => {
    console.error(`[demo] strapi exited (${code})`);
    process.exit(code ?? 1);
  });
})().catch(async (err) => {
  console.error(`[demo] ${err.message}`);
  await Promise.all(children.map((c) => c.stop()));
  process.exit(1);
});
