import { DEFAULT_PRIVATE_KEY, DEFAULT_PUBLIC_KEY, startEmulator } from './index';

/**
 * `npm run emulator` — runs the Gengo API v2 emulator until interrupted.
 * Env: GENGO_EMULATOR_PORT (3999), GENGO_EMULATOR_HOST (127.0.0.1), GENGO_PUBLIC_KEY,
 * GENGO_PRIVATE_KEY, GENGO_EMULATOR_CREDITS (1000), GENGO_EMULATOR_AUTO (ms between automatic
 * lifecycle steps; unset/0 = off), GENGO_EMULATOR_AUTO_APPROVE (unset: each job follows its
 * auto_approve flag and reviewable jobs wait for the user; 1 = auto mode approves them too),
 * GENGO_EMULATOR_CALLBACK_RETRY_MS (3600000: Gengo's hour between attempts),
 * GENGO_EMULATOR_JOB_DELAY_MS (2000), GENGO_EMULATOR_RATE_LIMIT (150 a minute; 0 = off),
 * GENGO_EMULATOR_STATE_FILE (unset: a clean start; a path: state kept there across restarts).
 */
const num = (name: string, fallback: number) => {
  const v = process.env[name];
  return v === undefined || v === '' ? fallback : Number(v);
};

async function main() {
  const autoMs = num('GENGO_EMULATOR_AUTO', 0);
  const emu = await startEmulator({
    port: num('GENGO_EMULATOR_PORT', 3999),
    host: process.env.GENGO_EMULATOR_HOST || '127.0.0.1',
    publicKey: process.env.GENGO_PUBLIC_KEY || DEFAULT_PUBLIC_KEY,
    privateKey: process.env.GENGO_PRIVATE_KEY || DEFAULT_PRIVATE_KEY,
    credits: num('GENGO_EMULATOR_CREDITS', 1000),
    auto:
      autoMs > 0 ? { intervalMs: autoMs, approveReviewable: process.env.GENGO_EMULATOR_AUTO_APPROVE === '1' } : false,
    callbackRetryMs: num('GENGO_EMULATOR_CALLBACK_RETRY_MS', 3_600_000),
    jobCreationDelayMs: num('GENGO_EMULATOR_JOB_DELAY_MS', 2000),
    rateLimitPerMinute: num('GENGO_EMULATOR_RATE_LIMIT', 150),
    stateFile: process.env.GENGO_EMULATOR_STATE_FILE || undefined,
  });
  console.log(`Gengo API v2 emulator listening on ${emu.url}`);
  console.log(`  API:         ${emu.apiUrl}`);
  console.log(`  control:     ${emu.controlUrl}  (see emulator/README.md)`);
  console.log(`  public key:  ${emu.publicKey}`);
  console.log(`  private key: ${emu.privateKey}`);
  console.log(`  auto mode:   ${autoMs > 0 ? `every ${autoMs} ms` : 'off (POST /_emulator/auto to start)'}`);
  if (process.env.GENGO_EMULATOR_STATE_FILE) console.log(`  state file:  ${process.env.GENGO_EMULATOR_STATE_FILE}`);
  const stop = () => {
    emu.close().then(
      () => process.exit(0),
      () => process.exit(1)
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err) => {
  console.error('[gengo-emulator] could not start:', err);
  process.exit(1);
});
