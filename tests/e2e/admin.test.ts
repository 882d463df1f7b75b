import fs from 'fs';
import path from 'path';
import type { Page } from 'playwright-core';
import { chromiumAvailability } from '../helpers/chromium';
import { REPO_ROOT } from '../helpers/paths';
import { loginInBrowser } from '../helpers/browser';
import { startE2eWorld, type E2eWorld } from '../helpers/e2e-world';

const SCREENSHOTS = path.join(REPO_ROOT, 'tests', 'e2e', 'screenshots');
const ADMIN = { email: 'e2e-admin@example.com', password: 'E2e-password-2026' };

const { available, reason } = chromiumAvailability();
if (!available) {
  console.warn(`Skipping the browser tests: ${reason}`);
}
const describeInBrowser = available ? describe : describe.skip;

describeInBrowser('admin panel in Chromium', () => {
  let world: E2eWorld;
  let server: E2eWorld['server'];
  let emulator: E2eWorld['emulator'];
  let page: Page;

  beforeAll(async () => {
    // Not configured and not logged in: the tests below do both through the admin panel.
    world = await startE2eWorld('admin', ADMIN, {
      emulator: { credits: 321, publicKey: 'e2e-public', privateKey: 'e2e-private' },
      configureGengo: false,
      login: false,
    });
    ({ server, emulator, page } = world);
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await world?.stop();
  });

  it('logs in with the seeded admin', async () => {
    await loginInBrowser(page, server.url, ADMIN);
    expect(page.url()).not.toContain('/auth/login');
  }, 90_000);

  it("lists the seeded articles and opens one's edit view", async () => {
    await page.goto(
      `${server.url}/admin/content-manager/collection-types/api::article.article?plugins[i18n][locale]=en`
    );
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
    // The emulator's URL comes from GENGO_API_URL: shown read-only, never typed here.
    const apiUrl = page.locator('input[name="apiUrl"]');
    expect(await apiUrl.inputValue()).toBe(emulator.apiUrl);
    expect(await apiUrl.isDisabled()).toBe(true);
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
    for (const [testId, file] of [
      ['locale-map-en', 'settings-locale-map.png'],
      ['publish-rules', 'settings-publish-rules.png'],
    ]) {
      await page.getByTestId(testId).scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(SCREENSHOTS, file) });
    }
  }, 180_000);
});
