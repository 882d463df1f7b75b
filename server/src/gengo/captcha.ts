import axios from 'axios';

/**
 * Fetches a job's captcha image (the `captcha_url` Gengo answered for that job) on the server, so
 * the admin can show it from its own origin: Strapi's default CSP blocks images from Gengo's host.
 * Only the captcha host of the configured API is fetched (`captchaHostAllowed`), no redirect is
 * followed, and only an image of bounded size is passed on: a job's answer cannot turn the proxy
 * into a way to reach another host (an internal one) from the server.
 */
export interface CaptchaImage {
  contentType: string;
  body: Buffer;
}

export class CaptchaFetchError extends Error {}

const MAX_BYTES = 512 * 1024;

/** Gengo's API hosts → the site whose hosts may serve that environment's captchas. */
const GENGO_CAPTCHA_SITES: Record<string, string> = {
  'api.gengo.com': 'gengo.com',
  'api.sandbox.gengo.com': 'sandbox.gengo.com',
};

/**
 * Whether a captcha URL is on the captcha host of the API at `apiBaseUrl`: for Gengo's production
 * and sandbox APIs, an https host of that Gengo site (gengo.com, *.gengo.com; sandbox.gengo.com,
 * *.sandbox.gengo.com); for a custom API (an emulator, a proxy, set in config or env), its own
 * origin only (scheme, host and port).
 */
export const captchaHostAllowed = (captchaUrl: URL, apiBaseUrl: string): boolean => {
  let api: URL;
  try {
    api = new URL(apiBaseUrl);
  } catch {
    return false;
  }
  const site = GENGO_CAPTCHA_SITES[api.hostname];
  if (site) {
    const host = captchaUrl.hostname;
    return captchaUrl.protocol === 'https:' && !captchaUrl.port && (host === site || host.endsWith(`.${site}`));
  }
  return captchaUrl.origin === api.origin;
};

export const fetchCaptchaImage = async (
  url: string,
  opts: { apiBaseUrl: string; timeoutMs?: number }
): Promise<CaptchaImage> => {
  const timeoutMs = opts.timeoutMs ?? 15_000;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CaptchaFetchError('Gengo gave an invalid captcha URL');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw new CaptchaFetchError('Gengo gave a captcha URL that is not http(s)');
  if (parsed.username || parsed.password || !captchaHostAllowed(parsed, opts.apiBaseUrl))
    throw new CaptchaFetchError(`The captcha URL is not on the captcha host of the configured Gengo API`);
  let res;
  try {
    res = await axios.get<ArrayBuffer>(parsed.toString(), {
      responseType: 'arraybuffer',
      timeout: timeoutMs,
      maxRedirects: 0,
      maxContentLength: MAX_BYTES,
      validateStatus: () => true,
    });
  } catch (err: any) {
    throw new CaptchaFetchError(`Could not fetch the captcha image: ${err?.code ?? err?.message ?? 'network error'}`);
  }
  if (res.status >= 300 && res.status < 400)
    throw new CaptchaFetchError(`The captcha URL redirects (HTTP ${res.status}): redirects are not followed`);
  if (res.status < 200 || res.status >= 300)
    throw new CaptchaFetchError(`The captcha image answered HTTP ${res.status}`);
  const contentType = String(res.headers['content-type'] ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase();
  if (!/^image\/[a-z0-9.+-]+$/.test(contentType))
    throw new CaptchaFetchError(`The captcha URL did not answer an image (${contentType || 'no content type'})`);
  return { contentType, body: Buffer.from(res.data) };
};
