import http from 'http';
import type { AddressInfo } from 'net';
import { captchaHostAllowed, fetchCaptchaImage } from '../../../server/src/gengo/captcha';

/** A local HTTP server answering by path, counting the requests it gets. */
const serve = async (routes: Record<string, (res: http.ServerResponse) => void>) => {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    const route = routes[req.url ?? ''];
    if (route) route(res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, hits, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
};

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

/** The captcha proxy fetches only the captcha host of the configured API (issue 19, edges of trust). */
describe('captcha proxy', () => {
  let api: Awaited<ReturnType<typeof serve>>;
  let foreign: Awaited<ReturnType<typeof serve>>;

  beforeAll(async () => {
    foreign = await serve({
      '/secret.png': (res) => res.writeHead(200, { 'content-type': 'image/png' }).end(PNG),
    });
    api = await serve({
      '/captcha/1.png': (res) => res.writeHead(200, { 'content-type': 'image/png' }).end(PNG),
      '/captcha/moved.png': (res) => res.writeHead(302, { location: `${foreign.origin}/secret.png` }).end(),
      '/captcha/page.png': (res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html></html>'),
      '/captcha/huge.png': (res) =>
        res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.alloc(600 * 1024, 1)),
    });
  });
  afterAll(async () => {
    await api.close();
    await foreign.close();
  });

  const apiBaseUrl = () => `${api.origin}/v2/`;

  it("fetches an image from the configured API's own origin", async () => {
    const image = await fetchCaptchaImage(`${api.origin}/captcha/1.png`, { apiBaseUrl: apiBaseUrl() });
    expect(image.contentType).toBe('image/png');
    expect(image.body.equals(PNG)).toBe(true);
  });

  it('refuses a redirect, and never reaches where it points', async () => {
    foreign.hits.length = 0;
    await expect(fetchCaptchaImage(`${api.origin}/captcha/moved.png`, { apiBaseUrl: apiBaseUrl() })).rejects.toThrow(
      /redirect/i
    );
    expect(foreign.hits).toEqual([]);
  });

  it('refuses a foreign host without calling it (another port, another name, credentials)', async () => {
    foreign.hits.length = 0;
    const port = new URL(api.origin).port;
    for (const url of [
      `${foreign.origin}/secret.png`,
      `http://localhost:${port}/captcha/1.png`,
      `http://user:pass@127.0.0.1:${port}/captcha/1.png`,
      `https://127.0.0.1:${port}/captcha/1.png`,
    ])
      await expect(fetchCaptchaImage(url, { apiBaseUrl: apiBaseUrl() })).rejects.toThrow(/captcha host/);
    expect(foreign.hits).toEqual([]);
  });

  it('still caps the type and the size', async () => {
    await expect(fetchCaptchaImage(`${api.origin}/captcha/page.png`, { apiBaseUrl: apiBaseUrl() })).rejects.toThrow(
      /did not answer an image/
    );
    await expect(fetchCaptchaImage(`${api.origin}/captcha/huge.png`, { apiBaseUrl: apiBaseUrl() })).rejects.toThrow(
      /captcha image/
    );
  });

  it("Gengo's APIs: https hosts of that environment's Gengo site only", () => {
    const allowed = (url: string, base: string) => captchaHostAllowed(new URL(url), base);
    const production = 'https://api.gengo.com/v2/';
    const sandbox = 'https://api.sandbox.gengo.com/v2/';
    expect(allowed('https://gengo.com/captcha/abc.png', production)).toBe(true);
    expect(allowed('https://api.gengo.com/v2/captcha/abc', production)).toBe(true);
    expect(allowed('https://sandbox.gengo.com/captcha/abc.png', sandbox)).toBe(true);
    expect(allowed('https://api.sandbox.gengo.com/captcha/abc.png', sandbox)).toBe(true);

    expect(allowed('http://gengo.com/captcha/abc.png', production)).toBe(false);
    expect(allowed('https://gengo.com:8443/captcha/abc.png', production)).toBe(false);
    expect(allowed('https://gengo.com.attacker.example/captcha.png', production)).toBe(false);
    expect(allowed('https://notgengo.com/captcha.png', production)).toBe(false);
    expect(allowed('https://gengo.com/captcha/abc.png', sandbox)).toBe(false);
    expect(allowed('https://169.254.169.254/latest/meta-data', production)).toBe(false);
  });
});
