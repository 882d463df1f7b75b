import { createSettingsStore } from '../../../server/src/settings/store';
import { baseUrlOf, mergeSettings, readConfig, readEnv } from '../../../server/src/settings/sources';

/** A Strapi with only what the settings service touches: store, config, log, encryption. */
const fakeStrapi = (
  opts: { encrypt?: (v: string) => string | null; decrypt?: (v: string) => string | null; config?: any } = {}
) => {
  let value: any = null;
  const warnings: string[] = [];
  const strapi: any = {
    store: () => ({
      get: async () => value,
      set: async ({ value: v }: any) => {
        value = JSON.parse(JSON.stringify(v));
      },
    }),
    config: { get: () => opts.config ?? {} },
    log: { warn: (m: string) => warnings.push(m), debug: () => undefined },
    service: (uid: string) =>
      uid === 'admin::encryption'
        ? {
            encrypt: opts.encrypt ?? ((v: string) => `v1:enc(${Buffer.from(v).toString('hex')})`),
            decrypt: opts.decrypt ?? (() => null),
          }
        : undefined,
  };
  return { strapi, warnings, stored: () => value };
};

describe('settings service without an encryption key', () => {
  const saved = { ...process.env };
  beforeEach(() => {
    for (const k of Object.keys(process.env)) if (k.startsWith('GENGO_')) delete process.env[k];
  });
  afterAll(() => {
    process.env = saved;
  });

  it('stores the private key unencrypted, warns once, never logs the key', async () => {
    const { strapi, warnings, stored } = fakeStrapi({ encrypt: () => null });
    const settings = createSettingsStore(strapi);
    const pub = await settings.update({ publicKey: 'pk', privateKey: 'the-secret-key' });
    await settings.update({ privateKey: 'the-secret-key-2' });
    expect(pub.privateKeySet).toBe(true);
    expect(pub.privateKeyEncrypted).toBe(false);
    expect(stored().privateKey).toEqual({ encrypted: false, value: 'the-secret-key-2' });
    expect((await settings.getEffective()).privateKey).toBe('the-secret-key-2');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/encryptionKey/);
    expect(warnings.join()).not.toMatch(/the-secret-key/);
    expect(JSON.stringify(await settings.getPublic())).not.toMatch(/the-secret-key/);
  });

  it('a key that no longer decrypts counts as not set (and warns once)', async () => {
    const { strapi, warnings } = fakeStrapi({ decrypt: () => null });
    const settings = createSettingsStore(strapi);
    await settings.update({ privateKey: 'k' });
    expect((await settings.getPublic()).privateKeySet).toBe(false);
    await settings.getPublic();
    expect(warnings.filter((w) => /decrypt/.test(w))).toHaveLength(1);
  });
});

describe('settings service: a stored value that is not decryptable', () => {
  it('counts as not set instead of failing (no 500)', async () => {
    const { strapi } = fakeStrapi({
      decrypt: () => {
        throw new Error('Unsupported encryption version: v0');
      },
    });
    const settings = createSettingsStore(strapi);
    await settings.update({ privateKey: 'k' });
    expect((await settings.getPublic()).privateKeySet).toBe(false);
    expect((await settings.getEffective()).privateKey).toBeNull();
  });
});

describe('settings sources (pure)', () => {
  it('env > config > stored > defaults; GENGO_API_URL implies custom', () => {
    const env = readEnv({ GENGO_API_URL: 'http://127.0.0.1:4000/v2', GENGO_AUTO_APPROVE: '1' } as any);
    const config = readConfig({ autoApprove: false, defaultTier: 'pro', publicKey: '' });
    const { settings, fixed } = mergeSettings(
      { defaultTier: 'standard', pollIntervalMinutes: 10, environment: 'production' },
      config,
      env
    );
    expect(settings).toEqual(
      expect.objectContaining({
        environment: 'custom',
        autoApprove: true,
        defaultTier: 'pro',
        pollIntervalMinutes: 10,
        publicKey: null,
      })
    );
    expect(fixed).toEqual({
      apiUrl: { source: 'env', name: 'GENGO_API_URL' },
      environment: { source: 'env', name: 'GENGO_API_URL' },
      autoApprove: { source: 'env', name: 'GENGO_AUTO_APPROVE' },
      defaultTier: { source: 'config', name: 'gengo.config.defaultTier' },
    });
    expect(baseUrlOf(settings)).toBe('http://127.0.0.1:4000/v2/');
  });

  it('invalid env values are reported, not used', () => {
    const env = readEnv({
      GENGO_ENVIRONMENT: 'moon',
      GENGO_POLL_INTERVAL_MINUTES: '0',
      GENGO_BUDGET_PER_MONTH: '100',
    } as any);
    expect(env.values).toEqual({ budgetPerMonth: 100 });
    expect(env.invalid.map((i) => i.name)).toEqual(['GENGO_ENVIRONMENT', 'GENGO_POLL_INTERVAL_MINUTES']);
  });

  it('base URLs of the environments', () => {
    expect(baseUrlOf({ environment: 'production', apiUrl: 'http://ignored' })).toBe('https://api.gengo.com/v2/');
    expect(baseUrlOf({ environment: 'sandbox', apiUrl: null })).toBe('https://api.sandbox.gengo.com/v2/');
    expect(baseUrlOf({ environment: 'custom', apiUrl: null })).toBeNull();
  });
});
