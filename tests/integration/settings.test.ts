import { startEmulator } from '../../emulator/src';
import { reloadPluginConfig } from '../../server/src/platform/config';
import { startTestStrapi, type TestStrapi } from '../helpers/strapi';
import { createRestrictedAdmin, createSuperAdmin, type AdminSession } from '../helpers/admin';

// Booting Strapi takes seconds; a per-project testTimeout in jest.config.js is ignored by jest 29.
jest.setTimeout(60_000);

const GENGO_ENV = Object.keys(process.env).filter((k) => k.startsWith('GENGO_'));

/** The settings routes, on a booted playground, against the Gengo emulator. */
describe('settings', () => {
  let app: TestStrapi;
  let emu: Awaited<ReturnType<typeof startEmulator>>;
  let admin: AdminSession;
  const PRIVATE = 'emulator-private-key-3f9c2b7e';
  const PUBLIC = 'emulator-public-key-71ad';

  beforeAll(async () => {
    for (const k of GENGO_ENV) delete process.env[k];
    emu = await startEmulator({ port: 0, credits: 250, publicKey: PUBLIC, privateKey: PRIVATE });
    app = await startTestStrapi();
    admin = await createSuperAdmin(app);
  });
  afterAll(async () => {
    await app?.stop();
    await emu?.close();
  });

  const api = () => app.as(admin.token);
  const rawStoreRow = async () =>
    app.strapi.db.connection('strapi_core_store_settings').where({ key: 'plugin_gengo_settings' }).first();
  const save = (body: Record<string, unknown>) => api().put('/gengo/settings').send(body);
  /** The emulator's URL comes from the plugin config (`apiUrl`): the settings page may not name one. */
  const configUrl = (apiUrl: string | null) => {
    const { apiUrl: _old, ...rest } = (app.strapi.config.get('plugin::gengo') ?? {}) as Record<string, unknown>;
    app.strapi.config.set('plugin::gengo', apiUrl ? { ...rest, apiUrl } : rest);
    reloadPluginConfig(app.strapi);
  };
  const configure = () => {
    configUrl(emu.apiUrl);
    return save({ publicKey: PUBLIC, privateKey: PRIVATE });
  };
  const FIXED_URL = {
    apiUrl: { source: 'config', name: 'gengo.config.apiUrl' },
    environment: { source: 'config', name: 'gengo.config.apiUrl' },
  };

  it('reads the defaults before anything is saved', async () => {
    configUrl(null);
    await app.strapi.store({ type: 'plugin', name: 'gengo', key: 'settings' }).delete({});
    const res = await api().get('/gengo/settings');
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({
      publicKey: null,
      environment: 'sandbox',
      apiUrl: null,
      defaultTier: 'standard',
      autoApprove: false,
      previewLinks: false,
      publicUrl: null,
      pollIntervalMinutes: 30,
      budgetPerOrder: null,
      budgetPerMonth: null,
      localeMap: {},
      privateKeySet: false,
      privateKeyEncrypted: null,
      baseUrl: 'https://api.sandbox.gengo.com/v2/',
      fixed: {},
    });
  });

  it('updates and reads back; the private key is never in a response, and stored encrypted', async () => {
    configUrl(emu.apiUrl);
    const put = await save({
      publicKey: PUBLIC,
      privateKey: PRIVATE,
      defaultTier: 'pro',
      autoApprove: true,
      publicUrl: 'https://cms.example.com',
      pollIntervalMinutes: 15,
      budgetPerOrder: 50,
      budgetPerMonth: 500.5,
    });
    expect(put.status).toBe(200);
    expect(put.text).not.toContain(PRIVATE);
    const expected = {
      publicKey: PUBLIC,
      environment: 'custom',
      apiUrl: emu.apiUrl,
      defaultTier: 'pro',
      autoApprove: true,
      previewLinks: false,
      publicUrl: 'https://cms.example.com',
      pollIntervalMinutes: 15,
      budgetPerOrder: 50,
      budgetPerMonth: 500.5,
      localeMap: {},
      privateKeySet: true,
      privateKeyEncrypted: true,
      baseUrl: emu.apiUrl,
      fixed: FIXED_URL,
    };
    expect(put.body.data).toEqual(expected);

    const get = await api().get('/gengo/settings');
    expect(get.status).toBe(200);
    expect(get.body.data).toEqual(expected);
    expect(get.text).not.toContain(PRIVATE);
    expect(get.text).not.toContain('privateKey"');

    const row = await rawStoreRow();
    expect(row).toBeDefined();
    expect(String(row.value)).not.toContain(PRIVATE);
    expect(JSON.parse(row.value).privateKey).toEqual({ encrypted: true, value: expect.stringMatching(/^v1:/) });

    // For server use, decrypted.
    const effective = await app.strapi.plugin('gengo').service('settings').getEffective();
    expect(effective.privateKey).toBe(PRIVATE);
  });

  it('an empty or absent private key keeps the stored one; clearPrivateKey removes it', async () => {
    await configure();
    const settings = () => app.strapi.plugin('gengo').service('settings');
    expect((await save({ pollIntervalMinutes: 45 })).body.data.privateKeySet).toBe(true);
    expect((await save({ privateKey: '' })).body.data.privateKeySet).toBe(true);
    expect((await save({ privateKey: null })).body.data.privateKeySet).toBe(true);
    expect((await settings().getEffective()).privateKey).toBe(PRIVATE);

    const cleared = await save({ clearPrivateKey: true });
    expect(cleared.status).toBe(200);
    expect(cleared.body.data.privateKeySet).toBe(false);
    expect((await settings().getEffective()).privateKey).toBeNull();
    expect(JSON.parse((await rawStoreRow()).value).privateKey).toBeNull();
  });

  describe('validation: 400 with the field', () => {
    it.each([
      [{ pollIntervalMinutes: 0 }, 'pollIntervalMinutes'],
      [{ pollIntervalMinutes: 2.5 }, 'pollIntervalMinutes'],
      [{ pollIntervalMinutes: '30' }, 'pollIntervalMinutes'],
      [{ environment: 'moon' }, 'environment'],
      [{ defaultTier: 'ultra' }, 'defaultTier'],
      [{ apiUrl: 'not a url' }, 'apiUrl'],
      [{ apiUrl: 'ftp://example.com/v2/' }, 'apiUrl'],
      [{ publicUrl: 'javascript:alert(1)' }, 'publicUrl'],
      [{ budgetPerOrder: -1 }, 'budgetPerOrder'],
      [{ budgetPerMonth: 0 }, 'budgetPerMonth'],
      [{ autoApprove: 'yes' }, 'autoApprove'],
      [{ clearPrivateKey: true, privateKey: 'x' }, 'privateKey'],
      [{ apiUrl: 'http://127.0.0.1:4000/v2/' }, 'apiUrl'],
    ])('%j → %s', async (body, field) => {
      await configure();
      const res = await save(body);
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('ValidationError');
      const paths = res.body.error.details.errors.map((e: any) => e.path.join('.'));
      expect(paths).toContain(field);
    });

    it('a custom API URL only from config or env: the settings page → 400 naming apiUrl, nothing stored', async () => {
      configUrl(null);
      await app.strapi.store({ type: 'plugin', name: 'gengo', key: 'settings' }).delete({});
      const stored = () => app.strapi.store({ type: 'plugin', name: 'gengo', key: 'settings' }).get({});
      for (const body of [
        { environment: 'custom', apiUrl: emu.apiUrl },
        { environment: 'custom', apiUrl: 'http://169.254.169.254/v2/' },
        { environment: 'custom' },
        { apiUrl: 'https://api.gengo.com.attacker.example/v2/' },
      ]) {
        const res = await save(body);
        expect([body, res.status]).toEqual([body, 400]);
        const paths = res.body.error.details.errors.map((e: any) => e.path.join('.'));
        expect(paths).toEqual(['apiUrl']);
        expect(res.body.error.message).toMatch(/GENGO_API_URL/);
      }
      expect(await stored()).toBeNull();
      // Gengo's own hosts may be named (or the field cleared) from the page.
      expect((await save({ environment: 'production', apiUrl: 'https://api.gengo.com/v2/' })).status).toBe(200);
      expect((await save({ environment: 'sandbox', apiUrl: null })).status).toBe(200);
      // Testing a connection to another host is refused the same way.
      const probe = await api()
        .post('/gengo/settings/test-connection')
        .send({ environment: 'custom', apiUrl: 'http://attacker.example/v2/' });
      expect(probe.status).toBe(400);
      expect(probe.body.error.details.errors.map((e: any) => e.path.join('.'))).toEqual(['apiUrl']);
    });

    it('a custom URL saved by an older version is ignored; the config may set one', async () => {
      configUrl(null);
      await app.strapi
        .store({ type: 'plugin', name: 'gengo', key: 'settings' })
        .set({ value: { environment: 'custom', apiUrl: 'http://attacker.example/v2/' } });
      const settings = app.strapi.plugin('gengo').service('settings');
      expect((await settings.getEffective()).baseUrl).toBeNull();
      const page = (await api().get('/gengo/settings')).body.data;
      expect(page).toEqual(expect.objectContaining({ apiUrl: null, baseUrl: null }));
      await expect(settings.client()).rejects.toThrow();

      configUrl(emu.apiUrl);
      const fixed = (await api().get('/gengo/settings')).body.data;
      expect(fixed).toEqual(
        expect.objectContaining({ environment: 'custom', apiUrl: emu.apiUrl, baseUrl: emu.apiUrl, fixed: FIXED_URL })
      );
      // With the URL fixed by the config, saving the other settings works.
      expect((await save({ publicKey: PUBLIC, privateKey: PRIVATE, pollIntervalMinutes: 40 })).status).toBe(200);
      expect(Number((await (await settings.client()).getAccountBalance()).credits)).toBe(250);
    });

    it('unknown fields and non-objects are refused', async () => {
      const unknown = await save({ publicKey: 'x', secret: 1 });
      expect(unknown.status).toBe(400);
      expect(JSON.stringify(unknown.body.error)).toMatch(/secret/);
      const list = await api().put('/gengo/settings').send([1, 2]);
      expect(list.status).toBe(400);
    });

    it('a refused update changes nothing', async () => {
      await configure();
      await save({ pollIntervalMinutes: 20 });
      await save({ pollIntervalMinutes: 20, environment: 'moon' });
      expect((await api().get('/gengo/settings')).body.data.pollIntervalMinutes).toBe(20);
    });
  });

  describe('test-connection', () => {
    it('answers the balance from Gengo with the saved settings', async () => {
      await configure();
      const res = await api().post('/gengo/settings/test-connection').send({});
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual({
        ok: true,
        balance: { credits: expect.anything(), currency: 'USD' },
        baseUrl: emu.apiUrl,
        environment: 'custom',
      });
      expect(Number(res.body.data.balance.credits)).toBe(250);
      expect(res.text).not.toContain(PRIVATE);
    });

    it('with an unsaved wrong private key → Gengo’s code and message, as data', async () => {
      await configure();
      const res = await api().post('/gengo/settings/test-connection').send({ privateKey: 'wrong-private-key' });
      expect(res.status).toBe(200);
      expect(res.body.data.ok).toBe(false);
      expect(res.body.data.error).toEqual({
        kind: 'gengo',
        code: 1000,
        message: 'Authentication failed: invalid api_sig',
        status: 401,
      });
      expect(res.text).not.toContain('wrong-private-key');
      expect(res.text).not.toContain(PRIVATE);
      // nothing was saved
      expect((await app.strapi.plugin('gengo').service('settings').getEffective()).privateKey).toBe(PRIVATE);
    });

    it('with an unknown public key → 1000', async () => {
      await configure();
      const res = await api().post('/gengo/settings/test-connection').send({ publicKey: 'nobody' });
      expect(res.body.data.error).toEqual(expect.objectContaining({ kind: 'gengo', code: 1000 }));
      expect(res.body.data.error.message).toMatch(/unknown api_key/);
    });

    it('unreachable Gengo → a network error as data; missing keys → a settings error', async () => {
      await configure();
      configUrl('http://127.0.0.1:1/v2/');
      const down = await api().post('/gengo/settings/test-connection').send({});
      expect(down.status).toBe(200);
      expect(down.body.data.error).toEqual(expect.objectContaining({ kind: 'network', code: 'ECONNREFUSED' }));
      configUrl(emu.apiUrl);

      await save({ clearPrivateKey: true });
      const missing = await api().post('/gengo/settings/test-connection').send({});
      expect(missing.status).toBe(200);
      expect(missing.body.data).toEqual(
        expect.objectContaining({ ok: false, error: expect.objectContaining({ kind: 'settings' }) })
      );
    });

    it('a bad body → 400', async () => {
      const res = await api().post('/gengo/settings/test-connection').send({ apiUrl: 'nope', extra: 1 });
      expect(res.status).toBe(400);
    });
  });

  describe('permissions', () => {
    const routes = [
      ['get', '/gengo/settings', undefined],
      ['put', '/gengo/settings', { pollIntervalMinutes: 31 }],
      ['post', '/gengo/settings/test-connection', {}],
    ] as const;

    it('anonymous → 401 on each route', async () => {
      for (const [method, url, body] of routes) {
        const res = await app.http[method](url).send(body as any);
        expect([method, url, res.status]).toEqual([method, url, 401]);
      }
    });

    it('a role without the settings actions → 403 on each route', async () => {
      const nobody = await createRestrictedAdmin(app, ['plugin::gengo.read', 'plugin::gengo.order']);
      for (const [method, url, body] of routes) {
        const res = await app
          .as(nobody.token)
          [method](url)
          .send(body as any);
        expect([method, url, res.status]).toEqual([method, url, 403]);
      }
    });

    it('settings.read: reads and tests the saved settings; cannot update or test unsaved values', async () => {
      await configure();
      const reader = await createRestrictedAdmin(app, ['plugin::gengo.settings.read']);
      const as = app.as(reader.token);
      expect((await as.get('/gengo/settings')).status).toBe(200);
      expect((await as.post('/gengo/settings/test-connection').send({})).status).toBe(200);
      expect((await as.put('/gengo/settings').send({ pollIntervalMinutes: 31 })).status).toBe(403);
      expect((await as.post('/gengo/settings/test-connection').send({ publicKey: 'another' })).status).toBe(403);
    });

    it('settings.update without settings.read: updates, cannot read', async () => {
      const writer = await createRestrictedAdmin(app, ['plugin::gengo.settings.update']);
      const as = app.as(writer.token);
      expect((await as.put('/gengo/settings').send({ pollIntervalMinutes: 31 })).status).toBe(200);
      expect((await as.get('/gengo/settings')).status).toBe(403);
      expect((await as.post('/gengo/settings/test-connection').send({})).status).toBe(403);
    });
  });

  it('the client service builds a working client from the effective settings', async () => {
    await configure();
    const client = await app.strapi.plugin('gengo').service('settings').client();
    expect(Number((await client.getAccountBalance()).credits)).toBe(250);
  });
});
