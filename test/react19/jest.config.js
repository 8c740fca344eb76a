// Jest against Grafana 13.2.3 and React 19, installed by scripts/react19.sh in a scratch folder.
// resolver.js sends every import of React, ReactDOM, @grafana/* and emotion there, so one React (19)
// and one @grafana/ui (13) are in play.
const path = require('path');
const base = require('../../jest.config');
const { grafanaESModules } = require('../../.config/jest/utils');

const scratch = process.env.REACT19_DIR;
if (!scratch) {
  throw new Error('REACT19_DIR is not set: run scripts/react19.sh');
}
const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

module.exports = {
  ...base,
  rootDir: path.resolve(__dirname, '../..'),
  resolver: path.join(__dirname, 'resolver.js'),
  setupFiles: [...(base.setupFiles ?? []), path.join(__dirname, 'polyfills.js')],
  setupFilesAfterEnv: [...base.setupFilesAfterEnv, '<rootDir>/test/react19/assertVersions.js'],
  // Grafana 13 pulls in many more ESM-only packages than 12; rather than chase them one by one,
  // everything from the scratch folder goes through swc (cached in the scratch folder).
  transformIgnorePatterns: [
    `^${escapeRegExp(path.resolve(__dirname, '../../node_modules'))}/(?!.*(${grafanaESModules.join('|')})/.*)`,
  ],
  // The scratch folder holds a copy of test/react19/package.json: keep the two from colliding.
  modulePathIgnorePatterns: ['<rootDir>/test/react19/package\\.json$'],
  cacheDirectory: path.join(scratch, '.jest-cache'),
};
