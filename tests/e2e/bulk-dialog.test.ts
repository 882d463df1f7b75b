import fs from 'fs';
import path from 'path';
import type { Locator } from 'playwright-core';
import { chromiumAvailability } from '../helpers/chromium';
import { REPO_ROOT } from '../helpers/paths';
import { startE2eWorld, type E2eWorld } from '../helpers/e2e-world';

const ADMIN = { email: 'bulk-admin@example.com', password: 'Bulk-password-2026' };
const SCREENSHOTS = path.join(REPO_ROOT, 'docs', 'screenshots');
const TEST_SHOTS = path.join(REPO_ROOT, 'tests', 'e2e', 'screenshots');
const LIST = '/admin/content-manager/collection-types/api::article.article?plugins[i18n][locale]=en';

const attributes = async (locator: Locator, name: string) => {
  const out: Array<string | null> = [];
  for (let i = 0, n = await locator.count(); i < n; i += 1) out.push(await locator.nth(i).getAttribute(name));
  return out;
};
const describeInBrowser = chromiumAvailability().available ? describe : describe.skip;

describeInBrowser('"Translate with Gengo" bulk action in Chromium', () => {
  let w: E2eWorld;
  beforeAll(async () => {
    w = await startE2eWorld('bulk', ADMIN);
    fs.mkdirSync(TEST_SHOTS, { recursive: true });
  }, 180_000);
  afterAll(async () => {
    await w?.stop();
  });

  it('quotes the 3 selected articles, orders fr, follows the batch to 3/3, and the orders page lists them', async () => {
    const { page, server, control } = w;
    await page.goto(`${server.url}${LIST}`);
    await page.getByText('Getting started with our coffee subscription').first().waitFor({ timeout: 60_000 });
    await page
      .getByRole('checkbox', { name: /select all/i })
      .first()
      .click();
    // The content manager renders its bulk bar on the next pointer event after the selection.
    await page.mouse.move(10, 10);
    await page.mouse.move(400, 300);
    await page.getByRole('button', { name: 'Translate with Gengo' }).click();

    const dialog = page.getByTestId('gengo-bulk-dialog');
    await dialog.waitFor({ timeout: 30_000 });
    expect(await dialog.textContent()).toContain('3 entries selected');
    await dialog.getByRole('checkbox', { name: /French/ }).click();
    await page.getByRole('button', { name: 'Get quote' }).click();
    const quote = page.getByTestId('gengo-bulk-quote');
    await quote.waitFor({ timeout: 60_000 });
    expect(await quote.getAttribute('data-documents')).toBe('3');
    expect(await quote.textContent()).toMatch(
      /3 documents to translate.*French: \d+ words · \d+\.\d{2} USD.*Balance: 500\.00 USD/s
    );
    await page.screenshot({ path: path.join(SCREENSHOTS, 'bulk-dialog.png') });

    await page.getByRole('button', { name: 'Order 3 documents' }).click();
    // Confirm the total and the balance after it: only then does the batch start.
    const confirm = page.getByTestId('gengo-confirm-order');
    await confirm.waitFor({ timeout: 30_000 });
    expect(await confirm.getByTestId('gengo-confirm-balance').textContent()).toMatch(
      /^Balance now 500\.00 USD; after this order \d+\.\d{2} USD$/
    );
    expect(await page.getByTestId('gengo-batch').count()).toBe(0);
    await page.getByRole('button', { name: /^Order for \d+\.\d{2} USD$/ }).click();
    const batch = page.getByTestId('gengo-batch');
    await batch.waitFor({ timeout: 30_000 });
    await page.locator('[data-testid="gengo-batch"][data-status="completed"]').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('gengo-batch-counts').textContent()).toBe('Ordered 3 of 3 · Translated 0 of 3');
    expect(await batch.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    await page.screenshot({ path: path.join(TEST_SHOTS, 'bulk-progress.png') });

    // Gengo received the three articles in French.
    const jobs = (await control.jobs()).filter((j: any) => j.lc_tgt === 'fr');
    expect(jobs.length).toBeGreaterThanOrEqual(3);

    await page.getByTestId('gengo-bulk-orders-link').click();
    const rows = page.getByTestId('gengo-order-row');
    await rows.first().waitFor({ timeout: 60_000 });
    expect(await attributes(rows, 'data-locale')).toEqual(['fr', 'fr', 'fr']);
    const batches = page.getByTestId('gengo-batch-row');
    expect(await batches.count()).toBe(1);
    expect(await batches.first().textContent()).toContain('Ordered 3 of 3');
    expect(await batches.first().textContent()).toContain('All ordered');
  }, 300_000);
});
