import fs from 'fs';
import os from 'os';
import path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, chromiumAvailability } from '../helpers/chromium';
import { freePort } from '../helpers/ports';
import { REPO_ROOT } from '../helpers/paths';
import { loginInBrowser } from '../helpers/browser';
import { startEmulator } from '../../emulator/src';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { startPlayground } = require('../../scripts/playground-server');

const SCREENSHOTS = path.join(REPO_ROOT, 'tests', 'e2e', 'screenshots');
const ADMIN = { email: 'e2e-admin@example.com', password: 'E2e-password-2026' };

const { available, reason } = chromiumAvailability();
if (!available) {
  // eslint-disable-next-line no-console
  console.warn(`Skipping the browser tests: ${reason}`);
}
const describeInBrowser = available ? describe : describe.skip;

describeInBrowser('admin panel in Chromium', () => {
  let server: { url: string; stop(): Promise<void> };
  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  let browser: Browser;
  let page: Page;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gengo-e2e-'));
    emulator = await startEmulator({ port: 0, credits: 321, publicKey: 'e2e-public', privateKey: 'e2e-private' });
    server = await startPlayground({
      port: await freePort(),
      env: {
        DATABASE_CLIENT: 'sqlite',
        DATABASE_FILENAME: path.join(dataDir, 'data.db'),
        PLAYGROUND_SEED: 'true',
        PLAYGROUND_ADMIN_EMAIL: ADMIN.email,
        PLAYGROUND_ADMIN_PASSWORD: ADMIN.password,
      },
    });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await emulator?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('logs in with the seeded admin', async () => {
    await loginInBrowser(page, server.url, ADMIN);
    expect(page.url()).not.toContain('/auth/login');
  }, 90_000);

  it("lists the seeded articles and opens one's edit view", async () => {
    await page.goto(`${server.url}/admin/content-manager/collection-types/api::article.article?plugins[i18n][locale]=en`);
    const row = page.getByText('Getting started with our coffee subscription').first();
    await row.waitFor({ timeout: 60_000 });
    await row.click();
    const title = page.locator('input[name="title"]');
    await title.waitFor({ timeout: 60_000 });
    expect(await title.inputValue()).toBe('Getting started with our coffee subscription');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'article-edit-view.png'), fullPage: false });
    expect(fs.statSync(path.join(SCREENSHOTS, 'article-edit-view.png')).size).toBeGreaterThan(10_000);
  }, 120_000);

  it('saves the Gengo keys, tests the connection, and never shows the private key again', async () => {
    await page.goto(`${server.url}/admin/settings/gengo`);
    await page.getByRole('heading', { name: 'Gengo', exact: true }).waitFor({ timeout: 60_000 });
    await page.locator('input[name="publicKey"]').fill('e2e-public');
    await page.locator('input[name="privateKey"]').fill('e2e-private');
    await page.getByRole('combobox', { name: 'Environment' }).click();
    await page.getByRole('option', { name: 'Custom URL' }).click();
    await page.locator('input[name="apiUrl"]').fill(emulator.apiUrl);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Settings saved').first().waitFor({ timeout: 30_000 });

    await page.getByRole('button', { name: 'Test connection' }).click();
    const result = page.getByTestId('connection-result');
    await result.waitFor({ timeout: 30_000 });
    expect(await result.textContent()).toContain('Balance: 321.00 USD');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'settings.png'), fullPage: true });

    await page.reload();
    await page.locator('input[name="publicKey"]').waitFor({ timeout: 60_000 });
    expect(await page.locator('input[name="publicKey"]').inputValue()).toBe('e2e-public');
    expect(await page.locator('input[name="privateKey"]').inputValue()).toBe('');
    await page.getByText('A private key is set.').first().waitFor();
    expect(await page.content()).not.toContain('e2e-private');
  }, 180_000);

  it('keeps a locale mapping and a translate-on-publish rule across a reload', async () => {
    await page.goto(`${server.url}/admin/settings/gengo`);
    const ptBR = page.locator('input[name="localeMap.pt-BR"]');
    await ptBR.waitFor({ timeout: 60_000 });
    // The emulator offers en → pt-br and en → pt: the row says which code is ordered.
    expect(await page.getByTestId('locale-map-pt-BR').textContent()).toContain('pt-br: Offered');
    await ptBR.fill('pt');
    expect(await page.getByTestId('locale-map-pt-BR').textContent()).toContain('pt: Offered');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Settings saved').first().waitFor({ timeout: 30_000 });

    const rule = () => page.getByTestId('rule-api::article.article');
    await rule().getByRole('checkbox', { name: 'Translate on publish' }).dispatchEvent('click');
    await rule().getByRole('checkbox', { name: 'French (fr)' }).click();
    await page.getByRole('button', { name: 'Save rules' }).click();
    await page.getByText('Translate-on-publish rules saved').first().waitFor({ timeout: 30_000 });

    await page.reload();
    await ptBR.waitFor({ timeout: 60_000 });
    expect(await ptBR.inputValue()).toBe('pt');
    const french = rule().getByRole('checkbox', { name: 'French (fr)' });
    await french.waitFor({ timeout: 60_000 });
    expect(await french.getAttribute('aria-checked')).toBe('true');
    expect(await rule().getByRole('checkbox', { name: 'Translate on publish' }).isChecked()).toBe(true);
    for (const [testId, file] of [['locale-map-en', 'settings-locale-map.png'], ['publish-rules', 'settings-publish-rules.png']]) {
      await page.getByTestId(testId).scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(SCREENSHOTS, file) });
    }
  }, 180_000);
});
