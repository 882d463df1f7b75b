const path = require('path');

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      target: 'es2022',
      transform: { react: { runtime: 'automatic' } },
    },
    module: { type: 'commonjs' },
  },
];

const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': swc },
  setupFiles: ['<rootDir>/tests/setup/env.ts'],
  modulePathIgnorePatterns: ['<rootDir>/playground/dist', '<rootDir>/dist/admin'],
  // Strapi loads the plugin from its built entry; point it at the TypeScript source instead, so
  // that tests run what is in the working tree without a rebuild.
  moduleNameMapper: {
    [`^${path.join(__dirname, 'dist/server/index.js').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`]:
      '<rootDir>/server/src/index.ts',
  },
};

module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/tests/unit/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/setup/compile-playground.ts',
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/setup/build-admin.ts',
    },
  ],
};
