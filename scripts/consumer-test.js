#!/usr/bin/env node
/**
 * The consumer test: the plugin installed as a site owner would, following the README.
 *
 * `npm pack` (which builds the plugin), a new Strapi 5.54.0 TypeScript app from create-strapi-app,
 * the tarball installed, the README's `consumer-test` blocks applied literally (install command,
 * the `gengo` key of config/plugins.ts, the `cron` key of config/server.ts, the .env lines), a
 * localized `article` type added, `strapi build`, `strapi start` with the emulator as the Gengo
 * API, then: the setup check all green, the plugin's routes answer, the callback route refuses a
 * wrong token with 401, an order through the emulator lands in `fr`. Prints its time.
 *
 * Usage: node scripts/consumer-test.js [--keep] (keeps the temp dir). Env CONSUMER_TEST_DIR: where
 * to make the app (default: a new temp dir).
 */
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const KEEP = process.argv.includes('--keep');
const started = Date.now();
const children = [];

const log = (msg) => console.log(`[consumer-test] ${((Date.now() - started) / 1000).toFixed(0)} s  ${msg}`);
const fail = (msg) => {
  throw new Error(msg);
};

const run = (cmd, args, opts = {}) => {
  log(`$ ${cmd} ${args.join(' ')}${opts.cwd ? `   (in ${opts.cwd})` : ''}`);
  return execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', ...opts });
};

const freePort = () =>
  new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });

