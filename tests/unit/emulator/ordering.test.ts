import { startEmulator, RunningEmulator, countUnits } from '../../../emulator/src/index';
import { EmulatorControl } from '../../../emulator/src/control-client';
import { gengoGet, gengoSend, nowTs, order, orderJobIds, signTs, textJob } from './helpers';

describe('emulator: ordering, money, lazy loading, quotes', () => {
  let emu: RunningEmulator;
  let control: EmulatorControl;
  beforeAll(async () => {
    emu = await startEmulator({ port: 0, jobCreationDelayMs: 60_000, duplicateWindowSeconds: 0 });
    control = new EmulatorControl(emu.url);
  });
  afterAll(() => emu.close());
  beforeEach(() => control.reset());

  it('refuses an order the balance cannot pay (2700) and creates nothing', async () => {
    await control.setBalance(0.1);
    const r = await gengoSend(emu, 'POST', 'translate/jobs', { jobs: { a: textJob('one two three') } });
    expect(r.http).toBe(200);
    expect(r.body).toEqual({ opstat: 'error', err: expect.objectContaining({ code: 2700 }) });
    expect((await control.jobs()).length).toBe(0);
    expect((await gengoGet(emu, 'account/balance')).body.response.credits).toBe('0.10');
  });

  it('draws the balance down and reports spending in account/stats', async () => {
    await order(emu, { a: textJob('one two three four five') }); // 5 words × 0.06
    expect((await gengoGet(emu, 'account/balance')).body.response.credits).toBe('999.70');
    expect((await gengoGet(emu, 'account/stats')).body.response).toMatchObject({
      credits_spent: '0.30',
      currency: 'USD',
    });
  });

  it('lazy loading: same content and language pair (any tier) returns the translated job approved, free; force=1 orders anew', async () => {
    const first = await order(emu, { a: textJob('Lazy text') });
    await control.flush();
    const [id] = await orderJobIds(emu, first.order_id);
    // Not translated yet: no match, a new job (charged).
    const early = await order(emu, { e: textJob('Lazy text') });
    expect(early).toMatchObject({ credits_used: '0.12' });
    expect(early.jobs).toBeUndefined();
    await control.advance(id, 'reviewable');
    const again = await order(emu, { mine: textJob('Lazy text', { slug: 'other', tier: 'pro' }) });
    expect(again).toMatchObject({ job_count: 1, credits_used: '0.00' });
    expect(again.order_id).not.toBe(first.order_id);
    expect(again.jobs).toEqual({
      mine: [expect.objectContaining({ job_id: id, status: 'approved', body_tgt: '[fr] Làzy téxt' })],
    });
    // "The status for these jobs will be updated as approved"
    expect((await gengoGet(emu, `translate/job/${id}`)).body.response.job.status).toBe('approved');
    const other = await order(emu, { x: textJob('Lazy text', { lc_tgt: 'de' }) }); // another pair: new job
    expect(other.credits_used).toBe('0.12');
    const forced = await order(emu, { a: textJob('Lazy text', { force: 1 }) });
    expect(forced.credits_used).toBe('0.12');
    expect(forced.jobs).toBeUndefined();
    await control.flush();
    for (const j of await control.jobs()) if (j.status === 'available') await control.advance(j.job_id, 'reviewable');
    const many = await order(emu, { k: textJob('Lazy text', { custom_data: 'again' }) });
    expect(many.jobs.k).toHaveLength(3); // several matches once force was used (and the early one)
    expect(many.jobs.k.every((j: any) => j.status === 'approved')).toBe(true);
  });

  it('mix of old and new: old jobs listed by their key, job_count counts all, only new ones charged', async () => {
    const known = await order(emu, { a: textJob('Known') });
    await control.flush();
    await control.advance((await orderJobIds(emu, known.order_id))[0], 'approved');
    const mix = await order(emu, { old: textJob('Known'), fresh: textJob('Brand new text') });
    expect(mix).toMatchObject({ job_count: 2, credits_used: '0.18' });
    expect(Object.keys(mix.jobs)).toEqual(['old']);
    expect(mix.jobs.old).toEqual([expect.objectContaining({ body_src: 'Known', status: 'approved' })]);
  });

  it('repeats inside one payload: a list of lists in payload order, repeats sharing one job, charged once', async () => {
    const r = await order(emu, {
      a: textJob('Same words here'),
      b: textJob('Other'),
      c: textJob('Same words here'),
    });
    expect(r).toMatchObject({ job_count: 3, credits_used: '0.24' }); // 3 + 1 words
    expect(Array.isArray(r.jobs)).toBe(true);
    expect(r.jobs).toHaveLength(3);
    expect(r.jobs.every((list: any[]) => Array.isArray(list) && list.length === 1)).toBe(true);
    const [[a], [b], [c]] = r.jobs;
    expect(a.job_id).toBe(c.job_id);
    expect(b.job_id).not.toBe(a.job_id);
    expect([a.body_src, b.body_src]).toEqual(['Same words here', 'Other']);
    expect(a).toMatchObject({ mt: 1, body_tgt: expect.stringMatching(/^\[mt:fr\] /) }); // as the docs' example
    const o = (await gengoGet(emu, `translate/order/${r.order_id}`)).body.response.order;
    expect(o).toMatchObject({ jobs_queued: 2, total_credits: '0.24' });
  });

  it('answers per-job validation errors keyed by the payload key (slug is required)', async () => {
    const r = await gengoSend(emu, 'POST', 'translate/jobs', {
      jobs: {
        ok: textJob('fine'),
        job_2: { type: 'text', slug: 's', body_src: 'x', lc_src: 'en', lc_tgt: 'xx', tier: 'standard' },
        job_3: { ...textJob(''), tier: 'gold', custom_data: 'x'.repeat(1025) },
        job_4: { ...textJob('No title'), slug: undefined },
        job_5: { ...textJob('Blank title'), slug: '  ' },
      },
    });
    expect(r.body.opstat).toBe('error');
    expect(r.body.err).toEqual({
      job_2: [expect.objectContaining({ code: 1551 })],
      job_3: [
        expect.objectContaining({ code: 1350 }),
        expect.objectContaining({ code: 1304 }),
        expect.objectContaining({ code: 1751 }),
      ],
      job_4: [{ code: 1351, msg: 'slug is a required field' }],
      job_5: [{ code: 1351, msg: 'slug is a required field' }],
    });
    // A quote orders nothing and needs no slug.
    const q = await gengoSend(emu, 'POST', 'translate/service/quote', {
      jobs: { a: { ...textJob('x'), slug: undefined } },
    });
    expect(q.body.opstat).toBe('ok');
    expect((await control.jobs()).length).toBe(0);
    expect((await gengoSend(emu, 'POST', 'translate/jobs', {})).body.err.code).toBe(1800);
    expect((await gengoSend(emu, 'POST', 'translate/jobs')).body.err.code).toBe(1250);
  });

  it('as_group: a group id for same-pair jobs, 1951/1950/1952 otherwise', async () => {
    const r = await order(emu, { a: textJob('First'), b: textJob('Second') }, { as_group: 1 });
    expect(r.group_id).toEqual(expect.any(String));
    const g = (await gengoGet(emu, `translate/jobs/group/${r.group_id}`)).body.response;
    expect(g.jobs).toHaveLength(2);
    const err = async (jobs: any) =>
      (await gengoSend(emu, 'POST', 'translate/jobs', { jobs, as_group: 1 })).body.err.code;
    expect(await err({ a: textJob('Only') })).toBe(1951);
    expect(await err({ a: textJob('One'), b: textJob('Two', { lc_tgt: 'de' }) })).toBe(1950);
    expect(await err({ a: textJob('One', { tier: 'ultra' }), b: textJob('Two', { tier: 'ultra' }) })).toBe(1952);
    expect((await gengoGet(emu, 'translate/jobs/group/1')).body.err.code).toBe(2600);
  });

  it('refuses an identical payload within the duplicate window (1754), as Gengo does', async () => {
    const strict = await startEmulator({ port: 0 });
    try {
      const payload = { jobs: { a: textJob('Twice') } };
      expect((await gengoSend(strict, 'POST', 'translate/jobs', payload)).body.opstat).toBe('ok');
      expect((await gengoSend(strict, 'POST', 'translate/jobs', payload)).body.err.code).toBe(1754);
    } finally {
      await strict.close();
    }
  });

  it('quotes unit counts without [[[ ]]] text: words for en, characters for ja', async () => {
    const en = 'Hello [[[<b>not counted</b>]]] dear world - again';
    const ja = 'こんにちは、[[[{name}]]]世界 です';
    const r = await gengoSend(emu, 'POST', 'translate/service/quote', {
      jobs: { en: textJob(en, { lc_tgt: 'ja' }), ja: { body_src: ja, lc_src: 'ja', lc_tgt: 'en', tier: 'pro' } },
    });
    expect(r.body.response.jobs.en).toMatchObject({ unit_count: 4, credits: 0.24, currency: 'USD', type: 'text' });
    expect(r.body.response.jobs.ja).toMatchObject({ unit_count: 10, credits: 0.6 });
    expect(countUnits(en, 'en')).toBe(4);
    expect(countUnits(ja, 'ja')).toBe(10);
  });

  it('prices follow the language_pairs table', async () => {
    const pairs = (
      await fetch(`${emu.apiUrl}translate/service/language_pairs?api_key=${emu.publicKey}&lc_src=ja`).then(
        (r) => r.json() as Promise<any>
      )
    ).response;
    expect(pairs).toEqual(
      expect.arrayContaining([{ lc_src: 'ja', lc_tgt: 'en', tier: 'standard', unit_price: '0.0300', currency: 'USD' }])
    );
    const q = await gengoSend(emu, 'POST', 'translate/service/quote', {
      jobs: { a: { body_src: '日本語です', lc_src: 'ja', lc_tgt: 'en', tier: 'standard' } },
    });
    expect(q.body.response.jobs.a.credits).toBe(0.15);
  });

  it('translate/service/quote takes file jobs too (gengo-php/python post them there, part named by file_key)', async () => {
    const ts = nowTs();
    const form = new FormData();
    form.set('api_key', emu.publicKey);
    form.set('ts', String(ts));
    form.set('api_sig', signTs(ts, emu.privateKey));
    form.set(
      'data',
      JSON.stringify({
        jobs: {
          t: textJob('two words'),
          f: { type: 'file', file_key: 'upload_1', lc_src: 'ja', lc_tgt: 'en', tier: 'standard' },
        },
      })
    );
    form.set('upload_1', new Blob(['日本語']), 'ja.txt');
    const r = await fetch(`${emu.apiUrl}translate/service/quote`, { method: 'POST', body: form }).then(
      (x) => x.json() as Promise<any>
    );
    expect(r.response.jobs.t).toMatchObject({ unit_count: 2, credits: 0.12 });
    expect(r.response.jobs.f).toMatchObject({ unit_count: 3, credits: '0.09', type: 'file' });
  });

  it('quote/file accepts text files and the identifier orders a file job; binaries get 1802', async () => {
    const ts = nowTs();
    const form = new FormData();
    form.set('api_key', emu.publicKey);
    form.set('ts', String(ts));
    form.set('api_sig', signTs(ts, emu.privateKey));
    form.set(
      'data',
      JSON.stringify({
        jobs: {
          job_1: { type: 'file', lc_src: 'en', lc_tgt: 'fr', tier: 'standard' },
          job_2: { type: 'file', lc_src: 'en', lc_tgt: 'fr', tier: 'standard' },
        },
      })
    );
    form.set('file_job_1', new Blob(['Three little words']), 'words.txt');
    form.set('file_job_2', new Blob([Buffer.from([0, 1, 2])]), 'photo.doc');
    const r = await fetch(`${emu.apiUrl}translate/service/quote/file`, { method: 'POST', body: form }).then(
      (x) => x.json() as Promise<any>
    );
    expect(r.response.jobs.job_1).toMatchObject({
      unit_count: 3,
      credits: '0.18',
      type: 'file',
      identifier: expect.any(String),
    });
    expect(r.response.jobs.job_2.err).toMatchObject({ code: 1802, filename: 'photo.doc' });
    const o = await order(emu, {
      f: {
        type: 'file',
        slug: 'words.txt',
        identifier: r.response.jobs.job_1.identifier,
        lc_src: 'en',
        lc_tgt: 'fr',
        tier: 'standard',
      },
    });
    await control.flush();
    const [id] = await orderJobIds(emu, o.order_id);
    expect((await gengoGet(emu, `translate/job/${id}`)).body.response.job.body_src).toBe('Three little words');
  });
});
