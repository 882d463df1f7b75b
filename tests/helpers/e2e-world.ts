import fs from 'fs';
import os from 'os';
import path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { freePort } from './ports';
import { adminToken, loginInBrowser } from './browser';
import { startEmulator } from '../../emulator/src';
import { EmulatorControl } from '../../emulator/src/control-client';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { startPlayground } = require('../../scripts/playground-server');

export type E2eWorld = {
  server: { url: string; stop(): Promise<void> };
  emulator: Awaited<ReturnType<typeof startEmulator>>;
  control: EmulatorControl;
  browser: Browser;
  page: Page;
  stop(): Promise<void>;
};

/**
 * The seeded playground (built admin, SQLite in a temp dir) configured for a fresh emulator, and
 * Chromium logged in as its super admin.
 */
export const startE2eWorld = async (name: string, admin: { email: string; password: string }): Promise<E2eWorld> => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `gengo-e2e-${name}-`));
  const emulator = await startEmulator({ port: 0, credits: 500, jobCreationDelayMs: 0, callbackRetryMs: 500 });
  const control = new EmulatorControl(emulator.url);
  let server: E2eWorld['server'] | undefined;
  let browser: Browser | undefined;
  const stop = async () => {
    await browser?.close();
    await server?.stop();
    await emulator.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    server = await startPlayground({
      port: await freePort(),
      env: {
        DATABASE_CLIENT: 'sqlite',
        DATABASE_FILENAME: path.join(dataDir, 'data.db'),
        PLAYGROUND_SEED: 'true',
        PLAYGROUND_ADMIN_EMAIL: admin.email,
        PLAYGROUND_ADMIN_PASSWORD: admin.password,
      },
    });
    const url = server!.url;
    const token = await adminToken(url, admin);
    const res = await fetch(`${url}/gengo/settings`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        publicKey: emulator.publicKey,
        privateKey: emulator.privateKey,
        environment: 'custom',
        apiUrl: emulator.apiUrl,
        publicUrl: url,
      }),
    });
    if (res.status !== 200) throw new Error(`PUT /gengo/settings answered ${res.status}`);
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: { width: 1440, height: 1100 } });
    await loginInBrowser(page, url, admin);
    return { server: server!, emulator, control, browser, page, stop };
  } catch (err) {
    await stop().catch(() => {});
    throw err;
  }
};
