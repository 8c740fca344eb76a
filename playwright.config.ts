import { execFileSync } from 'child_process';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './test/browser/chromium';

/**
 * The host page's port: a free one, found once by the runner and inherited by its workers through
 * the environment (a fixed port fails the run when another job on the machine holds it).
 */
const PORT = Number((process.env.KBH_BROWSER_PORT ??= freeLoopbackPort()));

function freeLoopbackPort(): string {
  const probe =
    "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
}

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
