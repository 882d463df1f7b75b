import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { startTestStrapi, type TestStrapi } from '../helpers/strapi';
import { createSuperAdmin } from '../helpers/admin';

jest.setTimeout(120_000);

/**
 * A changed ENCRYPTION_KEY leaves the sealed callback token undecryptable (issue 19, edges of
 * trust): it is re-created at boot with a warning that never carries a token, the settings page's
 * route says so, and the URL given to jobs ordered before still works. Two boots, one database.
 */
describe('callback token after ENCRYPTION_KEY changed', () => {
  let db: TestDatabase;
  let app: TestStrapi | undefined;
  const savedKey = process.env.ENCRYPTION_KEY;
  const PUBLIC_URL = 'https://cms.example.com';

  const boot = async (encryptionKey: string) => {
    process.env.ENCRYPTION_KEY = encryptionKey;
    const warnings: string[] = [];
    app = await startTestStrapi({
      database: db,
      beforeLoad: (strapi) => {
        const warn = strapi.log.warn.bind(strapi.log);
        (strapi.log as any).warn = (message: any, ...rest: any[]) => {
          warnings.push(String(message));
          return warn(message, ...rest);
        };
      },
    });
    return { app, warnings };
  };
  const receiving = () => app!.strapi.plugin('gengo').service('receiving');
  const tokenOf = (url: string) => decodeURIComponent(url.split('/').pop()!);

  beforeAll(async () => {
    db = await createTestDatabase();
    process.env.GENGO_PUBLIC_URL = PUBLIC_URL;
  });
  afterAll(async () => {
    await app?.stop();
    delete process.env.GENGO_PUBLIC_URL;
    process.env.ENCRYPTION_KEY = savedKey;
  });

  it('re-created with a warning; the page sees the new URL and when; the old URL is still accepted', async () => {
    const first = await boot('first-encryption-key-0123456789abcdef');
    const oldUrl: string = await receiving().callbackUrl();
    expect(oldUrl).toMatch(new RegExp(`^${PUBLIC_URL}/api/gengo/callback/.+`));
    expect(first.warnings.filter((w) => /callback token/.test(w))).toEqual([]);
    await app!.stop({ keepDatabase: true });

    const second = await boot('second-encryption-key-fedcba9876543210');
    const tokenWarnings = second.warnings.filter((w) => /callback token could not be decrypted/.test(w));
    expect(tokenWarnings).toHaveLength(1);
    const admin = await createSuperAdmin(app!);
    const res = await app!.as(admin.token).get('/gengo/settings/callback-url');
    expect(res.status).toBe(200);
    const { callbackUrl, tokenRecreatedAt } = res.body.data;
    expect(callbackUrl).toMatch(new RegExp(`^${PUBLIC_URL}/api/gengo/callback/.+`));
    expect(callbackUrl).not.toBe(oldUrl);
    expect(Date.parse(tokenRecreatedAt)).toBeGreaterThan(Date.now() - 120_000);
    // Never a token in the log.
    for (const w of second.warnings) {
      expect(w).not.toContain(tokenOf(oldUrl));
      expect(w).not.toContain(tokenOf(callbackUrl));
    }
    // New orders carry the new URL; jobs ordered before still call back the old one.
    const { callbacks } = receiving().parts;
    expect(await callbacks.verifyToken(tokenOf(callbackUrl))).toBe(true);
    expect(await callbacks.verifyToken(tokenOf(oldUrl))).toBe(true);
    expect(await callbacks.verifyToken('not-the-token')).toBe(false);
    await app!.stop({ keepDatabase: true });

    // The same key again: nothing to re-create, the URL stays.
    const third = await boot('second-encryption-key-fedcba9876543210');
    expect(third.warnings.filter((w) => /callback token/.test(w))).toEqual([]);
    expect(await receiving().callbackUrl()).toBe(callbackUrl);
    // A rotation drops the old URLs too.
    const { callbackUrl: rotated } = await receiving().rotateToken();
    expect(await receiving().parts.callbacks.verifyToken(tokenOf(oldUrl))).toBe(false);
    expect(await receiving().parts.callbacks.verifyToken(tokenOf(callbackUrl))).toBe(false);
    expect(await receiving().parts.callbacks.verifyToken(tokenOf(rotated))).toBe(true);
    expect((await receiving().callbackUrlState()).tokenRecreatedAt).toBeNull();
  });
});
