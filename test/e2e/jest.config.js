// End-to-end tests: plain Node (no DOM), real processes (Prometheus, promtool) on loopback.
const path = require('path');
const base = require('../../jest.config');

module.exports = {
  rootDir: path.resolve(__dirname, '../..'),
  testEnvironment: 'node',
  transform: base.transform,
  testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
  modulePathIgnorePatterns: ['<rootDir>/.react19/'],
  testTimeout: 120_000,
};
