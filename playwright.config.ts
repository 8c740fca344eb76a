import { defineConfig } from '@playwright/test';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './test/browser/chromium';

const PORT = 3917;

/**
 * Browser test of the built plugin in Debian's Chromium (no browser download: the machine has no
 * internet). `npm run test:browser` builds the host page first; dist/ must hold a fresh build.
 */
export default defineConfig({
  testDir: './test/browser',
  outputDir: './test/browser/.results',
  timeout: 60_000,
  workers: 2,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    // Room for the full-screen panel (1600 × 860) and the page margin.
    viewport: { width: 1680, height: 960 },
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_FLAGS,
    },
  },
  webServer: {
    command: `node test/browser/serve.mjs`,
    env: { PORT: String(PORT) },
    url: `http://127.0.0.1:${PORT}/test/browser/host/index.html`,
    reuseExistingServer: false,
    timeout: 20_000,
  },
});
