import { startEmulator, RunningEmulator } from '../../../emulator/src/index';
import { EmulatorControl } from '../../../emulator/src/control-client';
import { gengoGet, gengoSend, order, orderJobIds, textJob } from './helpers';

describe('emulator: jobs lists, jobs by ids, bulk PUT, order DELETE', () => {
  let emu: RunningEmulator;
  let control: EmulatorControl;
  beforeAll(async () => {
    emu = await startEmulator({ port: 0, jobCreationDelayMs: 60_000, duplicateWindowSeconds: 0 });
    control = new EmulatorControl(emu.url);
  });
  afterAll(() => emu.close());
  beforeEach(() => control.reset());

  async function jobs(n: number, prefix = 'Job') {
    const payload = Object.fromEntries(
      Array.from({ length: n }, (_, i) => [`job_${i}`, textJob(`${prefix} number ${i}`)])
    );
    const res = await order(emu, payload);
    await control.flush();
    return { orderId: res.order_id, ids: await orderJobIds(emu, res.order_id) };
  }

  it('lists 10 most recent by default, at most 200, filtered by status and timestamp_after', async () => {
    const { ids } = await jobs(205);
    const list = async (p: Record<string, string> = {}) =>
      (await gengoGet(emu, 'translate/jobs', p)).body.response as Array<{ job_id: number; ctime: number }>;
    expect(await list()).toHaveLength(10);
    expect(await list({ count: '500' })).toHaveLength(200);
    expect(await list({ count: '3' })).toEqual([
      { job_id: Number(ids[204]), ctime: expect.any(Number) },
      { job_id: Number(ids[203]), ctime: expect.any(Number) },
      { job_id: Number(ids[202]), ctime: expect.any(Number) },
    ]);
    await control.advance(ids[0], 'pending');
    await control.advance(ids[1], 'approved');
    expect(await list({ status: 'pending' })).toEqual([{ job_id: Number(ids[0]), ctime: expect.any(Number) }]);
    expect((await list({ status: 'approved' })).map((j) => j.job_id)).toEqual([Number(ids[1])]);
    expect(await list({ timestamp_after: String(Math.floor(Date.now() / 1000) + 10) })).toEqual([]);
    expect((await list({ timestamp_after: '0', count: '300' })).length).toBe(200);
    expect((await list({ timestamp_after: '0' })).length).toBe(205); // only timestamp_after: all since
    expect((await gengoGet(emu, 'translate/jobs', { status: 'lost' })).body.err.code).toBe(2650);
    // gengo-php sends the filters as a JSON `data` query parameter
    const php = (await gengoGet(emu, 'translate/jobs', { data: JSON.stringify({ status: 'pending', count: 5 }) })).body
      .response;
    expect(php).toEqual([{ job_id: Number(ids[0]), ctime: expect.any(Number) }]);
  });

  it('gets jobs by comma-separated ids, 2100 for an unknown one', async () => {
    const { ids } = await jobs(3);
    const r = (await gengoGet(emu, `translate/jobs/${ids[2]},${ids[0]}`)).body.response;
    expect(r.jobs.map((j: any) => [j.job_id, j.body_src])).toEqual([
      [ids[2], 'Job number 2'],
      [ids[0], 'Job number 0'],
    ]);
    expect((await gengoGet(emu, `translate/jobs/${ids[0]},77`)).body.err.code).toBe(2100);
  });

  it('bulk approve is all-or-nothing: one job not reviewable fails the whole call, keyed by job id', async () => {
    const { ids } = await jobs(3);
    await control.advance(ids[0], 'reviewable');
    await control.advance(ids[1], 'reviewable');
    const bad = await gengoSend(emu, 'PUT', 'translate/jobs', {
      action: 'approve',
      job_ids: [{ job_id: ids[0] }, { job_id: ids[2] }],
    });
    expect(bad.body).toEqual({ opstat: 'error', err: { [ids[2]]: [expect.objectContaining({ code: 2250 })] } });
    expect((await control.job(ids[0])).status).toBe('reviewable');
    const ok = await gengoSend(emu, 'PUT', 'translate/jobs', {
      action: 'approve',
      job_ids: [{ job_id: ids[0], rating: 4 }, { job_id: ids[1] }],
    });
    expect(ok.body).toEqual({ opstat: 'ok', response: {} });
    expect((await control.job(ids[0])).status).toBe('approved');
    expect((await gengoGet(emu, `translate/job/${ids[0]}/feedback`)).body.response.feedback.rating).toBe('4');
    const archive = await gengoSend(emu, 'PUT', 'translate/jobs', {
      action: 'archive',
      job_ids: [Number(ids[0]), Number(ids[1])],
    });
    expect(archive.body.opstat).toBe('ok');
    expect((await control.job(ids[0])).archived).toBe(true);
  });

  it('bulk revise and reject (reject answers the rejection list)', async () => {
    const { ids } = await jobs(2);
    await control.advance(ids[0], 'reviewable');
    await control.advance(ids[1], 'reviewable');
    const rev = await gengoSend(emu, 'PUT', 'translate/jobs', {
      action: 'revise',
      job_ids: [{ job_id: ids[0], comment: 'Shorter' }],
    });
    expect(rev.body.opstat).toBe('ok');
    expect((await control.job(ids[0])).status).toBe('revising');
    const wrong = await gengoSend(emu, 'PUT', 'translate/jobs', {
      action: 'reject',
      job_ids: [{ job_id: ids[1], reason: 'quality', comment: 'Wrong', captcha: 'ZZZZZ' }],
    });
    expect(wrong.body.err[ids[1]]).toEqual([
      expect.objectContaining({ code: 2401, captcha_url: (await control.job(ids[1])).captcha_url }),
    ]);
    const { captcha } = await control.job(ids[1]);
    const rej = await gengoSend(emu, 'PUT', 'translate/jobs', {
      action: 'reject',
      job_ids: [{ job_id: ids[1], reason: 'quality', comment: 'Wrong', captcha }],
    });
    expect(rej.body.response.jobs).toEqual([
      expect.objectContaining({ job_id: Number(ids[1]), rejection_reason: 'quality', rejection_comments: 'Wrong' }),
    ]);
  });

  it('order DELETE cancels the available jobs only (not queued, not started ones), and refunds', async () => {
    const { orderId, ids } = await jobs(3, 'Cancel');
    await control.advance(ids[2], 'pending');
    const late = await order(emu, { q: textJob('still queued') }); // not flushed
    expect((await gengoGet(emu, 'account/balance')).body.response.credits).toBe('999.34');
    expect((await gengoGet(emu, `translate/order/${orderId}`, {}, 'DELETE')).body).toEqual({
      opstat: 'ok',
      response: {},
    });
    expect((await gengoGet(emu, `translate/order/${late.order_id}`, {}, 'DELETE')).body.opstat).toBe('ok');
    const o = (await gengoGet(emu, `translate/order/${orderId}`)).body.response.order;
    expect(o).toMatchObject({ jobs_cancelled: [ids[0], ids[1]], jobs_pending: [ids[2]], jobs_available: [] });
    expect((await gengoGet(emu, 'account/balance')).body.response.credits).toBe('999.70');
    expect((await gengoGet(emu, `translate/order/${late.order_id}`)).body.response.order.jobs_queued).toBe(1);
  });

  it('serves account, glossary and service endpoints', async () => {
    expect((await gengoGet(emu, 'account/me')).body.response).toMatchObject({ email: expect.any(String) });
    expect((await gengoGet(emu, 'account/preferred_translators')).body.opstat).toBe('ok');
    expect((await gengoGet(emu, 'translate/glossary')).body.response[0].id).toBe(115);
    expect((await gengoGet(emu, 'translate/glossary/115')).body.response.title).toMatch(/glossary/);
    const matrix = (await gengoGet(emu, 'translate/service/language_matrix', { lc_src: 'en' })).body.response;
    expect(matrix.en).toEqual(expect.arrayContaining(['ja', 'fr', 'de']));
  });
});
