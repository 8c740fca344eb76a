import { spawn } from 'child_process';
import { writeFileSync } from 'fs';
import { join } from 'path';
import { chromium } from 'playwright';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../test/browser/chromium';
const REPO = join(__dirname, '..');
const PORT = 3932;
async function main() {
  const [brokers, topics] = [Number(process.argv[2] ?? 100), Number(process.argv[3] ?? 1000)];
  const server = spawn(process.execPath, [join(REPO, 'test/browser/serve.mjs')], { env: { ...process.env, PORT: String(PORT) }, stdio: 'ignore' });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1700, height: 1000 } });
    for (let i = 0; i < 50; i++) {
      if (await page.goto(`http://127.0.0.1:${PORT}/test/browser/host/index.html?bench=1&width=1600&height=860&theme=dark`).then(() => true).catch(() => false)) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    await page.waitForFunction(() => document.body.dataset.ready || document.body.dataset.error, null, { timeout: 30_000 });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    const r = await page.evaluate((s) => (window as any).kafkalensBench(s), { brokers, topics, runs: 5 });
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync('/tmp/prof3/browser.cpuprofile', JSON.stringify(profile));
    console.log(r);
  } finally {
    await browser.close();
    server.kill();
  }
}
main();
