// Unit specs run anywhere; integration and end-to-end specs need Postgres and Kafka, which
// test/global-setup.ts finds (testcontainers where a Docker engine answers, else the local services).
const swc = ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }];
// cookie 2 (under fastify's inject) ships only ES modules, which jest cannot load without a transform.
const transform = { '^.+\\.ts$': swc, '/node_modules/cookie/.+\\.js$': swc };
module.exports = {
  testEnvironment: 'node',
  transform,
  testMatch: ['<rootDir>/**/*.spec.ts'],
  // dist/ holds the apps' bundles (`npm run build`): never specs, never a module to load.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/dist/'],
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
  transformIgnorePatterns: ['/node_modules/(?!cookie/)'],
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  testTimeout: 60000,
};
