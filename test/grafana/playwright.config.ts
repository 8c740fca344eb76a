import { dirname } from 'path';
import { defineConfig, devices } from '@playwright/test';
import type { PluginOptions } from '@grafana/plugin-e2e';

/**
 * The panel inside a real Grafana (@grafana/plugin-e2e). Needs a Grafana at GRAFANA_URL with
 * dist/ as the plugin and test/grafana/provisioning as its provisioning: the GitHub workflow
 * (.github/workflows/ci.yml) starts one per supported version in Docker. On machines without a
 * Docker engine, `npm run test:grafana:list` checks the specs compile and list.
 */
const pluginE2eAuth = `${dirname(require.resolve('@grafana/plugin-e2e'))}/auth`;

export default defineConfig<PluginOptions>({
  testDir: './specs',
  outputDir: './.results',
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: process.env.GRAFANA_URL ?? 'http://localhost:3000',
    trace: 'on-first-retry',
  },
  projects: [
    { name: 'auth', testDir: pluginE2eAuth, testMatch: [/.*\.js/] },
    {
      name: 'run-tests',
      // @grafana/plugin-e2e writes the admin session here.
      use: { ...devices['Desktop Chrome'], storageState: 'playwright/.auth/admin.json' },
      dependencies: ['auth'],
    },
  ],
});
