'use strict';
/** Builds and starts the playground as a real `strapi start` process (demo and e2e tests). */
const { spawn } = require('child_process');
const http = require('http');
const { PLAYGROUND_DIR, STRAPI_BIN, playgroundEnv } = require('./playground-env');
const { run } = require('./run');

/** `strapi build`: compiles the app and builds the admin panel (with the plugin's admin part). */
const buildPlayground = (env = {}) => run(STRAPI_BIN, ['build'], { cwd: PLAYGROUND_DIR, env: playgroundEnv(env) });

const ping = (url) =>
  new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('error', () => resolve(0));
    req.setTimeout(2000, () => req.destroy());
  });

const waitForHealth = async (url, child, timeoutMs) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`strapi exited with ${child.exitCode} before answering`);
    const status = await ping(`${url}/_health`);
    if (status >= 200 && status < 300) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`strapi did not answer ${url}/_health within ${timeoutMs} ms`);
};

/**
 * Starts `strapi start` on `port` and resolves once /_health answers. `output: 'inherit'` shows the
 * server log (demo); by default it is kept and printed only if the start fails (tests).
 */
const startPlayground = async ({
  port = 1337,
  host = '127.0.0.1',
  env = {},
  output = 'buffer',
  timeoutMs = 120000,
} = {}) => {
  const child = spawn(STRAPI_BIN, ['start'], {
    cwd: PLAYGROUND_DIR,
    env: playgroundEnv({ HOST: host, PORT: String(port), ...env }),
    stdio: output === 'inherit' ? 'inherit' : ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  if (output !== 'inherit') {
    child.stdout.on('data', (d) => (log += d));
    child.stderr.on('data', (d) => (log += d));
  }
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  try {
    await waitForHealth(url, child, timeoutMs);
  } catch (err) {
    child.kill('SIGKILL');
    throw new Error(`${err.message}\n--- strapi output ---\n${log}`);
  }
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 10000).unref();
    });
  return { url, child, stop, log: () => log };
};

module.exports = { buildPlayground, startPlayground };
