import fs from 'fs';
import path from 'path';
import type { Locator, Page } from 'playwright-core';
import { chromiumAvailability } from '../helpers/chromium';
import { REPO_ROOT } from '../helpers/paths';
import { adminToken } from '../helpers/browser';
import { startE2eWorld, type E2eWorld } from '../helpers/e2e-world';
import { pseudoTranslate } from '../../emulator/src';

const SCREENSHOTS = path.join(REPO_ROOT, 'tests', 'e2e', 'screenshots');
const DOCS_SCREENSHOTS = path.join(REPO_ROOT, 'docs', 'screenshots');
const ADMIN = { email: 'panel-admin@example.com', password: 'Panel-password-2026' };
const TITLE = 'Getting started with our coffee subscription';

const { available } = chromiumAvailability();

/** One attribute of every element a locator matches. */
const attributes = async (locator: Locator, name: string) => {
  const out: Array<string | null> = [];
  for (let i = 0, n = await locator.count(); i < n; i += 1) out.push(await locator.nth(i).getAttribute(name));
  return out;
};
const describeInBrowser = available ? describe : describe.skip;

describeInBrowser('"Translate with Gengo" panel in Chromium', () => {
  let w: E2eWorld;
  let server: E2eWorld['server'];
  let control: E2eWorld['control'];
  let page: Page;
  let token: string;
  let documentId: string;
  /** Milliseconds of each review step in the browser (printed). */
  const timings: Record<string, number> = {};
  /** An admin API answer (what the view loads), to find the Gengo jobs of a field. */
  const fetchJson = async (route: string) => {
    const res = await fetch(`${server.url}${route}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    return (await res.json()) as any;
  };

  beforeAll(async () => {
    w = await startE2eWorld('panel', ADMIN);
    ({ server, control, page } = w);
    token = await adminToken(server.url, ADMIN);
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await w?.stop();
  });

  it('quotes and orders fr and de, shows each status, and the fr version gets the translation', async () => {
    await page.goto(
      `${server.url}/admin/content-manager/collection-types/api::article.article?plugins[i18n][locale]=en`
    );
    await page.getByText(TITLE).first().click();
    const panel = page.getByTestId('gengo-panel');
    await panel.waitFor({ timeout: 60_000 });
    documentId = /api::article\.article\/([^/?]+)/.exec(page.url())![1];
    await expect(page.getByText('Translate with Gengo').first().isVisible()).resolves.toBe(true);

    await panel.getByRole('checkbox', { name: /French/ }).click();
    await panel.getByRole('checkbox', { name: /German/ }).click();
    await panel.getByRole('button', { name: 'Get quote' }).click();
    const quote = page.getByTestId('gengo-quote');
    await quote.waitFor({ timeout: 30_000 });
    const quoteText = await quote.textContent();
    expect(quoteText).toMatch(/French: \d+ words · \d+\.\d{2} USD · expected by /);
    expect(quoteText).toMatch(/German: \d+ words · \d+\.\d{2} USD · expected by /);
    expect(quoteText).toContain('Balance: 500.00 USD');

    // Ordering spends money: the total and the balance after it are confirmed first, and nothing
    // reaches Gengo before that.
    const posted: string[] = [];
    const watch = (req: any) => {
      if (req.method() === 'POST' && req.url().includes('/gengo/orders')) posted.push(req.url());
    };
    page.on('request', watch);
    await panel.getByRole('button', { name: 'Order', exact: true }).click();
    const confirm = page.getByTestId('gengo-confirm-order');
    await confirm.waitFor({ timeout: 30_000 });
    expect(await confirm.getByTestId('gengo-confirm-total').textContent()).toMatch(
      /^Total: \d+\.\d{2} USD in Gengo credits$/
    );
    expect(await confirm.getByTestId('gengo-confirm-balance').textContent()).toMatch(
      /^Balance now 500\.00 USD; after this order \d+\.\d{2} USD$/
    );
    expect(posted).toEqual([]);
    fs.mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
    // The dialog fades in: shoot it once it is fully there.
    await page.waitForTimeout(600);
    await page.screenshot({ path: path.join(DOCS_SCREENSHOTS, 'confirm-order.png') });
    await page.getByRole('button', { name: /^Order for \d+\.\d{2} USD$/ }).click();
    await page
      .getByText(/^Translation ordered: \d+\.\d{2} USD in Gengo credits$/)
      .first()
      .waitFor({ timeout: 30_000 });
    page.off('request', watch);
    expect(posted).toHaveLength(1);
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

  it('reviews fr field by field: "Title" with its source beside the translation, approve one field, revise another', async () => {
    // Back to the source locale, where the panel is.
    await page.goto(page.url().replace(/plugins\[i18n\]\[locale\]=fr/, 'plugins[i18n][locale]=en'));
    const panel = page.getByTestId('gengo-panel');
    await panel.waitFor({ timeout: 60_000 });
    const status = page.getByTestId('gengo-status');
    await status.locator('[data-locale="fr"][data-status="awaiting-review"]').waitFor({ timeout: 60_000 });

    const opened = Date.now();
    await panel.getByTestId('gengo-review-fr').click();
    const modal = page.getByTestId('gengo-review-modal');
    await modal.waitFor({ timeout: 30_000 });
    const title = modal.locator('[data-testid="gengo-field"][data-field="title"]');
    await title.waitFor({ timeout: 30_000 });
    timings.openReview = Date.now() - opened;
    // One card per field, named as the content manager names it; no segment keys, no markers.
    expect(await title.getByTestId('gengo-field-label').textContent()).toBe('Title');
    const labels = await modal.getByTestId('gengo-field-label').allTextContents();
    expect(labels).toEqual(expect.arrayContaining(['Title', 'Summary', 'Body', 'Content', 'Seo › Meta title']));
    expect(labels.some((l) => /^Sections › Hero › /.test(l))).toBe(true);
    expect(await modal.textContent()).not.toMatch(/\[\[\[<\/?\d+\/?>\]\]\]|Job \d+ · s\d/);
    expect(await title.getByTestId('gengo-source').textContent()).toBe(TITLE);
    expect(await title.getByTestId('gengo-translation').textContent()).toBe(pseudoTranslate(TITLE, 'fr'));
    // The body's markdown shown readably: its link address is a kept part, the same on both sides.
    const body = modal.locator('[data-testid="gengo-field"][data-field="body"]');
    const keptSource = await body.getByTestId('gengo-source').locator('[data-kept="true"]').allTextContents();
    const keptTarget = await body.getByTestId('gengo-translation').locator('[data-kept="true"]').allTextContents();
    expect(keptSource.join('')).toContain('https://example.com/guides/roasts');
    expect(keptTarget.sort()).toEqual(keptSource.sort());
    // The plugin's one status vocabulary, and units named as Gengo counts an English source: words.
    expect(await title.getByText('Awaiting review').count()).toBe(1);
    expect(await title.getByTestId('gengo-field-units').textContent()).toMatch(/^\d+ words$/);
    await page.screenshot({ path: path.join(REPO_ROOT, 'docs', 'screenshots', 'review-view.png') });

    const fieldJobs = async (key: string) => {
      const review = await fetchJson(
        `/gengo/review?contentType=api::article.article&documentId=${documentId}&locale=fr`
      );
      return review.data.fields.find((f: any) => f.key === key).jobs.map((j: any) => String(j.gengoJobId));
    };
    const atGengo = async (ids: string[]) =>
      (await control.jobs()).filter((j) => ids.includes(String(j.job_id))).map((j) => j.status);

    // Approve the title as a field.
    let started = Date.now();
    await title.getByRole('button', { name: 'Approve', exact: true }).click();
    await modal.locator('[data-field="title"][data-status="approved"]').waitFor({ timeout: 30_000 });
    timings.approveField = Date.now() - started;
    expect(await atGengo(await fieldJobs('title'))).toEqual(['approved']);

    // Request changes on the summary, naming it.
    const summary = modal.locator('[data-testid="gengo-field"][data-field="summary"]');
    started = Date.now();
    await summary.getByRole('button', { name: 'Request changes' }).click();
    const send = summary.getByRole('button', { name: 'Send revision request' });
    expect(await send.isDisabled()).toBe(true);
    await summary.getByLabel('What should the translator change?').fill('Please say "abonnement café".');
    await send.click();
    await modal.locator('[data-field="summary"][data-status="revising"]').waitFor({ timeout: 30_000 });
    timings.reviseField = Date.now() - started;
    expect(await atGengo(await fieldJobs('summary'))).toEqual(['revising']);
    // Every other field still waits: one field was acted on, not the locale.
    expect(await atGengo(await fieldJobs('seo.metaTitle'))).toEqual(['reviewable']);

    // The rest at once, with the footer's "Approve all".
    started = Date.now();
    await page.getByRole('button', { name: /^Approve all \(\d+ fields?\)$/ }).click();
    await modal
      .locator('[data-testid="gengo-field"][data-status="reviewable"]')
      .first()
      .waitFor({ state: 'detached', timeout: 60_000 });
    timings.approveAll = Date.now() - started;
    const fr = (await control.jobs()).filter((j: any) => j.lc_tgt === 'fr');
    expect(new Set(fr.map((j) => j.status))).toEqual(new Set(['approved', 'revising']));

    await page.getByRole('button', { name: 'Close' }).first().click();
    await status.locator('[data-locale="fr"]:not([data-status="awaiting-review"])').waitFor({ timeout: 60_000 });
    expect(await status.locator('[data-locale="de"]').getAttribute('data-status')).toBe('awaiting-review');
    console.log(`review steps in Chromium (ms): ${JSON.stringify(timings)}`);
  }, 240_000);

  it('the orders page lists the orders', async () => {
    // The orders page, from the plugin's menu link.
    await page.goto(`${server.url}/admin/plugins/gengo`);
    const rows = page.getByTestId('gengo-order-row');
    await rows.first().waitFor({ timeout: 60_000 });
    expect(await rows.count()).toBe(2);
    expect((await attributes(rows, 'data-locale')).sort()).toEqual(['de', 'fr']);
    const table = await page.getByTestId('gengo-orders-table').textContent();
    expect(table).toContain('English → French');
    expect(table).toContain('English → German');
    expect(table).toContain(TITLE);
    await expect(
      page
        .getByText(/Gengo credits: balance \d+\.\d{2} USD · spent \d+\.\d{2} USD/)
        .first()
        .isVisible()
    ).resolves.toBe(true);
    await page.screenshot({ path: path.join(DOCS_SCREENSHOTS, 'orders-page.png'), fullPage: true });

    // The drill-down: the fr order's jobs, each approved.
    await page.locator('[data-testid="gengo-order-row"][data-locale="fr"]').getByTestId('gengo-order-jobs').click();
    const jobs = page.getByTestId('gengo-order-job');
    await jobs.first().waitFor({ timeout: 30_000 });
    const frJobs = (await control.jobs()).filter((j: any) => j.lc_tgt === 'fr');
    expect(await jobs.count()).toBe(frJobs.length);
    expect(new Set(await attributes(jobs, 'data-status'))).toEqual(new Set(['approved', 'revising']));
    expect(await page.getByTestId('gengo-order-jobs-table').textContent()).toContain('title');
    // Units and credits per translation, as Gengo gave them: no "—" left.
    const cells = await page.locator('[data-testid="gengo-order-job"] td').allTextContents();
    expect(cells.filter((c) => /^\d+ words?$/.test(c.trim()))).toHaveLength(frJobs.length);
    expect(cells.filter((c) => /^\d+\.\d{2} USD$/.test(c.trim()))).toHaveLength(frJobs.length);
    await page.getByRole('button', { name: 'Close' }).first().click();

    // The entry link opens the entry's edit view.
    await rows.first().getByRole('link').click();
    await page.getByTestId('gengo-panel').waitFor({ timeout: 60_000 });
    expect(page.url()).toContain('plugins[i18n][locale]=en');
  }, 240_000);

  it('in the de review: comments, a revision and its machine preview, and a field rejected with the captcha', async () => {
    await page.goto(page.url().replace(/plugins\[i18n\]\[locale\]=\w+/, 'plugins[i18n][locale]=en'));
    const panel = page.getByTestId('gengo-panel');
    await panel.waitFor({ timeout: 60_000 });
    await panel.getByTestId('gengo-review-de').click();
    const modal = page.locator('[data-testid="gengo-review-modal"][data-locale="de"]');
    await modal.waitFor({ timeout: 30_000 });
    const card = (key: string) => modal.locator(`[data-testid="gengo-field"][data-field="${key}"]`);
    await card('title').waitFor({ timeout: 30_000 });
    const gengoJobOf = async (key: string) => {
      const review = await fetchJson(
        `/gengo/review?contentType=api::article.article&documentId=${documentId}&locale=de`
      );
      const [job] = review.data.fields.find((f: any) => f.key === key).jobs;
      return (await control.jobs()).find((j) => String(j.job_id) === String(job.gengoJobId))!;
    };

    // Revision: the reason is required; the field goes back to the translator, whose work can be previewed.
    const summary = card('summary');
    await summary.getByRole('button', { name: 'Request changes' }).click();
    await summary.getByLabel('What should the translator change?').fill('Please use "Kaffee-Abo" for subscription.');
    await summary.getByRole('button', { name: 'Send revision request' }).click();
    await modal.locator('[data-field="summary"][data-status="revising"]').waitFor({ timeout: 30_000 });
    expect((await gengoJobOf('summary')).status).toBe('revising');
    await summary.getByRole('button', { name: 'Machine preview' }).click();
    await summary.getByTestId('gengo-machine-preview').waitFor({ timeout: 30_000 });

    // The translator's thread, in the same view.
    const title = card('title');
    await title.getByRole('button', { name: /^Comments \(\d+\)$/ }).click();
    await title.getByTestId('gengo-comments').waitFor({ timeout: 30_000 });
    await title.getByLabel('New comment').fill('Is "Abo" fine for a German audience?');
    await title.getByRole('button', { name: 'Post comment' }).click();
    await title
      .getByTestId('gengo-comments')
      .locator('p', { hasText: 'Is "Abo" fine for a German audience?' })
      .waitFor({ timeout: 30_000 });
    expect(await title.getByLabel('New comment').inputValue()).toBe('');
    expect((await gengoJobOf('title')).comments.map((m) => m.body)).toContain('Is "Abo" fine for a German audience?');

    // Reject the meta title: a wrong captcha is refused and a new one shown; the right one rejects and reopens.
    const meta = card('seo.metaTitle');
    await meta.getByRole('button', { name: 'Reject', exact: true }).click();
    // Through our origin (GET /gengo/jobs/:id/captcha as a blob): the admin's CSP blocks Gengo's host.
    const captcha = meta.getByRole('img', { name: 'Captcha' });
    await captcha.waitFor({ timeout: 30_000 });
    expect(await captcha.getAttribute('src')).toMatch(/^blob:/);
    // Decoded: an image the browser refused (CSP) or could not read would have no width.
    await page.waitForFunction((el: any) => el.complete && el.naturalWidth > 0, await captcha.elementHandle(), {
      timeout: 30_000,
    });
    await meta.getByLabel(/^Comment/).fill('Half of the text is missing.');
    await meta.getByLabel('Text in the image').fill('WRONG');
    const firstImage = await captcha.getAttribute('src');
    await meta.getByRole('button', { name: 'Reject and reopen' }).click();
    await meta.getByTestId('gengo-review-error').waitFor({ timeout: 30_000 });
    expect(await meta.getByTestId('gengo-review-error').textContent()).toMatch(/captcha/i);
    // Gengo issued a new captcha: its image replaces the old one, and the answer given is cleared.
    await page.waitForFunction(
      ([el, before]: any) => el.src !== before && el.complete && el.naturalWidth > 0,
      [await captcha.elementHandle(), firstImage],
      { timeout: 30_000 }
    );
    expect(await meta.getByLabel('Text in the image').inputValue()).toBe('');
    await meta.getByLabel('Text in the image').fill((await gengoJobOf('seo.metaTitle')).captcha);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'review-reject.png') });
    await meta.getByRole('button', { name: 'Reject and reopen' }).click();
    await modal.locator('[data-field="seo.metaTitle"]:not([data-status="reviewable"])').waitFor({ timeout: 30_000 });
    expect(['rejected', 'available']).toContain((await gengoJobOf('seo.metaTitle')).status);
  }, 240_000);
});
