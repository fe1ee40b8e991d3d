// franc-min and its dependencies ship only as ES modules. Node 20.20 require()s
// them natively (the built CLI does), but Jest's CommonJS runtime cannot, so
// they alone are compiled to CommonJS for the tests.
const ESM_PACKAGES = ['franc-min', 'trigram-utils', 'n-gram', 'collapse-white-space'];

/** Unit specs sit beside the code; tests that need a database or a server live in tests/. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/tests'],
  testMatch: ['**/*.spec.ts', '**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
    [`/node_modules/(?:${ESM_PACKAGES.join('|')})/.+\\.js$`]: ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs', isolatedModules: true } }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(?:${ESM_PACKAGES.join('|')})/)`],
  setupFiles: ['reflect-metadata'],
  testTimeout: 60000,
  maxWorkers: 2,
};
