import { startEmulator, RunningEmulator, pseudoTranslate, machineTranslate } from '../../../emulator/src/index';
import { EmulatorControl } from '../../../emulator/src/control-client';
import { callbackReceiver, gengoGet, gengoSend, order, orderJobIds, textJob, waitFor } from './helpers';

describe('emulator: order → async creation → lifecycle → callbacks', () => {
  let emu: RunningEmulator;
  let control: EmulatorControl;
  let hook: Awaited<ReturnType<typeof callbackReceiver>>;

  beforeAll(async () => {
    emu = await startEmulator({ port: 0, jobCreationDelayMs: 60_000, callbackRetryMs: 50 });
    control = new EmulatorControl(emu.url);
  });
  afterAll(() => emu.close());
  beforeEach(async () => {
    await control.reset();
    hook = await callbackReceiver();
  });
  afterEach(() => hook.close());

  it('creates jobs asynchronously: the order counts them as queued until the queue runs', async () => {
    const res = await order(emu, {
      job_1: textJob('Hello world', { callback_url: hook.url }),
      job_2: textJob('Good bye'),
    });
    expect(res).toEqual({ order_id: expect.any(String), job_count: 2, credits_used: '0.24', currency: 'USD' });
    const before = (await gengoGet(emu, `translate/order/${res.order_id}`)).body.response.order;
    expect(before).toMatchObject({
      jobs_queued: 2,
      jobs_available: [],
      total_jobs: '2',
      total_credits: '0.24',
      total_units: 4,
    });
    expect(await control.flush()).toEqual({ flushed: 2 });
    const after = (await gengoGet(emu, `translate/order/${res.order_id}`)).body.response.order;
    expect(after.jobs_queued).toBe(0);
    expect(after.jobs_available).toHaveLength(2);
  });

  it('creates jobs by itself after jobCreationDelayMs', async () => {
    const quick = await startEmulator({ port: 0, jobCreationDelayMs: 30 });
    try {
      const res = await order(quick, { a: textJob('Quick one') });
      await waitFor(async () => (await orderJobIds(quick, res.order_id)).length === 1, 2000);
    } finally {
      await quick.close();
    }
  });

  it('walks available → pending → reviewable → approved, calling back for the events Gengo lists only', async () => {
    const res = await order(emu, {
      job_1: textJob('Hello [[[{name}]]], welcome!', { callback_url: hook.url, custom_data: '{"entry":7}' }),
    });
    await control.flush();
    const [id] = await orderJobIds(emu, res.order_id);
    await control.advance(id, 'pending');
    await control.advance(id, 'reviewable');
    const job = (await gengoGet(emu, `translate/job/${id}`)).body.response.job;
    expect(job).toMatchObject({
      job_id: id,
      order_id: res.order_id,
      status: 'reviewable',
      unit_count: '2',
      credits: '0.12',
      currency: 'USD',
      body_tgt: '[fr] Héllô [[[{name}]]], wélcômé!',
      custom_data: '{"entry":7}',
      captcha_url: expect.stringMatching(/\/captcha\//),
    });
    expect(job.body_tgt).toBe(pseudoTranslate('Hello [[[{name}]]], welcome!', 'fr'));
    expect(
      (await gengoSend(emu, 'PUT', `translate/job/${id}`, { action: 'approve', rating: 5, for_translator: 'Merci' }))
        .body
    ).toEqual({ opstat: 'ok', response: {} });
    // callback_urls.md: ready for a translator, ready for review; never `pending`, and the
    // customer's own approval through the API is answered, not called back.
    await waitFor(() => hook.received.length === 2);
    await new Promise((r) => setTimeout(r, 100));
    expect(hook.received.every((r) => r.contentType === 'application/x-www-form-urlencoded')).toBe(true);
    const statuses = hook.received.map((r) => JSON.parse(r.form.get('job')!).status);
    expect(statuses).toEqual(['available', 'reviewable']);
    const last = JSON.parse(hook.received[1].form.get('job')!);
    expect(last).toMatchObject({
      job_id: id,
      body_tgt: '[fr] Héllô [[[{name}]]], wélcômé!',
      custom_data: '{"entry":7}',
    });
    const fb = await gengoGet(emu, `translate/job/${id}/feedback`);
    expect(fb.body.response).toEqual({ feedback: { rating: '5', for_translator: 'Merci' } });
    const revs = (await gengoGet(emu, `translate/job/${id}/revisions`)).body.response;
    expect(revs.revisions).toHaveLength(1);
    const rev = await gengoGet(emu, `translate/job/${id}/revision/${revs.revisions[0].rev_id}`);
    expect(rev.body.response.revision.body_tgt).toBe('[fr] Héllô [[[{name}]]], wélcômé!');
    expect((await gengoGet(emu, `translate/job/${id}/revision/99`)).body.err.code).toBe(2200);
    const py = await gengoGet(emu, `translate/job/${id}/revisions/${revs.revisions[0].rev_id}`); // gengo-python's path
    expect(py.body.response.revision.body_tgt).toBe(rev.body.response.revision.body_tgt);
  });

  it('retries a callback until the receiver answers 200', async () => {
    await hook.close();
    hook = await callbackReceiver([500, 503]);
    const res = await order(emu, { j: textJob('Retry me', { callback_url: hook.url }) });
    await control.flush();
    await waitFor(() => hook.received.length === 3, 3000);
    const [cb] = await waitFor(async () => {
      const list = await control.callbacks();
      return list[0]?.delivered ? list : undefined;
    });
    expect(cb).toMatchObject({
      url: hook.url,
      field: 'job',
      event: 'available',
      attempts: 3,
      statuses: [500, 503, 200],
      delivered: true,
    });
    expect(new URLSearchParams(cb.body).get('job')).toContain(res.order_id);
  });

  it('does not send callbacks over 60 KB', async () => {
    const big = 'word '.repeat(14000);
    await order(emu, { j: textJob(big, { callback_url: hook.url }) });
    await control.flush();
    const [cb] = await control.callbacks();
    expect(cb).toMatchObject({ skipped: 'too_large', attempts: 0 });
  });

  it('revise → revising → translator resubmits → reviewable, with a second revision', async () => {
    const res = await order(emu, { j: textJob('Fix me') });
    await control.flush();
    const [id] = await orderJobIds(emu, res.order_id);
    await control.advance(id, 'reviewable');
    expect((await gengoSend(emu, 'PUT', `translate/job/${id}`, { action: 'revise' })).body.err.code).toBe(2300);
    expect(
      (await gengoSend(emu, 'PUT', `translate/job/${id}`, { action: 'revise', comment: 'Use tu' })).body.opstat
    ).toBe('ok');
    expect((await gengoGet(emu, `translate/job/${id}`)).body.response.job.status).toBe('revising');
    await control.advance(id, 'reviewable');
    expect((await gengoGet(emu, `translate/job/${id}/revisions`)).body.response.revisions).toHaveLength(2);
  });

  it('reject requires the captcha text; a wrong one gets 2401 and a new captcha_url', async () => {
    const res = await order(emu, { j: textJob('Reject me') });
    await control.flush();
    const [id] = await orderJobIds(emu, res.order_id);
    await control.advance(id, 'reviewable');
    const base = { action: 'reject', reason: 'quality', comment: 'Not good' };
    expect((await gengoSend(emu, 'PUT', `translate/job/${id}`, base)).body.err.code).toBe(2400);
    const wrong = await gengoSend(emu, 'PUT', `translate/job/${id}`, { ...base, captcha: 'NOPE' });
    expect(wrong.body.err).toMatchObject({ code: 2401, captcha_url: expect.stringMatching(/captcha/) });
    expect(
      (await gengoSend(emu, 'PUT', `translate/job/${id}`, { ...base, captcha: 'X', follow_up: 'later' })).body.err.code
    ).toBe(2450);
    const { captcha } = await control.job(id);
    const img = await fetch((await gengoGet(emu, `translate/job/${id}`)).body.response.job.captcha_url);
    expect(img.headers.get('content-type')).toBe('image/png');
    const balance = (await gengoGet(emu, 'account/balance')).body.response.credits;
    expect(
      (await gengoSend(emu, 'PUT', `translate/job/${id}`, { ...base, captcha, follow_up: 'cancel' })).body.opstat
    ).toBe('ok');
    expect((await gengoGet(emu, `translate/job/${id}`)).body.response.job.status).toBe('rejected');
    // follow_up=cancel refunds the job's credits (0.12 for two words en→fr standard).
    expect(Number((await gengoGet(emu, 'account/balance')).body.response.credits)).toBeCloseTo(
      Number(balance) + 0.12,
      2
    );
  });

  it('cancels only while available (2252 while still queued or once a translator started) and refunds', async () => {
    const res = await order(emu, { a: textJob('Cancel me'), b: textJob('Too late') });
    const queued = await control.jobs();
    expect(queued.map((j) => j.status)).toEqual(['queued', 'queued']);
    expect((await gengoGet(emu, `translate/job/${queued[0].job_id}`, {}, 'DELETE')).body.err.code).toBe(2252);
    await control.flush();
    const [a, b] = await orderJobIds(emu, res.order_id);
    await control.advance(b, 'pending');
    expect((await gengoGet(emu, 'account/balance')).body.response.credits).toBe('999.76');
    expect((await gengoGet(emu, `translate/job/${a}`, {}, 'DELETE')).body).toEqual({ opstat: 'ok', response: {} });
    expect((await gengoGet(emu, `translate/job/${b}`, {}, 'DELETE')).body.err.code).toBe(2252);
    expect((await gengoGet(emu, 'account/balance')).body.response.credits).toBe('999.88');
    const o = (await gengoGet(emu, `translate/order/${res.order_id}`)).body.response.order;
    expect(o).toMatchObject({ jobs_cancelled: [a], jobs_pending: [b] });
  });

  it('hold: listed in jobs_held until released by advance', async () => {
    const res = await order(emu, { j: textJob('Hold me') });
    await control.flush();
    const [id] = await orderJobIds(emu, res.order_id);
    await control.advance(id, 'hold');
    expect((await gengoGet(emu, `translate/order/${res.order_id}`)).body.response.order.jobs_held).toEqual([id]);
    expect((await control.advance(id, 'pending')).status).toBe('pending');
  });

  it('auto_approve jobs go straight from pending to approved (callback "approved")', async () => {
    const res = await order(emu, { j: textJob('Auto', { auto_approve: 1, callback_url: hook.url }) });
    await control.flush();
    const [id] = await orderJobIds(emu, res.order_id);
    await control.advance(id, 'approved');
    await waitFor(() => hook.received.length === 2);
    expect(hook.received.map((r) => JSON.parse(r.form.get('job')!).status)).toEqual(['available', 'approved']);
  });

  it("approval in Gengo's dashboard (the control API) is called back; revise and reject through the API are not", async () => {
    const res = await order(emu, {
      a: textJob('Dashboard approval', { callback_url: hook.url }),
      b: textJob('Revised then rejected', { callback_url: hook.url }),
    });
    await control.flush();
    const [a, b] = await orderJobIds(emu, res.order_id);
    await control.advance(a, 'approved');
    await control.advance(b, 'reviewable');
    await gengoSend(emu, 'PUT', `translate/job/${b}`, { action: 'revise', comment: 'Shorter, please' });
    await control.advance(b, 'reviewable'); // the translator hands in again: ready for review
    const { captcha } = await control.job(b);
    await gengoSend(emu, 'PUT', `translate/job/${b}`, { action: 'reject', reason: 'other', comment: 'No', captcha });
    await waitFor(() => hook.received.length === 6);
    await new Promise((r) => setTimeout(r, 100));
    const events = hook.received.map((r) => JSON.parse(r.form.get('job')!)).map((j) => `${j.job_id}:${j.status}`);
    expect(events.filter((e) => e.startsWith(a))).toEqual([`${a}:available`, `${a}:reviewable`, `${a}:approved`]);
    expect(events.filter((e) => e.startsWith(b))).toEqual([`${b}:available`, `${b}:reviewable`, `${b}:reviewable`]);
    expect((await control.callbacks()).map((c) => c.event)).not.toContain('pending');
  });

  it('machine tier is instant and free; pre_mt gives a machine preview before the human text', async () => {
    const res = await order(emu, {
      m: textJob('Machine please', { tier: 'machine' }),
      h: textJob('Human please', { lc_tgt: 'ja' }),
    });
    expect(res.credits_used).toBe('0.12');
    const o = (await gengoGet(emu, `translate/order/${res.order_id}`)).body.response.order;
    expect(o.jobs_approved).toHaveLength(1);
    const m = (await gengoGet(emu, `translate/job/${o.jobs_approved[0]}`)).body.response.job;
    expect(m).toMatchObject({
      status: 'approved',
      body_tgt: machineTranslate('Machine please', 'fr'),
      credits: '0.00',
    });
    await control.flush();
    const [h] = (await gengoGet(emu, `translate/order/${res.order_id}`)).body.response.order.jobs_available;
    expect((await gengoGet(emu, `translate/job/${h}`)).body.response.job.body_tgt).toBeUndefined();
    const pre = (await gengoGet(emu, `translate/job/${h}`, { pre_mt: '1' })).body.response.job;
    expect(pre).toMatchObject({ body_tgt: '[mt:ja] 「Human」 「please」', mt: 1 });
  });

  it('comments go both ways: customer comments in the thread, translator comments as a callback', async () => {
    const res = await order(emu, {
      j: textJob('Talk', { comment: 'Formal tone', callback_url: hook.url, custom_data: 'cd' }),
    });
    await control.flush();
    const [id] = await orderJobIds(emu, res.order_id);
    expect((await gengoSend(emu, 'POST', `translate/job/${id}/comment`, {})).body.err.code).toBe(2000);
    await gengoSend(emu, 'POST', `translate/job/${id}/comment`, { body: 'Thanks!' });
    await control.comment(id, 'Is "Talk" a verb?');
    const thread = (await gengoGet(emu, `translate/job/${id}/comments`)).body.response.thread;
    expect(thread.map((c: any) => [c.author, c.body])).toEqual([
      ['customer', 'Formal tone'],
      ['customer', 'Thanks!'],
      ['worker', 'Is "Talk" a verb?'],
    ]);
    const commentCb = await waitFor(() => hook.received.find((r) => r.form.has('comment')));
    expect(JSON.parse(commentCb.form.get('comment')!)).toMatchObject({
      job_id: id,
      body: 'Is "Talk" a verb?',
      custom_data: 'cd',
      author: 'worker',
    });
  });

  it('order comments: POST then GET the thread', async () => {
    const res = await order(emu, { j: textJob('Order talk') }, { comment: 'For the whole order' });
    await gengoSend(emu, 'POST', `translate/order/${res.order_id}/comment`, { body: 'One more' });
    const thread = (await gengoGet(emu, `translate/order/${res.order_id}/comments`)).body.response.thread;
    expect(thread.map((c: any) => c.body)).toEqual(['For the whole order', 'One more']);
    expect((await gengoGet(emu, 'translate/order/1')).body.err.code).toBe(2750);
  });

  it('serves the preview as a JPEG and 2100 for unknown jobs', async () => {
    const res = await order(emu, { j: textJob('Preview') });
    await control.flush();
    const [id] = await orderJobIds(emu, res.order_id);
    const { apiUrl, publicKey, privateKey } = emu;
    const ts = Math.floor(Date.now() / 1000);
    const { createHmac } = await import('node:crypto');
    const sig = createHmac('sha1', privateKey).update(String(ts)).digest('hex');
    const img = await fetch(`${apiUrl}translate/job/${id}/preview?api_key=${publicKey}&ts=${ts}&api_sig=${sig}`);
    expect(img.headers.get('content-type')).toBe('image/jpeg');
    const bytes = Buffer.from(await img.arrayBuffer());
    expect(bytes.subarray(0, 2).toString('hex')).toBe('ffd8');
    expect((await gengoGet(emu, 'translate/job/999')).body.err.code).toBe(2100);
  });
});
