import type { AddressInfo } from 'node:net';
import { AutoMode } from './auto';
import { CallbackDispatcher } from './callbacks';
import type { Emulator } from './context';
import { Faults } from './faults';
import { scheduleCreation } from './ordering';
import { StateFile } from './persistence';
import { createEmulatorServer } from './server';
import { Store } from './state';

export { pseudoTranslate, machineTranslate } from './translator';
export { countUnits } from './units';
export { sign } from './signature';
export { priceCents, unitPrice4, formatCredits } from './pricing';
export { captchaText, autoApproveAt, autoApproveSeconds, AUTO_APPROVE_MIN_SECONDS } from './jobs';
export { captchaPng } from './captcha-image';
export type { FaultSpec } from './faults';
export type { CallbackRecord } from './callbacks';
export type { RequestRecord } from './context';

export const DEFAULT_PUBLIC_KEY = 'emulator-public-key';
export const DEFAULT_PRIVATE_KEY = 'emulator-private-key';

export interface StartEmulatorOptions {
  port?: number; // 0 = random free port (tests); default 3999
  host?: string; // default 127.0.0.1
  publicKey?: string;
  privateKey?: string;
  credits?: number; // starting balance, default 1000
  /**
   * Automatic lifecycle mode: jobs move one step per interval and follow their own auto_approve
   * flag (reviewable jobs wait for the customer); `approveReviewable: true` approves those too,
   * as a customer would in Gengo's dashboard.
   */
  auto?: boolean | { intervalMs: number; approveReviewable?: boolean };
  callbackRetryMs?: number; // between attempts of a callback, default 3 600 000 (Gengo: an hour apart)
  callbackMaxAttempts?: number; // default 3 (Gengo: up to 3 attempts)
  callbackTimeoutMs?: number; // per attempt, default 5000
  callbackConcurrency?: number; // deliveries in flight at once, default 8; 0 = no limit
  jobCreationDelayMs?: number; // async creation of jobs after POST translate/jobs, default 200
  clockSkewSeconds?: number; // accepted |server time − ts|, default 300
  duplicateWindowSeconds?: number; // Gengo's 1754 identical-payload window, default 300; 0 = off
  rateLimitPerMinute?: number; // Gengo: 150 per minute per IP (default); 0 = unlimited
  /**
   * Keep the state (account, orders, jobs, next ids, clock) in this JSON file across restarts:
   * read at start when it exists, written after changes and on close. Default: none, a clean start.
   */
  stateFile?: string;
}

export interface RunningEmulator {
  url: string;
  apiUrl: string;
  controlUrl: string;
  port: number;
  publicKey: string;
  privateKey: string;
  close(): Promise<void>;
}

export async function startEmulator(opts: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  const host = opts.host ?? '127.0.0.1';
  const credits = opts.credits ?? 1000;
  const emu: Emulator = {
    config: {
      publicKey: opts.publicKey ?? DEFAULT_PUBLIC_KEY,
      privateKey: opts.privateKey ?? DEFAULT_PRIVATE_KEY,
      startCredits: credits,
      clockSkewSeconds: opts.clockSkewSeconds ?? 300,
      jobCreationDelayMs: opts.jobCreationDelayMs ?? 200,
      duplicateWindowSeconds: opts.duplicateWindowSeconds ?? 300,
      rateLimitPerMinute: opts.rateLimitPerMinute ?? 150,
      autoApprovesReviewable: typeof opts.auto === 'object' && opts.auto.approveReviewable === true,
      baseUrl: '',
    },
    store: new Store(credits),
    callbacks: new CallbackDispatcher({
      retryMs: opts.callbackRetryMs ?? 3_600_000,
      maxAttempts: opts.callbackMaxAttempts ?? 3,
      timeoutMs: opts.callbackTimeoutMs ?? 5000,
      concurrency: opts.callbackConcurrency ?? 8,
    }),
    faults: new Faults(),
    requests: [],
    recentCalls: new Map(),
    creationTimers: new Set(),
  };
  if (opts.stateFile) {
    emu.stateFile = new StateFile(opts.stateFile, () => emu.store);
    emu.store = emu.stateFile.load() ?? emu.store;
    // Jobs still in Gengo's queue when the last run stopped are created as if it had not.
    const queued = [...emu.store.jobs.values()].filter((j) => j.status === 'queued').map((j) => j.id);
    if (queued.length) scheduleCreation(emu, queued);
  }
  const auto = new AutoMode(emu);
  const server = createEmulatorServer(emu, auto);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 3999, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  emu.config.baseUrl = url;
  if (opts.auto) auto.start(typeof opts.auto === 'object' ? opts.auto.intervalMs : 1000);

  return {
    url,
    apiUrl: `${url}/v2/`,
    controlUrl: `${url}/_emulator/`,
    port,
    publicKey: emu.config.publicKey,
    privateKey: emu.config.privateKey,
    async close() {
      auto.stop();
      for (const t of emu.creationTimers) clearTimeout(t);
      emu.stateFile?.flush();
      await emu.callbacks.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // hung requests (fault injection) must not keep us open
      });
    },
  };
}
