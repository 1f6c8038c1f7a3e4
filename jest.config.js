/**
 * NestJS 12 is ESM-only, so jest runs in its native ESM mode
 * (node --experimental-vm-modules) with ts-jest emitting ESM.
 * Unit specs sit next to the code (src/…/*.spec.ts); e2e specs in test/.
 */
const REQUIRED_ESM_PACKAGES = ['content-disposition', 'cookie', 'file-type', 'strtok3', 'token-types', '@tokenizer', 'uint8array-extras'];

/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
    // ESM-only packages that CommonJS dependencies require(): Node 20.19+ loads them natively,
    // but jest's module runtime does not (before Node 24.9), so compile them to CommonJS.
    [`node_modules/(${REQUIRED_ESM_PACKAGES.join('|')})/.+\\.js$`]: [
      'ts-jest',
      { useESM: true, tsconfig: { allowJs: true, checkJs: false } },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${REQUIRED_ESM_PACKAGES.join('|')})/)`],
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts', '<rootDir>/test/**/*.spec.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.mjs',
  globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
  testTimeout: 60_000,
  maxWorkers: 2,
};
