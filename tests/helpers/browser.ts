import type { Page } from 'playwright-core';

/** Logs in on the admin's login page and waits for the admin home. */
export const loginInBrowser = async (page: Page, url: string, admin: { email: string; password: string }) => {
  // Strapi's guided tour for new admins opens a dialog over the page when it has loaded, which
  // intercepts clicks some runs and not others: a seeded admin has seen it.
  const tourOff = JSON.stringify({ enabled: false, hidden: true, completedActions: [] });
  await page.addInitScript({ content: `localStorage.setItem('STRAPI_GUIDED_TOUR', ${JSON.stringify(tourOff)});` });
  await page.goto(`${url}/admin`);
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Login' }).click();
  await page
    .getByRole('link', { name: /Content Manager/i })
    .first()
    .waitFor({ timeout: 60_000 });
  // Strapi 5.54 announces its new media library in a banner over every page: screenshots show ours.
  await page
    .getByRole('button', { name: /Close the banner/i })
    .click({ timeout: 5_000 })
    .catch(() => {});
};

/** An admin JWT through the real login route, for setting things up over HTTP. */
export const adminToken = async (url: string, admin: { email: string; password: string }): Promise<string> => {
  const res = await fetch(`${url}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(admin),
  });
  if (!res.ok) throw new Error(`admin login failed: ${res.status}`);
  const body: any = await res.json();
  return body.data.token;
};
