/**
 * Secrets and switches every in-process Strapi of the test suite needs. Fixed values: they protect
 * nothing but throwaway test databases.
 */
const defaults: Record<string, string> = {
  NODE_ENV: 'test',
  STRAPI_TELEMETRY_DISABLED: 'true',
  BROWSER: 'false',
  APP_KEYS: 'testKeyA,testKeyB',
  API_TOKEN_SALT: 'test-api-token-salt',
  ADMIN_JWT_SECRET: 'test-admin-jwt-secret',
  TRANSFER_TOKEN_SALT: 'test-transfer-token-salt',
  JWT_SECRET: 'test-jwt-secret',
  ENCRYPTION_KEY: 'test-encryption-key-0123456789abcdef',
};

for (const [key, value] of Object.entries(defaults)) {
  if (process.env[key] === undefined) process.env[key] = value;
}

// jest shares process.env between the test files of one run: a file that fixes Gengo settings by
// env (GENGO_PUBLIC_KEY…) must not leak them into the next file's Strapi.
for (const key of Object.keys(process.env)) {
  if (key.startsWith('GENGO_')) delete process.env[key];
}
