import { reloadPluginConfig } from '../../server/src/platform/config';
import { startEmulator } from '../../emulator/src';
import { startTestStrapi, type TestStrapi } from '../helpers/strapi';
import { createSuperAdmin, type AdminSession } from '../helpers/admin';

// Booting Strapi takes seconds; a per-project testTimeout in jest.config.js is ignored by jest 29.
jest.setTimeout(60_000);

/**
 * Settings fixed by environment variables (set before boot) and by the plugin config: they win over
 * the store and are reported as fixed, with their source; the private key still never leaves.
 */
describe('settings fixed by env and config', () => {
  let app: TestStrapi;
  let emu: Awaited<ReturnType<typeof startEmulator>>;
  let admin: AdminSession;
  const PRIVATE = 'env-private-key-8c1d55aa';
  const PUBLIC = 'env-public-key-19';
  const saved: Record<string, string | undefined> = {};
  const setEnv = (vars: Record<string, string>) => {
    for (const [k, v] of Object.entries(vars)) {
      saved[k] = process.env[k];
      process.env[k] = v;
    }
  };

  beforeAll(async () => {
    emu = await startEmulator({ port: 0, credits: 77, publicKey: PUBLIC, privateKey: PRIVATE });
    setEnv({
      GENGO_PUBLIC_KEY: PUBLIC,
      GENGO_PRIVATE_KEY: PRIVATE,
      GENGO_API_URL: emu.apiUrl,
      GENGO_POLL_INTERVAL_MINUTES: '60',
      GENGO_DEFAULT_TIER: 'gold', // invalid: ignored with a warning
    });
    app = await startTestStrapi();
    admin = await createSuperAdmin(app);
  });
  afterAll(async () => {
    await app?.stop();
    await emu?.close();
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  it('reports env values as fixed, with the variable, and uses them', async () => {
    const res = await app.as(admin.token).get('/gengo/settings');
    expect(res.status).toBe(200);
    expect(res.text).not.toContain(PRIVATE);
    expect(res.body.data).toEqual(
      expect.objectContaining({
        publicKey: PUBLIC,
        environment: 'custom',
        apiUrl: emu.apiUrl,
        baseUrl: emu.apiUrl,
        pollIntervalMinutes: 60,
        defaultTier: 'standard',
        privateKeySet: true,
        privateKeyEncrypted: null,
      })
    );
    expect(res.body.data.fixed).toEqual({
      publicKey: { source: 'env', name: 'GENGO_PUBLIC_KEY' },
      privateKey: { source: 'env', name: 'GENGO_PRIVATE_KEY' },
      apiUrl: { source: 'env', name: 'GENGO_API_URL' },
      environment: { source: 'env', name: 'GENGO_API_URL' },
      pollIntervalMinutes: { source: 'env', name: 'GENGO_POLL_INTERVAL_MINUTES' },
    });
  });

  it('env wins over what an admin saves; the saved values are kept in the store', async () => {
    const put = await app
      .as(admin.token)
      .put('/gengo/settings')
      .send({ publicKey: 'other', pollIntervalMinutes: 5, environment: 'production', autoApprove: true });
    expect(put.status).toBe(200);
    expect(put.body.data).toEqual(
      expect.objectContaining({ publicKey: PUBLIC, pollIntervalMinutes: 60, environment: 'custom', autoApprove: true })
    );
    const stored = await app.strapi.store({ type: 'plugin', name: 'gengo', key: 'settings' }).get({});
    expect(stored).toEqual(expect.objectContaining({ publicKey: 'other', pollIntervalMinutes: 5 }));
  });

  it('test-connection uses the env keys', async () => {
    const res = await app.as(admin.token).post('/gengo/settings/test-connection').send({});
    expect(res.body.data).toEqual(expect.objectContaining({ ok: true, baseUrl: emu.apiUrl }));
    expect(Number(res.body.data.balance.credits)).toBe(77);
  });

  it('plugin config values are fixed too (source config), below env', async () => {
    const before = app.strapi.config.get('plugin::gengo') as Record<string, unknown>;
    app.strapi.config.set('plugin::gengo', {
      ...before,
      defaultTier: 'pro',
      budgetPerOrder: 25,
      pollIntervalMinutes: 2,
    });
    reloadPluginConfig(app.strapi);
    try {
      const res = await app.as(admin.token).get('/gengo/settings');
      expect(res.body.data).toEqual(
        expect.objectContaining({ defaultTier: 'pro', budgetPerOrder: 25, pollIntervalMinutes: 60 })
      );
      expect(res.body.data.fixed).toEqual(
        expect.objectContaining({
          defaultTier: { source: 'config', name: 'gengo.config.defaultTier' },
          budgetPerOrder: { source: 'config', name: 'gengo.config.budgetPerOrder' },
          pollIntervalMinutes: { source: 'env', name: 'GENGO_POLL_INTERVAL_MINUTES' },
        })
      );
    } finally {
      app.strapi.config.set('plugin::gengo', before);
      reloadPluginConfig(app.strapi);
    }
  });

  it('the plugin config validator refuses bad values', () => {
    const { default: config } = require('../../server/src/config');
    expect(() => config.validator({ pollIntervalMinutes: 0 })).toThrow(/pollIntervalMinutes/);
    expect(() => config.validator({ environment: 'moon', retries: -1 })).toThrow(/environment.*retries/);
    expect(() => config.validator({ callbackGatherMs: 2.5 })).toThrow(/callbackGatherMs must be a whole number/);
    expect(() => config.validator({ requestsPerMinute: -5 })).toThrow(/requestsPerMinute must be a whole number/);
    expect(() => config.validator({ publicKey: 'p', timeoutMs: 5000, callbackGatherMs: 0 })).not.toThrow();
    expect(() => config.validator({ requestsPerMinute: 0 })).not.toThrow();
    expect(() => config.validator({ callbackMaxQueuedIds: 0 })).toThrow(
      /callbackMaxQueuedIds must be a whole number ≥ 1/
    );
    expect(() => config.validator({ callbackRequestsPerMinute: -1 })).toThrow(/callbackRequestsPerMinute must be/);
    expect(() =>
      config.validator({ callbackMaxQueuedIds: 5000, callbackRequestsPerMinute: 0, previewLinks: true })
    ).not.toThrow();
    expect(() => config.validator({ previewLinks: 'sometimes' })).toThrow(/previewLinks must be true or false/);
  });
});
