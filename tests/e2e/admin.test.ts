import fs from 'fs';
import path from 'path';
import type { Page } from 'playwright-core';
import { chromiumAvailability } from '../helpers/chromium';
import { REPO_ROOT } from '../helpers/paths';
import { adminToken, loginInBrowser } from '../helpers/browser';
import { startE2eWorld, type E2eWorld } from '../helpers/e2e-world';

const SCREENSHOTS = path.join(REPO_ROOT, 'tests', 'e2e', 'screenshots');
const README_SHOTS = path.join(REPO_ROOT, 'docs', 'screenshots');
const ARTICLE = 'api::article.article';
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

  it('shows the setup checklist with what to fix while nothing is configured', async () => {
    await page.goto(`${server.url}/admin/settings/gengo`);
    const summary = page.getByTestId('setup-summary');
    await summary.waitFor({ timeout: 60_000 });
    // No keys and no public URL yet: those items are red, each with what to change.
    expect(await summary.textContent()).toMatch(/items? needs? your attention/);
    for (const id of ['keys', 'public-url', 'callback-url']) {
      const item = page.getByTestId(`setup-check-${id}`);
      expect(await item.getAttribute('data-ok')).toBe('false');
      expect(await item.textContent()).toContain('To fix:');
    }
    // What the playground sets up right is green from the start.
    for (const id of ['cron', 'encryption-key', 'body-limit'])
      expect(await page.getByTestId(`setup-check-${id}`).getAttribute('data-ok')).toBe('true');
    await page.getByTestId('setup-checklist').screenshot({ path: path.join(SCREENSHOTS, 'setup-checklist-todo.png') });
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
    await page.screenshot({ path: path.join(README_SHOTS, 'settings.png'), fullPage: true });

    await page.reload();
    await page.locator('input[name="publicKey"]').waitFor({ timeout: 60_000 });
    expect(await page.locator('input[name="publicKey"]').inputValue()).toBe('e2e-public');
    expect(await page.locator('input[name="privateKey"]').inputValue()).toBe('');
    await page.getByText('A private key is set.').first().waitFor();
    expect(await page.content()).not.toContain('e2e-private');
  }, 180_000);

  it('turns the setup checklist all green once the keys and the public URL are saved', async () => {
    await page.goto(`${server.url}/admin/settings/gengo`);
    const publicUrl = page.locator('input[name="publicUrl"]');
    await publicUrl.waitFor({ timeout: 60_000 });
    // Gengo (the emulator) runs on this machine, so this machine's address is one it reaches.
    await publicUrl.fill(server.url);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Settings saved').first().waitFor({ timeout: 30_000 });
    // No "Check again": the checklist asks again on its own after Save.
    const summary = page.getByTestId('setup-summary');
    await page.getByText('Everything is set up.').waitFor({ timeout: 30_000 });
    expect(await summary.textContent()).toBe('Everything is set up.');
    const items = page.locator('[data-testid^="setup-check-"]');
    expect(await items.count()).toBe(6);
    for (const ok of await items.evaluateAll((els) => els.map((e) => (e as any).getAttribute('data-ok'))))
      expect(ok).toBe('true');
    expect(await page.getByTestId('setup-check-keys').textContent()).toContain('balance 321');
    await page.getByTestId('setup-checklist').screenshot({ path: path.join(SCREENSHOTS, 'setup-checklist-ok.png') });

    // The README shows both states side by side, the one with something to do first.
    const sheet = await world.browser.newPage();
    const img = (file: string) =>
      `data:image/png;base64,${fs.readFileSync(path.join(SCREENSHOTS, file)).toString('base64')}`;
    // Each at its own size (1040 px wide), side by side.
    await sheet.setViewportSize({ width: 2128, height: 400 });
    await sheet.setContent(
      `<body style="margin:0;padding:16px;background:#f6f6f9;display:flex;gap:16px;align-items:flex-start">` +
        `<img src="${img('setup-checklist-todo.png')}"><img src="${img('setup-checklist-ok.png')}"></body>`
    );
    fs.mkdirSync(README_SHOTS, { recursive: true });
    await sheet.screenshot({ path: path.join(README_SHOTS, 'setup-checklist.png'), fullPage: true });
    await sheet.close();
    expect(fs.statSync(path.join(README_SHOTS, 'setup-checklist.png')).size).toBeGreaterThan(20_000);
  }, 120_000);

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

  it('shows a "Translations" column in the articles list, a badge per locale, and narrows it to "Needs review"', async () => {
    const token = await adminToken(server.url, ADMIN);
    const api = async (method: string, url: string, body?: unknown) => {
      const res = await fetch(`${server.url}${url}`, {
        method,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      expect([url, res.status]).toEqual([url, 200]);
      return ((await res.json()) as any).data;
    };
    const listUrl = `/content-manager/collection-types/${ARTICLE}?locale=en&sort=title:ASC&pageSize=10`;
    const listed: any = await fetch(`${server.url}${listUrl}`, { headers: { authorization: `Bearer ${token}` } }).then(
      (r) => r.json()
    );
    const [first, second] = listed.results as Array<{ documentId: string; title: string }>;
    const order = async (documentId: string, targetLocales: string[]) =>
      (await api('POST', '/gengo/orders', { contentType: ARTICLE, documentId, targetLocales, fields: ['title'] }))
        .orders as Array<{ reference: string; targetLocale: string }>;
    const toReview = await order(first.documentId, ['fr', 'de']);
    const [done] = await order(second.documentId, ['fr']);
    await world.control.flush();
    const advance = async (reference: string, status: 'reviewable' | 'approved') => {
      for (const job of await world.control.jobs())
        if (String((job as any).custom_data ?? '').includes(reference)) await world.control.advance(job.job_id, status);
    };
    await advance(toReview.find((o) => o.targetLocale === 'fr')!.reference, 'reviewable');
    await advance(done.reference, 'approved');
    // The callbacks reach the site (its public URL is set above): wait for the states they bring.
    const query = `contentType=${ARTICLE}&documentIds=${first.documentId},${second.documentId}&locale=en`;
    for (let i = 0; ; i++) {
      const { documents } = await api('GET', `/gengo/document-statuses?${query}`);
      if (documents[first.documentId].fr === 'awaiting-review' && documents[second.documentId].fr === 'up-to-date')
        break;
      if (i > 100) throw new Error(`states not reached: ${JSON.stringify(documents)}`);
      await new Promise((r) => setTimeout(r, 200));
    }

    // Wide enough for the list's columns, "Available in" and the badges included.
    await page.setViewportSize({ width: 2048, height: 700 });
    const statusRequests: string[] = [];
    const countStatuses = (req: { url(): string }) => {
      if (req.url().includes('/gengo/document-statuses')) statusRequests.push(req.url());
    };
    page.on('request', countStatuses);
    await page.goto(
      `${server.url}/admin/content-manager/collection-types/${ARTICLE}?plugins[i18n][locale]=en&sort=title:ASC&page=1&pageSize=10`
    );
    // The content manager's header cells are grid cells, not column headers.
    await page.locator('thead th', { hasText: 'Translations' }).waitFor({ timeout: 60_000 });
    const row = (title: string) => page.getByRole('row').filter({ hasText: title });
    const badges = (title: string) => row(title).locator('[data-locale]');
    await badges(first.title).first().waitFor({ timeout: 30_000 });
    // One badge per target locale (en, the listed one, is the source), in words, the name on it.
    expect(
      await badges(first.title).evaluateAll((els) => els.map((e) => (e as any).getAttribute('data-locale')))
    ).toEqual(['fr', 'de', 'ja', 'zh-Hans', 'pt-BR']);
    expect(await badges(first.title).first().textContent()).toBe('fr · Awaiting review');
    expect(await badges(first.title).first().getAttribute('aria-label')).toBe('French (fr): Awaiting review');
    expect(await badges(first.title).nth(1).textContent()).toBe('de · In progress');
    expect(await badges(second.title).first().textContent()).toBe('fr · Up to date');
    expect(await badges(second.title).nth(1).textContent()).toBe('de · Missing');
    // The page's three rows cost one request, naming the three entries.
    page.off('request', countStatuses);
    expect(statusRequests).toHaveLength(1);
    expect(decodeURIComponent(statusRequests[0])).toContain(first.documentId);
    await page.locator('main').screenshot({ path: path.join(README_SHOTS, 'list-column.png') });

    // "Needs review": the list narrows to the entry with a translation awaiting review, and back.
    const rowsShown = () => page.locator('tbody tr').count();
    expect(await rowsShown()).toBeGreaterThan(2);
    await page.getByTestId('gengo-needs-review').click();
    await page.getByRole('button', { name: 'Show all entries' }).waitFor({ timeout: 30_000 });
    await page.waitForFunction("document.querySelectorAll('tbody tr').length === 1", null, { timeout: 30_000 });
    expect(await row(first.title).count()).toBe(1);
    expect(decodeURIComponent(page.url())).toContain(`[documentId][$in][0]=${first.documentId}`);
    await page.getByRole('button', { name: 'Show all entries' }).click();
    await page.waitForFunction("document.querySelectorAll('tbody tr').length > 2", null, { timeout: 30_000 });
    await page.setViewportSize({ width: 1440, height: 1100 });
  }, 180_000);
});
