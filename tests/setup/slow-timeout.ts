// Booting Strapi on a fresh database takes seconds, more on a busy machine; browser steps too.
// (jest 29 ignores a per-project `testTimeout`, so it is set here.)
jest.setTimeout(Number(process.env.TEST_TIMEOUT_MS || 180_000));
