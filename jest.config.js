// force timezone to UTC to allow tests to work regardless of local timezone
process.env.TZ = 'UTC';

const base = require('./.config/jest.config');
const swc = base.transform['^.+\\.(t|j)sx?$'];

module.exports = {
  ...base,
  // @grafana/data pulls in d3 packages that ship only .mjs files: transform those too.
  transform: { '^.+\\.(t|j)sx?$': swc, '^.+\\.mjs$': swc },
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  // A guard against hangs, not a performance assertion: cold module loads on a busy 2-core CI machine are slow.
  testTimeout: 30_000,
  // The React 19 scratch install (scripts/react19.sh) is not part of this run.
  modulePathIgnorePatterns: ['<rootDir>/.react19/'],
};
