import type { Emulator } from './context';

/**
 * The emulator's clock: real time plus an offset the control API can move forward
 * (`POST /_emulator/clock`), so that what Gengo does after hours (the 72-hour auto-approval)
 * happens in a test's milliseconds. Everything Gengo stamps (ctime of jobs, comments, revisions,
 * the identical-payload window, deadlines) reads this clock; request signatures (`ts`) and the
 * rate limit are checked against real time, as the client signs and sends in real time.
 */
export const nowMs = (emu: Emulator) => Date.now() + emu.store.clockOffsetMs;
export const nowS = (emu: Emulator) => Math.floor(nowMs(emu) / 1000);
