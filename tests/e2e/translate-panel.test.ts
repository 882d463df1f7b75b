import fs from 'fs';
import path from 'path';
import type { Locator, Page } from 'playwright-core';
import { chromiumAvailability } from '../helpers/chromium';
import { REPO_ROOT } from '../helpers/paths';
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

  beforeAll(async () => {
    w = await startE2eWorld('panel', ADMIN);
    ({ server, control, page } = w);
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

  it('approves the fr jobs from the panel, and the orders page lists the orders', async () => {
    // Back to the source locale, where the panel is.
    await page.goto(page.url().replace(/plugins\[i18n\]\[locale\]=fr/, 'plugins[i18n][locale]=en'));
    const panel = page.getByTestId('gengo-panel');
    await panel.waitFor({ timeout: 60_000 });
    const status = page.getByTestId('gengo-status');
    await status.locator('[data-locale="fr"][data-status="awaiting-review"]').waitFor({ timeout: 60_000 });

    await panel.getByTestId('gengo-review-fr').click();
    const modal = page.getByTestId('gengo-review-modal');
    await modal.waitFor({ timeout: 30_000 });
    const reviewable = modal.locator('[data-testid="gengo-job"][data-status="reviewable"]');
    const count = await reviewable.count();
    expect(count).toBeGreaterThan(0);
    // The translators' texts with our markup put back: no marker of ours left on screen.
    await modal.locator('[data-testid="gengo-job-text"][data-restored="true"]').first().waitFor({ timeout: 30_000 });
    await modal
      .locator('[data-testid="gengo-job-text"][data-restored="pending"]')
      .first()
      .waitFor({ state: 'detached', timeout: 30_000 });
    expect(await modal.locator('[data-testid="gengo-restore-warning"]').count()).toBe(0);
    expect(await modal.textContent()).not.toMatch(/\[\[\[<\/?\d+\/?>\]\]\]/);

    // The first job with the approve form filled in (feedback for the translator), for the screenshot.
    const first = reviewable.first();
    const firstId = await first.getAttribute('data-job');
    await first.getByRole('button', { name: 'Approve', exact: true }).click();
    const form = first.getByTestId('gengo-approve-form');
    await form.waitFor();
    await form.getByLabel('Feedback for the translator').fill('Thank you, reads naturally.');
    await form.getByRole('checkbox', { name: /share this translation publicly/ }).click();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'review.png') });
    await form.getByRole('button', { name: 'Approve translation' }).click();
    await modal.locator(`[data-job="${firstId}"][data-status="approved"]`).waitFor({ timeout: 30_000 });

    // The rest at once.
    if (count > 1) {
      await page.getByRole('button', { name: `Approve all (${count - 1})` }).click();
      await reviewable.first().waitFor({ state: 'detached', timeout: 60_000 });
    }
    const approvedAtGengo = (await control.jobs()).filter((j: any) => j.lc_tgt === 'fr' && j.status === 'approved');
    expect(approvedAtGengo.length).toBe(count);

    await page.getByRole('button', { name: 'Close' }).first().click();
    await status.locator('[data-locale="fr"][data-status="approved"]').waitFor({ timeout: 60_000 });
    expect(await status.locator('[data-locale="de"]').getAttribute('data-status')).toBe('awaiting-review');

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
    await page.screenshot({ path: path.join(SCREENSHOTS, 'orders-page.png'), fullPage: true });

    // The drill-down: the fr order's jobs, each approved.
    await page.locator('[data-testid="gengo-order-row"][data-locale="fr"]').getByTestId('gengo-order-jobs').click();
    const jobs = page.getByTestId('gengo-order-job');
    await jobs.first().waitFor({ timeout: 30_000 });
    expect(await jobs.count()).toBe(count);
    expect(new Set(await attributes(jobs, 'data-status'))).toEqual(new Set(['approved']));
    const jobsTable = (await page.getByTestId('gengo-order-jobs-table').textContent()) ?? '';
    expect(jobsTable).toContain('title');
    // Units and credits per translation, as Gengo gave them: no "—" left for an approved job.
    const cells = await page.locator('[data-testid="gengo-order-job"] td').allTextContents();
    expect(cells.filter((c) => /^\d+ words?$/.test(c.trim()))).toHaveLength(count);
    expect(cells.filter((c) => /^\d+\.\d{2} USD$/.test(c.trim()))).toHaveLength(count);
    await page.getByRole('button', { name: 'Close' }).first().click();

    // The entry link opens the entry's edit view.
    await rows.first().getByRole('link').click();
    await page.getByTestId('gengo-panel').waitFor({ timeout: 60_000 });
    expect(page.url()).toContain('plugins[i18n][locale]=en');
  }, 240_000);

  it('requests a revision, reads the machine preview, comments and rejects de jobs with the captcha', async () => {
    await page.goto(page.url().replace(/plugins\[i18n\]\[locale\]=\w+/, 'plugins[i18n][locale]=en'));
    const panel = page.getByTestId('gengo-panel');
    await panel.waitFor({ timeout: 60_000 });
    await panel.getByTestId('gengo-review-de').click();
    const modal = page.locator('[data-testid="gengo-review-modal"][data-locale="de"]');
    await modal.waitFor({ timeout: 30_000 });
    const ids = (await attributes(
      modal.locator('[data-testid="gengo-job"][data-status="reviewable"]'),
      'data-job'
    )) as string[];
    expect(ids.length).toBeGreaterThanOrEqual(3);
    const card = (id: string) => modal.locator(`[data-testid="gengo-job"][data-job="${id}"]`);
    const gengoJob = async (id: string) => {
      const gengoId = await card(id).getAttribute('data-gengo-job');
      return (await control.jobs()).find((j) => String(j.job_id) === gengoId)!;
    };

    // Revision: the comment is required; the job goes back to the translator, whose work can be previewed.
    const a = card(ids[0]);
    await a.getByRole('button', { name: 'Request revision' }).click();
    const send = a.getByRole('button', { name: 'Send revision request' });
    expect(await send.isDisabled()).toBe(true);
    await a.getByLabel('What should the translator change?').fill('Please use "Kaffee-Abo" for subscription.');
    await send.click();
    await modal.locator(`[data-job="${ids[0]}"][data-status="revising"]`).waitFor({ timeout: 30_000 });
    expect((await gengoJob(ids[0])).status).toBe('revising');
    await a.getByRole('button', { name: 'Machine preview' }).click();
    await a.getByTestId('gengo-machine-preview').waitFor({ timeout: 30_000 });

    // The comment thread.
    const b = card(ids[1]);
    await b.getByRole('button', { name: 'Comments' }).click();
    await b.getByTestId('gengo-comments').waitFor({ timeout: 30_000 });
    await b.getByLabel('New comment').fill('Is "Abo" fine for a German audience?');
    await b.getByRole('button', { name: 'Post comment' }).click();
    // In the thread (a <p>), not just in the textarea.
    await b
      .getByTestId('gengo-comments')
      .locator('p', { hasText: 'Is "Abo" fine for a German audience?' })
      .waitFor({ timeout: 30_000 });
    expect(await b.getByLabel('New comment').inputValue()).toBe('');
    expect((await gengoJob(ids[1])).comments.map((m) => m.body)).toContain('Is "Abo" fine for a German audience?');

    // Reject: a wrong captcha is refused and a new one shown; the right one rejects.
    const c = card(ids[2]);
    await c.getByRole('button', { name: 'Reject', exact: true }).click();
    // Through our origin (GET /gengo/jobs/:id/captcha as a blob): the admin's CSP blocks Gengo's host.
    const captcha = c.getByRole('img', { name: 'Captcha' });
    await captcha.waitFor({ timeout: 30_000 });
    expect(await captcha.getAttribute('src')).toMatch(/^blob:/);
    // Decoded: an image the browser refused (CSP) or could not read would have no width.
    await page.waitForFunction((el: any) => el.complete && el.naturalWidth > 0, await captcha.elementHandle(), {
      timeout: 30_000,
    });
    await c.getByLabel(/^Comment/).fill('Half of the text is missing.');
    await c.getByLabel('Text in the image').fill('WRONG');
    await c.getByRole('button', { name: 'Reject translation' }).click();
    await c.getByTestId('gengo-review-error').waitFor({ timeout: 30_000 });
    expect(await c.getByTestId('gengo-review-error').textContent()).toMatch(/captcha/i);
    await c.getByLabel('Text in the image').fill((await gengoJob(ids[2])).captcha);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'review-reject.png') });
    await c.getByRole('button', { name: 'Reject translation' }).click();
    await modal.locator(`[data-job="${ids[2]}"][data-status="rejected"]`).waitFor({ timeout: 30_000 });
    expect((await gengoJob(ids[2])).status).toBe('rejected');
  }, 240_000);
});
