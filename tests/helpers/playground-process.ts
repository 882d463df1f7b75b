import type { ChildProcess } from 'child_process';
import type { TestDatabase } from './database';
import { freePort } from './ports';

const { startPlayground } = require('../../scripts/playground-server');

/**
 * The playground as a separate `strapi start` process (the compiled app, and the plugin's built
 * dist/: `npx strapi-plugin build` after server changes) on a given database: another Strapi
 * instance, or one that can be killed in the middle of its work.
 */
export type PlaygroundProcess = {
  url: string;
  port: number;
  child: ChildProcess;
  /** Its stdout and stderr so far. */
  output(): string;
  /** SIGTERM (Strapi shuts down), SIGKILL after 10 s. */
  stop(): Promise<void>;
  /** SIGKILL: the process dies at once, whatever it was doing. */
  kill(): Promise<void>;
};

/** The in-process tests' secrets (tests/setup/env.ts), so that both kinds of instance unseal what the other sealed. */
const SHARED_SECRETS = [
  'APP_KEYS',
  'API_TOKEN_SALT',
  'ADMIN_JWT_SECRET',
  'TRANSFER_TOKEN_SALT',
  'JWT_SECRET',
  'ENCRYPTION_KEY',
];

export const startPlaygroundProcess = async (opts: {
  database: TestDatabase;
  env?: Record<string, string>;
  port?: number;
}): Promise<PlaygroundProcess> => {
  const port = opts.port ?? (await freePort());
  const started = await startPlayground({
    port,
    env: {
      NODE_ENV: 'test',
      ...Object.fromEntries(SHARED_SECRETS.filter((k) => process.env[k]).map((k) => [k, process.env[k]!])),
      ...opts.database.env,
      ...(opts.env ?? {}),
    },
    timeoutMs: 180_000,
  });
  const child: ChildProcess = started.child;
  return {
    url: started.url,
    port,
    child,
    output: () => started.log(),
    stop: () => started.stop(),
    kill: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
};
