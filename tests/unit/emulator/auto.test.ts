import { startEmulator, RunningEmulator } from '../../../emulator/src/index';
import { EmulatorControl } from '../../../emulator/src/control-client';
import { callbackReceiver, gengoGet, order, textJob, waitFor } from './helpers';

describe('emulator: automatic mode', () => {
  let emu: RunningEmulator;
  let control: EmulatorControl;
  beforeAll(async () => {
    emu = await startEmulator({ port: 0, jobCreationDelayMs: 20 });
    control = new EmulatorControl(emu.url);
  });
  afterAll(() => emu.close());

  it('moves a job through its life on a timer; a job that does not auto-approve waits at reviewable', async () => {
    const hook = await callbackReceiver();
    try {
      await control.auto(true, 25);
      const res = await order(emu, {
        a: textJob('Automatic', { callback_url: hook.url, auto_approve: 1 }),
        b: textJob('Waits for the reviewer', { callback_url: hook.url }),
      });
      const jobsOf = async () => (await gengoGet(emu, `translate/order/${res.order_id}`)).body.response.order;
      await waitFor(async () => {
        const o = await jobsOf();
        return o.jobs_approved.length === 1 && o.jobs_reviewable.length === 1;
      }, 3000);
      await new Promise((r) => setTimeout(r, 100)); // more ticks: b stays reviewable
      expect((await jobsOf()).jobs_reviewable).toHaveLength(1);
      await waitFor(() => hook.received.length === 4);
      const seen = hook.received.map((r) => JSON.parse(r.form.get('job')!)).map((j) => `${j.body_src}:${j.status}`);
      expect(seen.filter((s) => s.startsWith('Automatic'))).toEqual(['Automatic:available', 'Automatic:approved']);
      expect(seen.filter((s) => s.startsWith('Waits'))).toEqual([
        'Waits for the reviewer:available',
        'Waits for the reviewer:reviewable',
      ]);
    } finally {
      await control.auto(false);
      await hook.close();
    }
  });

  it('approveReviewable: approves reviewable jobs too, as a customer in the dashboard (called back)', async () => {
    await control.reset();
    const hook = await callbackReceiver();
    expect(await control.auto(true, 20, true)).toMatchObject({ on: true, approveReviewable: true });
    try {
      const res = await order(emu, { a: textJob('Approved by the dashboard', { callback_url: hook.url }) });
      await waitFor(
        async () =>
          (await gengoGet(emu, `translate/order/${res.order_id}`)).body.response.order.jobs_approved.length === 1,
        3000
      );
      await waitFor(() => hook.received.length === 3);
      expect(hook.received.map((r) => JSON.parse(r.form.get('job')!).status)).toEqual([
        'available',
        'reviewable',
        'approved',
      ]);
    } finally {
      await control.auto(false, undefined, false);
      await hook.close();
    }
  });

  it('starts in auto mode from startEmulator({ auto }), following each job’s flag', async () => {
    const other = await startEmulator({ port: 0, jobCreationDelayMs: 10, auto: { intervalMs: 20 } });
    try {
      const res = await order(other, { a: textJob('From the start'), b: textJob('Auto', { auto_approve: 1 }) });
      await waitFor(async () => {
        const o = (await gengoGet(other, `translate/order/${res.order_id}`)).body.response.order;
        return o.jobs_approved.length === 1 && o.jobs_reviewable.length === 1;
      }, 3000);
    } finally {
      await other.close();
    }
  });
});
