// Jest setup provided by Grafana scaffolding; it assumes a DOM, so tests that run in the
// node environment (the analysis core outside the browser) skip it.
if (typeof window !== 'undefined') {
  require('./.config/jest-setup');
}
