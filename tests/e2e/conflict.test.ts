import path from 'path';
import type { Page } from 'playwright-core';
import { adminToken } from '../helpers/browser';
import { chromiumAvailability } from '../helpers/chromium';
import { REPO_ROOT } from '../helpers/paths';
import { startE2eWorld, type E2eWorld } from '../helpers/e2e-world';
import { pseudoTranslate } from '../../emulator/src';

const ADMIN = { email: 'conflict-admin@example.com', password: 'Conflict-password-2026' };
const ARTICLE = 'api::article.article';
const TITLE = 'How to brew the perfect pour-over';
const SUMMARY = 'A step-by-step recipe for a clean, sweet cup with a paper filter and a kettle.';
const SCREENSHOT = path.join(REPO_ROOT, 'docs', 'screenshots', 'conflict.png');

const { available } = chromiumAvailability();
const describeInBrowser = available ? describe : describe.skip;

/** Issue 18: a person's words in fr are not overwritten; the panel shows both texts and the reviewer decides. */
describeInBrowser('a conflict in the "Translate with Gengo" panel, in Chromium', () => {
  let w: E2eWorld;
  let page: Page;
  let token: string;

  const api = async (method: string, route: string, body?: unknown) => {
    const res = await fetch(`${w.server.url}${route}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as any };
  };

  beforeAll(async () => {
    w = await startE2eWorld('conflict', ADMIN);
    page = w.page;
    token = await adminToken(w.server.url, ADMIN);
  }, 180_000);

  afterAll(async () => {
    await w?.stop();
  });

  it('shows a person’s fr text against the translation, and resolves one field each way', async () => {
    const list = await api('GET', `/content-manager/collection-types/${ARTICLE}?locale=en&pageSize=50`);
    expect(list.status).toBe(200);
    const documentId = list.body.results.find((a: any) => a.title === TITLE).documentId;
    // A person writes the fr title and summary before anyone orders.
    const fr = await api('PUT', `/content-manager/collection-types/${ARTICLE}/${documentId}?locale=fr`, {
      title: 'Le café filtre, à ma façon',
      summary: 'Ma recette à moi, écrite à la main.',
    });
    expect(fr.status).toBe(200);
    const quote = await api('POST', '/gengo/quote', {
      contentType: ARTICLE,
      documentId,
      sourceLocale: 'en',
      targetLocales: ['fr'],
      fields: ['title', 'summary'],
    });
    expect(quote.body.data.locales[0].personText).toEqual(['title', 'summary']);
    const order = await api('POST', '/gengo/orders', {
      contentType: ARTICLE,
      documentId,
      sourceLocale: 'en',
      targetLocales: ['fr'],
      fields: ['title', 'summary'],
    });
    expect(order.status).toBe(200);
    await w.control.flush();
    for (const job of await w.control.jobs()) await w.control.advance(job.job_id, 'approved');

    await page.goto(
      `${w.server.url}/admin/content-manager/collection-types/${ARTICLE}/${documentId}?plugins[i18n][locale]=en`
    );
    const panel = page.getByTestId('gengo-panel');
    await panel.waitFor({ timeout: 60_000 });
    const conflicts = panel.getByTestId('gengo-conflicts');
    const title = conflicts.locator('[data-conflict="title"]');
    const summary = conflicts.locator('[data-conflict="summary"]');
    await title.waitFor({ timeout: 60_000 });
    await summary.waitFor({ timeout: 30_000 });
    expect(await title.getByTestId('gengo-conflict-current').textContent()).toBe('Le café filtre, à ma façon');
    expect(await title.getByTestId('gengo-conflict-translation').textContent()).toBe(pseudoTranslate(TITLE, 'fr'));
    expect(await panel.locator('[data-locale="fr"]').getAttribute('data-status')).toBe('conflict');
    // The panel is taller than the window with two conflicts, and the edit view scrolls inside
    // its own container: an element screenshot then captures the wrong region. A window tall
    // enough holds the whole panel.
    await page.setViewportSize({ width: 1440, height: 2000 });
    await panel.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: SCREENSHOT });
    await page.setViewportSize({ width: 1440, height: 1100 });

    // The review view shows them too, with both texts: keep the person's title there.
    await panel.getByTestId('gengo-review-fr').click();
    const review = page.getByTestId('gengo-review-modal');
    const inReview = review.locator('[data-conflict="title"]');
    await inReview.waitFor({ timeout: 30_000 });
    expect(await inReview.getByTestId('gengo-conflict-current').textContent()).toBe('Le café filtre, à ma façon');
    expect(await inReview.getByTestId('gengo-conflict-translation').textContent()).toBe(pseudoTranslate(TITLE, 'fr'));
    expect(await review.locator('[data-testid="gengo-field"][data-field="title"]').getAttribute('data-status')).toBe(
      'conflict'
    );
    await inReview.getByRole('button', { name: "Keep the person's text" }).click();
    await inReview.waitFor({ state: 'detached', timeout: 30_000 });
    await page.getByRole('button', { name: 'Close' }).first().click();
    await title.waitFor({ state: 'detached', timeout: 30_000 });

    // Take the translation for the summary, from the panel.
    await summary.getByRole('button', { name: 'Take the translation' }).click();
    await summary.waitFor({ state: 'detached', timeout: 30_000 });
    await panel.locator('[data-locale="fr"][data-status="approved"]').waitFor({ timeout: 30_000 });

    const after = await api('GET', `/content-manager/collection-types/${ARTICLE}/${documentId}?locale=fr`);
    expect(after.body.data.title).toBe('Le café filtre, à ma façon');
    expect(after.body.data.summary).toBe(pseudoTranslate(SUMMARY, 'fr'));
    const orders = await api('GET', `/gengo/orders?documentId=${documentId}`);
    expect(orders.body.data[0].status).toBe('completed');
  }, 240_000);
});
