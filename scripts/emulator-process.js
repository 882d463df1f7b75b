'use strict';
/** Runs the Gengo emulator (`emulator/src/cli.ts`) as a child process, for the demo and benchmarks. */
const { spawn } = require('child_process');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');

const startEmulatorProcess = async ({ port = 3999, env = {}, timeoutMs = 30000 } = {}) => {
  const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['emulator/src/cli.ts'], {
    cwd: ROOT,
    env: { ...process.env, GENGO_EMULATOR_PORT: String(port), ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the Gengo emulator exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/_emulator`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the Gengo emulator did not answer on ${url} within ${timeoutMs} ms`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { url, apiUrl: `${url}/v2/`, child, stop };
};

module.exports = { startEmulatorProcess };
