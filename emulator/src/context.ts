import type { CallbackDispatcher } from './callbacks';
import type { Faults } from './faults';
import type { StateFile } from './persistence';
import type { Store } from './state';

export interface EmulatorConfig {
  publicKey: string;
  privateKey: string;
  startCredits: number;
  clockSkewSeconds: number;
  jobCreationDelayMs: number;
  /** Gengo refuses an identical translate/jobs payload within 5 minutes (error 1754); 0 = off. */
  duplicateWindowSeconds: number;
  /**
   * When true, automatic mode also approves reviewable jobs, as a customer would in Gengo's
   * dashboard. False (default): each job follows its own auto_approve flag, and reviewable jobs
   * wait for the customer (or for the auto-approval period).
   */
  autoApprovesReviewable: boolean;
  /** Gengo allows 150 requests per minute per IP (throttling.md, the default); 0 = unlimited. */
  rateLimitPerMinute: number;
  baseUrl: string; // set once the server listens; used in captcha_url / preview_url
}

export interface RequestRecord {
  seq: number;
  at: string;
  method: string; // effective method (after `_method`)
  wireMethod: string;
  path: string; // path without query string
  userAgent?: string; // the client's User-Agent header
  status?: number; // HTTP status answered (undefined while pending or when hung/dropped)
  opstat?: 'ok' | 'error';
  errCode?: number;
  fault?: number; // id of the fault applied
}

/** Everything the handlers share. One per running emulator; no module-level state. */
export interface Emulator {
  config: EmulatorConfig;
  store: Store;
  callbacks: CallbackDispatcher;
  faults: Faults;
  requests: RequestRecord[];
  /** Arrival times (ms) of recent /v2 calls per client IP, for the optional rate limit. */
  recentCalls: Map<string, number[]>;
  /** Timers of asynchronous job creation, cleared on reset/close. */
  creationTimers: Set<NodeJS.Timeout>;
  /** The state file, when the state is kept across restarts. */
  stateFile?: StateFile;
}
