import axios from 'axios';

/**
 * Fetches a job's captcha image (the `captcha_url` Gengo answered for that job) on the server, so
 * the admin can show it from its own origin: Strapi's default CSP blocks images from Gengo's host.
 * Only an image of bounded size is passed on; no redirects are followed, so the request goes to the
 * host Gengo named and nowhere else.
 */
export interface CaptchaImage {
  contentType: string;
  body: Buffer;
}

export class CaptchaFetchError extends Error {}

const MAX_BYTES = 512 * 1024;

export const fetchCaptchaImage = async (url: string, timeoutMs = 15_000): Promise<CaptchaImage> => {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CaptchaFetchError('Gengo gave an invalid captcha URL');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw new CaptchaFetchError('Gengo gave a captcha URL that is not http(s)');
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
