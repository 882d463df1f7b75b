import fs from 'fs';
import os from 'os';
import path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { freePort } from './ports';
import { adminToken, loginInBrowser } from './browser';
import { startEmulator } from '../../emulator/src';
import { EmulatorControl } from '../../emulator/src/control-client';

const { startPlayground } = require('../../scripts/playground-server');

export type E2eWorld = {
  server: { url: string; stop(): Promise<void> };
  emulator: Awaited<ReturnType<typeof startEmulator>>;
  control: EmulatorControl;
  browser: Browser;
  page: Page;
  stop(): Promise<void>;
};

export interface E2eWorldOptions {
  /** The emulator's options (credits, keys…) over the defaults. */
  emulator?: Partial<Parameters<typeof startEmulator>[0]>;
  /** Save the emulator's keys in the plugin's settings (default); false leaves them to the test. */
  configureGengo?: boolean;
  /** Log Chromium in as the super admin (default); false leaves the login page to the test. */
  login?: boolean;
}

/**
 * The seeded playground (built admin, SQLite in a temp dir) with a fresh emulator, and Chromium;
 * by default the plugin is configured for the emulator and Chromium is logged in as the super admin.
 */
export const startE2eWorld = async (
  name: string,
  admin: { email: string; password: string },
  opts: E2eWorldOptions = {}
): Promise<E2eWorld> => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `gengo-e2e-${name}-`));
  const emulator = await startEmulator({
    port: 0,
    credits: 500,
    jobCreationDelayMs: 0,
    callbackRetryMs: 500,
    rateLimitPerMinute: 0, // the seeded playground and the browser send more than 150 a minute
    ...opts.emulator,
  });
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
        // A host other than Gengo's comes only from the config or the environment (issue 19).
        GENGO_API_URL: emulator.apiUrl,
      },
    });
    const url = server!.url;
    if (opts.configureGengo !== false) await configureGengo(url, admin, emulator);
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: { width: 1440, height: 1100 } });
    if (opts.login !== false) await loginInBrowser(page, url, admin);
    return { server: server!, emulator, control, browser, page, stop };
  } catch (err) {
    await stop().catch(() => {});
    throw err;
  }
};

/** The emulator's keys saved in the plugin's settings, through the admin API (its URL is GENGO_API_URL). */
const configureGengo = async (
  url: string,
  admin: { email: string; password: string },
  emulator: E2eWorld['emulator']
) => {
  const token = await adminToken(url, admin);
  const res = await fetch(`${url}/gengo/settings`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      publicKey: emulator.publicKey,
      privateKey: emulator.privateKey,
      publicUrl: url,
    }),
  });
  if (res.status !== 200) throw new Error(`PUT /gengo/settings answered ${res.status}`);
};
