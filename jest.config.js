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
  // The markdown parser (mdast-util-from-markdown, micromark, GFM) and its dependencies are ESM
  // only; jest runs CommonJS, so @swc/jest transforms them like our own sources.
  transformIgnorePatterns: [
    '/node_modules/(?!(micromark|mdast-util-|unist-util-|decode-named-character-reference|character-entities|character-reference-invalid|devlop|ccount|escape-string-regexp|markdown-table|longest-streak|zwitch|trim-lines)[^/]*/)',
  ],
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
      setupFilesAfterEnv: ['<rootDir>/tests/setup/slow-timeout.ts'],
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/setup/compile-playground.ts',
    },
    {
      // The admin's React components, rendered by React Testing Library in jsdom (no Strapi booted:
      // tests/components/strapi-admin.tsx stands in for the admin's fetch, RBAC and layout).
      ...common,
      displayName: 'components',
      testEnvironment: 'jsdom',
      setupFiles: [],
      setupFilesAfterEnv: ['<rootDir>/tests/components/setup.ts'],
      testMatch: ['<rootDir>/tests/components/**/*.test.tsx'],
      moduleNameMapper: { '^@strapi/strapi/admin$': '<rootDir>/tests/components/strapi-admin.tsx' },
    },
    {
      ...common,
      // Scale and faults: bursts, duplicates, a crash mid-burst, a flaky Gengo, two instances.
      displayName: 'reliability',
      setupFilesAfterEnv: ['<rootDir>/tests/setup/slow-timeout.ts'],
      testMatch: ['<rootDir>/tests/reliability/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/setup/compile-playground.ts',
    },
    {
      ...common,
      displayName: 'e2e',
      setupFilesAfterEnv: ['<rootDir>/tests/setup/slow-timeout.ts'],
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/setup/build-admin.ts',
    },
  ],
};
