'use strict';
/**
 * `npm run demo`: builds the plugin, builds the playground (admin included), starts the Gengo
 * emulator in automatic mode and the playground on http://localhost:1337 pointed at it, with seeded
 * content, and prints where to log in. Ctrl-C stops everything.
 */
const path = require('path');
const { run } = require('./run');
const { buildPlayground, startPlayground } = require('./playground-server');
const { startEmulatorProcess } = require('./emulator-process');

const ROOT = path.resolve(__dirname, '..');
const PORT = Number(process.env.PORT || 1337);
const EMULATOR_PORT = Number(process.env.GENGO_EMULATOR_PORT || 3999);
// The emulator's keys: they buy nothing anywhere else.
const GENGO_KEYS = {
  GENGO_PUBLIC_KEY: process.env.GENGO_PUBLIC_KEY || 'demo-public-key',
  GENGO_PRIVATE_KEY: process.env.GENGO_PRIVATE_KEY || 'demo-private-key',
};
const ADMIN = {
  email: process.env.PLAYGROUND_ADMIN_EMAIL || 'admin@example.com',
  password: process.env.PLAYGROUND_ADMIN_PASSWORD || 'Gengo-demo-2026',
};

/**
 * What the person trying the demo needs to know: where to log in, what happens after "Order"
 * (nothing is charged: the emulator's credits), where translations stop, and how to move them on.
 */
const banner = ({ emulator }) => {
  const stepSeconds = Math.round(Number(process.env.GENGO_EMULATOR_AUTO || 5000) / 1000);
  const autoApprove =
    process.env.GENGO_EMULATOR_AUTO_APPROVE === '1' || ['true', '1'].includes(process.env.GENGO_AUTO_APPROVE ?? '');
  const control = emulator.url + '/_emulator';
  return [
    '',
    '┌───────────────────────────────────────────────────────────────────────────',
    `│ Strapi admin:  http://localhost:${PORT}/admin`,
    `│ Login:         ${ADMIN.email}`,
    `│ Password:      ${ADMIN.password}`,
    `│ Gengo:         an emulator at ${emulator.apiUrl}: 5000 demo credits, nothing is charged.`,
    '│',
    '│ What happens: open an article (English), "Translate with Gengo" in the side panel,',
    '│ pick languages, "Get quote", "Order" and confirm. Every ' + stepSeconds + ' s each translation',
    '│ moves one step: waiting for a translator → in translation → ' +
      (autoApprove ? 'translated (auto-approved).' : 'awaiting review.'),
    ...(autoApprove
      ? ['│ Approval is automatic (GENGO_AUTO_APPROVE / GENGO_EMULATOR_AUTO_APPROVE): no review step.']
      : [
          '│ They stop at "Awaiting review" (Settings › Gengo › "Approve translations automatically" is',
          '│ off): review, approve, revise or reject them from the panel\'s "Review" button.',
        ]),
    '│',
    "│ Move translations along yourself (the emulator's control API, emulator/README.md):",
    '│   list them:         curl ' + control + '/jobs',
    '│   one step for all:  curl -X POST ' + control + '/auto/tick',
    '│   one to a status:   curl -X POST ' + control + '/jobs/<id>/advance \\',
    '│                        -H \'content-type: application/json\' -d \'{"status":"reviewable"}\'',
    '│ Stop with Ctrl-C.',
    '└───────────────────────────────────────────────────────────────────────────',
    '',
  ].join('\n');
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

  console.log('[demo] starting the Gengo emulator (automatic mode)…');
  const emulator = await startEmulatorProcess({
    port: EMULATOR_PORT,
    env: {
      ...GENGO_KEYS,
      GENGO_EMULATOR_AUTO: process.env.GENGO_EMULATOR_AUTO || '5000',
      // Each job follows the auto_approve flag the site sends (Settings › "Approve translations
      // automatically", off by default): jobs then wait at "Awaiting review" for the person.
      // Only an explicit GENGO_EMULATOR_AUTO_APPROVE=1 makes the emulator approve them as well.
      GENGO_EMULATOR_AUTO_APPROVE: process.env.GENGO_EMULATOR_AUTO_APPROVE === '1' ? '1' : '',
      GENGO_EMULATOR_CREDITS: '5000',
      // Beside the playground's database: a second run carries on with the same jobs and ids.
      GENGO_EMULATOR_STATE_FILE: path.join(ROOT, 'playground', '.tmp', 'gengo-emulator.json'),
    },
  });
  children.push(emulator);

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
      GENGO_API_URL: emulator.apiUrl,
      GENGO_PUBLIC_URL: process.env.GENGO_PUBLIC_URL || `http://localhost:${PORT}`,
      ...GENGO_KEYS,
    },
  });
  children.push(strapi);

  console.log(banner({ emulator }));

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
