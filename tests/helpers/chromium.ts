import fs from 'fs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Browser tests run wherever Chromium is installed, and must run in CI: there a missing browser is
 * a failure, not a skip.
 */
export const chromiumAvailability = (): { available: boolean; reason?: string } => {
  if (fs.existsSync(CHROMIUM_PATH)) return { available: true };
  const reason = `${CHROMIUM_PATH} not found (apt-get install -y chromium)`;
  if (process.env.CI === 'true') throw new Error(`e2e tests must run in CI: ${reason}`);
  return { available: false, reason };
};
