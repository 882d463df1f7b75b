import { fork } from 'node:child_process';
import path from 'node:path';
import { startEmulator } from '../../emulator/src';
import { RECEIVING_EMULATOR } from '../../tests/helpers/orders';

/**
 * The emulator in a process of its own (for memory figures: its job store must not count as
 * ours). Run as a child: starts the emulator and sends its URLs and keys over IPC.
 */
export const startEmulatorProcess = async () => {
  const child = fork(__filename, ['--serve'], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  const info = await new Promise<{ url: string; apiUrl: string; publicKey: string; privateKey: string }>(
    (resolve, reject) => {
      child.once('message', (m) => resolve(m as any));
      child.once('exit', (code) => reject(new Error(`the emulator process exited (${code})`)));
    }
  );
  return {
    ...info,
    /** The emulator process's CPU time so far (user + system), in ms. */
    cpuMs: () =>
      new Promise<number>((resolve) => {
        child.once('message', (m: any) => resolve((m.user + m.system) / 1000));
        child.send('cpu');
      }),
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
};

if (process.argv.includes('--serve') && path.resolve(process.argv[1] ?? '') === __filename) {
  startEmulator({ port: 0, ...RECEIVING_EMULATOR }).then((emu) =>
    process.send!({ url: emu.url, apiUrl: emu.apiUrl, publicKey: emu.publicKey, privateKey: emu.privateKey })
  );
  process.on('message', (m) => {
    if (m === 'cpu') process.send!(process.cpuUsage());
  });
}
