import { startEmulator, RunningEmulator } from '../../../emulator/src/index';
import { gengoGet, nowTs, signTs } from './helpers';

describe('emulator: authentication (Gengo api_sig = HMAC-SHA1(private key, ts))', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator({ port: 0, publicKey: 'pub', privateKey: 'priv', clockSkewSeconds: 60 });
  });
  afterAll(() => emu.close());

  const raw = async (params: Record<string, string>) => {
    const res = await fetch(`${emu.apiUrl}account/balance?${new URLSearchParams(params)}`);
    return { http: res.status, body: (await res.json()) as any };
  };

  it('accepts a correctly signed call', async () => {
    const r = await gengoGet(emu, 'account/balance');
    expect(r).toEqual({ http: 200, body: { opstat: 'ok', response: { credits: '1000.00', currency: 'USD' } } });
  });

  it('accepts the signature in upper case hex too and a ts inside the skew window', async () => {
    const ts = nowTs() - 30;
    const r = await raw({ api_key: 'pub', ts: String(ts), api_sig: signTs(ts, 'priv').toUpperCase() });
    expect(r.body.opstat).toBe('ok');
  });

  it('refuses a bad signature with 1000', async () => {
    const ts = nowTs();
    const r = await raw({ api_key: 'pub', ts: String(ts), api_sig: signTs(ts, 'wrong') });
    expect(r.http).toBe(401);
    expect(r.body).toEqual({ opstat: 'error', err: { code: 1000, msg: expect.stringMatching(/invalid api_sig/) } });
  });

  it('refuses an unknown key with 1000', async () => {
    const ts = nowTs();
    const r = await raw({ api_key: 'nobody', ts: String(ts), api_sig: signTs(ts, 'priv') });
    expect(r.body.err).toEqual({ code: 1000, msg: expect.stringMatching(/unknown api_key/) });
  });

  it('refuses a stale ts (outside clockSkewSeconds) even when correctly signed', async () => {
    const ts = nowTs() - 61;
    const r = await raw({ api_key: 'pub', ts: String(ts), api_sig: signTs(ts, 'priv') });
    expect(r.body.err).toEqual({ code: 1000, msg: expect.stringMatching(/ts is more than 60s/) });
  });

  it.each([
    [{ ts: '1', api_sig: 'x' }, 1150],
    [{ api_key: 'pub', ts: '1' }, 1100],
    [{ api_key: 'pub', api_sig: 'x' }, 1200],
    [{ api_key: 'pub', api_sig: 'x', ts: 'soon' }, 1201],
  ])('missing or malformed auth parameters %j → %i', async (params, code) => {
    const r = await raw(params as Record<string, string>);
    expect(r.body.opstat).toBe('error');
    expect(r.body.err.code).toBe(code);
  });

  it('public service endpoints need only a known api_key', async () => {
    const ok = await fetch(`${emu.apiUrl}translate/service/languages?api_key=pub`).then(
      (r) => r.json() as Promise<any>
    );
    expect(ok.opstat).toBe('ok');
    expect(ok.response).toEqual(
      expect.arrayContaining([{ language: 'Japanese', localized_name: '日本語', lc: 'ja', unit_type: 'character' }])
    );
    const bad = await fetch(`${emu.apiUrl}translate/service/languages?api_key=nobody`).then(
      (r) => r.json() as Promise<any>
    );
    expect(bad.err.code).toBe(1000);
  });

  it('honours the _method override (POST carrying _method=delete)', async () => {
    const ts = nowTs();
    const form = new URLSearchParams({
      api_key: 'pub',
      ts: String(ts),
      api_sig: signTs(ts, 'priv'),
      _method: 'delete',
    });
    const res = await fetch(`${emu.apiUrl}translate/job/42`, { method: 'POST', body: form });
    expect(((await res.json()) as any).err.code).toBe(2100); // routed to job DELETE: unknown job
  });

  it('answers unknown endpoints with 404 in the Gengo envelope', async () => {
    const r = await gengoGet(emu, 'translate/nothing');
    expect(r.http).toBe(404);
    expect(r.body.opstat).toBe('error');
  });
});
