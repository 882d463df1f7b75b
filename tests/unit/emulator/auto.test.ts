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

  it('moves a job through its whole life on a timer, with every callback', async () => {
    const hook = await callbackReceiver();
    try {
      await control.auto(true, 25);
      const res = await order(emu, { a: textJob('Automatic', { callback_url: hook.url }) });
      await waitFor(
        async () =>
          (await gengoGet(emu, `translate/order/${res.order_id}`)).body.response.order.jobs_approved.length === 1,
        3000
      );
      await waitFor(() => hook.received.length === 4);
      expect(hook.received.map((r) => JSON.parse(r.form.get('job')!).status)).toEqual([
        'available',
        'pending',
        'reviewable',
        'approved',
      ]);
    } finally {
      await control.auto(false);
      await hook.close();
    }
  });

  it('can stop at reviewable so the customer approves', async () => {
    await control.reset();
    await control.auto(true, 20, false);
    try {
      const res = await order(emu, { a: textJob('Waits for review') });
      await waitFor(
        async () =>
          (await gengoGet(emu, `translate/order/${res.order_id}`)).body.response.order.jobs_reviewable.length === 1,
        3000
      );
      await new Promise((r) => setTimeout(r, 80));
      expect((await gengoGet(emu, `translate/order/${res.order_id}`)).body.response.order.jobs_approved).toEqual([]);
    } finally {
      await control.auto(false);
    }
  });

  it('starts in auto mode from startEmulator({ auto })', async () => {
    const other = await startEmulator({ port: 0, jobCreationDelayMs: 10, auto: { intervalMs: 20 } });
    try {
      const res = await order(other, { a: textJob('From the start') });
      await waitFor(
        async () =>
          (await gengoGet(other, `translate/order/${res.order_id}`)).body.response.order.jobs_approved.length === 1,
        3000
      );
    } finally {
      await other.close();
    }
  });
});
