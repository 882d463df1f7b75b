import fs from 'fs';
import os from 'os';
import path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, chromiumAvailability } from '../helpers/chromium';
import { freePort } from '../helpers/ports';
import { REPO_ROOT } from '../helpers/paths';
import { adminToken, loginInBrowser } from '../helpers/browser';
import { pseudoTranslate, startEmulator } from '../../emulator/src';
import { EmulatorControl } from '../../emulator/src/control-client';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { startPlayground } = require('../../scripts/playground-server');

const SCREENSHOTS = path.join(REPO_ROOT, 'tests', 'e2e', 'screenshots');
const ADMIN = { email: 'panel-admin@example.com', password: 'Panel-password-2026' };
const TITLE = 'Getting started with our coffee subscription';

const { available } = chromiumAvailability();
const describeInBrowser = available ? describe : describe.skip;

describeInBrowser('"Translate with Gengo" panel in Chromium', () => {
  let server: { url: string; stop(): Promise<void> };
  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  let control: EmulatorControl;
  let browser: Browser;
  let page: Page;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gengo-e2e-panel-'));
    emulator = await startEmulator({ port: 0, credits: 500, jobCreationDelayMs: 0, callbackRetryMs: 500 });
    control = new EmulatorControl(emulator.url);
    const port = await freePort();
    server = await startPlayground({
      port,
      env: {
        DATABASE_CLIENT: 'sqlite',
        DATABASE_FILENAME: path.join(dataDir, 'data.db'),
        PLAYGROUND_SEED: 'true',
        PLAYGROUND_ADMIN_EMAIL: ADMIN.email,
        PLAYGROUND_ADMIN_PASSWORD: ADMIN.password,
      },
    });
    const token = await adminToken(server.url, ADMIN);
    const res = await fetch(`${server.url}/gengo/settings`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        publicKey: emulator.publicKey,
        privateKey: emulator.privateKey,
        environment: 'custom',
        apiUrl: emulator.apiUrl,
        publicUrl: server.url,
      }),
    });
    expect(res.status).toBe(200);
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1440, height: 1100 } });
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await loginInBrowser(page, server.url, ADMIN);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await emulator?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('quotes and orders fr and de, shows each status, and the fr version gets the translation', async () => {
    await page.goto(`${server.url}/admin/content-manager/collection-types/api::article.article?plugins[i18n][locale]=en`);
    await page.getByText(TITLE).first().click();
    const panel = page.getByTestId('gengo-panel');
    await panel.waitFor({ timeout: 60_000 });
    await expect(page.getByText('Translate with Gengo').first().isVisible()).resolves.toBe(true);

    await panel.getByRole('checkbox', { name: /French/ }).click();
    await panel.getByRole('checkbox', { name: /German/ }).click();
    await panel.getByRole('button', { name: 'Get quote' }).click();
    const quote = page.getByTestId('gengo-quote');
    await quote.waitFor({ timeout: 30_000 });
    const quoteText = await quote.textContent();
    expect(quoteText).toMatch(/fr: \d+ units/);
    expect(quoteText).toMatch(/de: \d+ units/);
    expect(quoteText).toContain('balance 500.00 USD');

    await panel.getByRole('button', { name: 'Order', exact: true }).click();
    const status = page.getByTestId('gengo-status');
    await status.locator('[data-locale="fr"]').waitFor({ timeout: 30_000 });
    await status.locator('[data-locale="de"]').waitFor({ timeout: 30_000 });

    // The translators finish: every job of the order becomes reviewable, and Gengo calls back.
    await control.flush();
    for (const job of await control.jobs()) await control.advance(job.job_id, 'reviewable');
    await status.locator('[data-locale="fr"][data-status="awaiting-review"]').waitFor({ timeout: 60_000 });
    await panel.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: path.join(SCREENSHOTS, 'translate-panel.png') });

    await page.goto(page.url().replace(/plugins\[i18n\]\[locale\]=en|$/, 'plugins[i18n][locale]=fr'));
    const title = page.locator('input[name="title"]');
    await title.waitFor({ timeout: 60_000 });
    expect(await title.inputValue()).toBe(pseudoTranslate(TITLE, 'fr'));
  }, 240_000);
});
