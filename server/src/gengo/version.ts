import pkg from '../../../package.json';

/** The plugin's version, from package.json (inlined by the build). */
export const PLUGIN_VERSION: string = (pkg as { version: string }).version;

export const APP_NAME = 'strapi-plugin-gengo';

/**
 * The User-Agent Gengo asks integrations to send (best_practices.md, "Provide in-depth headers"):
 * `Gengo <app_name>; Version <app_version>; <your_site_url>;`. The site's URL is reduced to its
 * origin and path (never credentials, a query or a fragment); without a usable one the part is
 * left out. Semicolons and control characters are removed so a field cannot forge another.
 */
export const gengoUserAgent = (opts: { appName?: string; appVersion?: string; siteUrl?: string | null } = {}) => {
  const clean = (v: string) => v.replace(/[;\p{Cc}]/gu, '').trim();
  const parts = [`Gengo ${clean(opts.appName ?? APP_NAME)}`, `Version ${clean(opts.appVersion ?? PLUGIN_VERSION)}`];
  const site = siteOf(opts.siteUrl);
  if (site) parts.push(clean(site));
  return `${parts.join('; ')};`;
};

const siteOf = (url: string | null | undefined): string | null => {
  if (!url) return null;
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    const path = u.pathname === '/' ? '' : u.pathname.replace(/\/+$/, '');
    return `${u.origin}${path}`;
  } catch {
    return null;
  }
};

/** The User-Agent without a site URL. */
export const DEFAULT_USER_AGENT = gengoUserAgent();