/** A child in a process group of its own, so that it and its children can be stopped together. */
const start = (cmd, args, opts) => {
  const child = spawn(cmd, args, { ...opts, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (d) => {
    output = (output + d).slice(-20000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  children.push(child);
  child.output = () => output;
  return child;
};

const stopAll = () => {
  for (const child of children) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  }
};

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const waitFor = async (what, fn, timeoutMs) => {
  const until = Date.now() + timeoutMs;
  let last;
  while (Date.now() < until) {
    try {
      const value = await fn();
      if (value) return value;
    } catch (err) {
      last = err;
    }
    await sleep(500);
  }
  fail(`timed out waiting for ${what}${last ? `: ${last.message}` : ''}`);
};

/** The README's block between `<!-- consumer-test:NAME -->` and `<!-- /consumer-test -->`, fences removed. */
const readmeBlock = (readme, name) => {
  const m = readme.match(
    new RegExp(`<!-- consumer-test:${name} -->\\s*\`\`\`\\w*\\n([\\s\\S]*?)\`\`\`\\s*<!-- /consumer-test -->`)
  );
  if (!m) fail(`README.md has no consumer-test:${name} block`);
  return m[1];
};

/** Inserts `snippet` as the first keys of the object the config factory returns (`=> ({`). */
const addKeys = (file, snippet) => {
  const text = fs.readFileSync(file, 'utf8');
  const at = text.indexOf('=> ({');
  if (at < 0) fail(`${file}: no "=> ({" to add the README's keys to`);
  const cut = at + '=> ({'.length;
  fs.writeFileSync(file, `${text.slice(0, cut)}\n${snippet.replace(/\n$/, '')}${text.slice(cut)}`);
};

const ARTICLE = {
  kind: 'collectionType',
  collectionName: 'articles',
  info: { singularName: 'article', pluralName: 'articles', displayName: 'Article' },
  options: { draftAndPublish: true },
  pluginOptions: { i18n: { localized: true } },
  attributes: {
    title: { type: 'string', required: true, pluginOptions: { i18n: { localized: true } } },
    body: { type: 'richtext', pluginOptions: { i18n: { localized: true } } },
  },
};

const addArticleType = (app) => {
  const dir = path.join(app, 'src/api/article');
  const file = (rel, text) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  };
  file('content-types/article/schema.json', JSON.stringify(ARTICLE, null, 2));
  file(
    'controllers/article.ts',
    "import { factories } from '@strapi/strapi';\n\nexport default factories.createCoreController('api::article.article');\n"
  );
  file(
    'services/article.ts',
    "import { factories } from '@strapi/strapi';\n\nexport default factories.createCoreService('api::article.article');\n"
  );
  file(
    'routes/article.ts',
    "import { factories } from '@strapi/strapi';\n\nexport default factories.createCoreRouter('api::article.article');\n"
  );
};

const main = async () => {
  const work = process.env.CONSUMER_TEST_DIR || fs.mkdtempSync(path.join(os.tmpdir(), 'gengo-consumer-'));
  fs.mkdirSync(work, { recursive: true });
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const timings = {};
  const step = async (name, fn) => {
    const t = Date.now();
    const out = await fn();
    timings[name] = Math.round((Date.now() - t) / 1000);
    return out;
  };

  // 1. The package, as the README makes it.
  const packed = await step('pack', () => {
    // `prepack` builds the plugin, and its output comes before npm's JSON.
    const out = run('npm', ['pack', '--json', '--pack-destination', work], { cwd: ROOT });
    return JSON.parse(out.slice(out.lastIndexOf('[\n  {')))[0];
  });
  const tarball = path.join(work, packed.filename);
  const files = packed.files.map((f) => f.path);
  log(
    `${packed.filename}: ${(packed.size / 1024).toFixed(1)} kB, ${files.length} files, unpacked ${(packed.unpackedSize / 1024).toFixed(0)} kB`
  );
  const stray = files.filter((f) => /^(tests|playground|emulator|bench|scripts|server|admin)\//.test(f));
  if (stray.length) fail(`the package carries files it should not: ${stray.slice(0, 5).join(', ')}`);
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  for (const [key, value] of Object.entries(pkg.exports)) {
    const targets = typeof value === 'string' ? { default: value } : value;
    for (const [cond, target] of Object.entries(targets)) {
      if (cond === 'source') continue;
      if (!files.includes(target.replace(/^\.\//, '')))
        fail(`exports["${key}"].${cond} → ${target}: not in the package`);
    }
  }
  for (const required of ['LICENSE', 'README.md'])
    if (!files.includes(required)) fail(`${required} missing from the package`);

  // 2. A new app, as create-strapi-app makes it.
  const app = path.join(work, 'app');
  await step('scaffold', () =>
    run(
      'npx',
      [
        '--yes',
        'create-strapi-app@5.54.0',
        'app',
        '--skip-cloud',
        '--no-run',
        '--use-npm',
        '--ts',
        '--no-example',
        '--no-git-init',
        '--non-interactive',
        '--dbclient',
        'sqlite',
      ],
      { cwd: work, stdio: ['ignore', 'ignore', 'inherit'] }
    )
  );

  // 3. The README's steps, literally.
  const install = readmeBlock(readme, 'install')
    .split('\n')
    .find((line) => /^npm install \S+\.tgz/.test(line.trim()));
  if (!install) fail('the README install block has no "npm install <tarball>" line');
  const [, , tgz] = install.trim().split(/\s+/);
  if (path.basename(tgz) !== packed.filename)
    fail(`the README installs ${path.basename(tgz)}, npm pack wrote ${packed.filename}`);
  await step('install', () =>
    run('npm', ['install', '--no-audit', '--no-fund', tarball], { cwd: app, stdio: ['ignore', 'ignore', 'inherit'] })
  );
  addKeys(path.join(app, 'config/plugins.ts'), readmeBlock(readme, 'plugins'));
  addKeys(path.join(app, 'config/server.ts'), readmeBlock(readme, 'server'));

  const [port, emuPort] = [await freePort(), await freePort()];
  const emulatorKeys = { GENGO_PUBLIC_KEY: 'consumer-test-public-key', GENGO_PRIVATE_KEY: 'consumer-test-private-key' };
  // The README's names, this test's values (the keys of the emulator, this app's address).
  const values = { ...emulatorKeys, GENGO_PUBLIC_URL: `http://127.0.0.1:${port}` };
  const envLines = readmeBlock(readme, 'env')
    .split('\n')
    .filter((l) => /^\w+=/.test(l))
    .map((l) => {
      const name = l.slice(0, l.indexOf('='));
      if (!(name in values)) fail(`the README's .env names ${name}, which this test does not know`);
      return `${name}=${values[name]}`;
    });
  let env = fs.readFileSync(path.join(app, '.env'), 'utf8');
  // The scaffold leaves DATABASE_FILENAME empty (its first start fails without one).
  env = env.replace(/^DATABASE_FILENAME=$/m, 'DATABASE_FILENAME=.tmp/data.db');
  env = env.replace(/^PORT=.*$/m, `PORT=${port}`).replace(/^HOST=.*$/m, 'HOST=127.0.0.1');
  env += `\n# strapi-plugin-gengo (README)\n${envLines.join('\n')}\nGENGO_API_URL=http://127.0.0.1:${emuPort}/v2/\n`;
  fs.writeFileSync(path.join(app, '.env'), env);
  addArticleType(app);

  await step('build', () => run('npm', ['run', 'build'], { cwd: app, stdio: ['ignore', 'ignore', 'inherit'] }));

  // 4. The emulator as Gengo (jobs advance and are approved by themselves), then the app.
  const emulator = start(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'emulator/src/cli.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...emulatorKeys,
      GENGO_EMULATOR_PORT: String(emuPort),
      GENGO_EMULATOR_AUTO: '300',
      GENGO_EMULATOR_AUTO_APPROVE: '1',
      GENGO_EMULATOR_JOB_DELAY_MS: '0',
      GENGO_EMULATOR_CALLBACK_RETRY_MS: '1000',
    },
  });
  await waitFor('the emulator', async () => (await fetch(`http://127.0.0.1:${emuPort}/_emulator/balance`)).ok, 30_000);
  const base = `http://127.0.0.1:${port}`;
  const strapi = start(path.join(app, 'node_modules/.bin/strapi'), ['start'], {
    cwd: app,
    env: { ...process.env, NODE_ENV: 'production', STRAPI_TELEMETRY_DISABLED: 'true', BROWSER: 'false' },
  });
  await step('start', () =>
    waitFor(
      'strapi start',
      async () => {
        if (strapi.exitCode !== null) fail(`strapi start exited ${strapi.exitCode}:\n${strapi.output()}`);
        return (await fetch(`${base}/_health`)).status === 204;
      },
      120_000
    )
  );
  const bootLog = strapi.output();
  if (/\[gengo\] setup:/.test(bootLog)) fail(`setup warnings at boot:\n${bootLog}`);

  // 5. What the owner checks.
  const api = async (method, url, body, token) => {
    const res = await fetch(`${base}${url}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let json = null;
    try {
      json = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: res.status, json, text };
  };
  const expectStatus = (res, status, what) => {
    if (![status].flat().includes(res.status)) fail(`${what}: ${res.status} ${res.text.slice(0, 500)}`);
    return res.json;
  };

  const reg = expectStatus(
    await api('POST', '/admin/register-admin', {
      firstname: 'Site',
      lastname: 'Owner',
      email: 'owner@example.com',
      password: 'Consumer-test-2026',
    }),
    [200, 201],
    'POST /admin/register-admin'
  );
  const jwt = reg.data.token;
  const health = expectStatus(await api('GET', '/gengo/health', undefined, jwt), 200, 'GET /gengo/health');
  const failing = health.data.checks.filter((c) => !c.ok);
  if (failing.length) fail(`setup checklist not green: ${JSON.stringify(failing, null, 2)}`);
  log(`setup checklist: ${health.data.checks.map((c) => c.id).join(', ')} all ok`);
  expectStatus(await api('GET', '/gengo/settings', undefined, jwt), 200, 'GET /gengo/settings');
  expectStatus(await api('GET', '/gengo/orders', undefined, jwt), 200, 'GET /gengo/orders');
  expectStatus(await api('GET', '/gengo/health'), 401, 'GET /gengo/health without a token');
  const wrong = await fetch(`${base}/api/gengo/callback/not-the-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'job=%7B%22job_id%22%3A%221%22%7D',
  });
  if (wrong.status !== 401) fail(`a callback with a wrong token: ${wrong.status}, expected 401`);

  // 6. An order through the emulator lands in fr.
  expectStatus(
    await api('POST', '/i18n/locales', { name: 'French (fr)', code: 'fr', isDefault: false }, jwt),
    [200, 201],
    'POST /i18n/locales (fr)'
  );
  const created = expectStatus(
    await api(
      'POST',
      '/content-manager/collection-types/api::article.article?locale=en',
      { title: 'Hello from a new site', body: 'A **first** paragraph.' },
      jwt
    ),
    [200, 201],
    'creating an en article'
  );
  const documentId = created.data.documentId;
  const ordered = await step('order', async () => {
    const res = await api(
      'POST',
      '/gengo/orders',
      { contentType: 'api::article.article', documentId, sourceLocale: 'en', targetLocales: ['fr'], autoApprove: true },
      jwt
    );
    if (res.status !== 200 && res.status !== 201) fail(`POST /gengo/orders: ${res.status} ${res.text.slice(0, 500)}`);
    return res.json;
  });
  log(`ordered: ${JSON.stringify(ordered.data).slice(0, 200)}`);
  const fr = await step('delivery', () =>
    waitFor(
      'the fr translation',
      async () => {
        const res = await api(
          'GET',
          `/content-manager/collection-types/api::article.article/${documentId}?locale=fr`,
          undefined,
          jwt
        );
        return res.status === 200 && res.json?.data?.title && res.json.data.locale === 'fr' ? res.json.data : null;
      },
      120_000
    )
  );
  if (fr.title === 'Hello from a new site') fail(`fr holds the English title: ${JSON.stringify(fr)}`);
  log(`fr: title "${fr.title}", body "${String(fr.body).slice(0, 80)}"`);
  if (/\/api\/gengo\/callback\/[A-Za-z0-9_-]{20,}/.test(strapi.output()))
    fail('the callback token appears in the app log');
  if (emulator.exitCode !== null) fail('the emulator stopped');

  const total = Math.round((Date.now() - started) / 1000);
  log(
    `PASS in ${total} s (${Object.entries(timings)
      .map(([k, v]) => `${k} ${v} s`)
      .join(', ')})`
  );
  if (!KEEP && !process.env.CONSUMER_TEST_DIR) fs.rmSync(work, { recursive: true, force: true });
};

main()
  .then(() => {
    stopAll();
    process.exit(0);
  })
  .catch((err) => {
    console.error(`[consumer-test] FAIL: ${err.message}`);
    for (const child of children)
      console.error(`--- ${child.spawnargs.join(' ')} (last output)\n${child.output().slice(-4000)}`);
    stopAll();
    process.exit(1);
  });
