/**
 * npm run bench:browser — the panel in Chromium (Debian's, as the browser test uses): first render
 * and refresh at three cluster sizes, median of 5, split into the analysis and React with layout
 * and paint; whether a render with unchanged data touches the tables; and npm run bench's
 * analyze / reduceField ratios in the browser. Figures only, with the targets beside them; nothing
 * here fails on a time. Needs a build (npm run build).
 */
import { spawn } from 'child_process';
import { existsSync } from 'fs';
import { join } from 'path';
import { chromium } from 'playwright';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../test/browser/chromium';
import { BENCH_SIZES } from '../src/analysis/testkit/benchmark';

const REPO = join(__dirname, '..');
const PORT = 3931;
const SIZES = [
  { brokers: 6, topics: 40 },
  { brokers: 30, topics: 300, targets: { first: 120, refresh: 80 } },
  { brokers: 100, topics: 1000, targets: { first: 450 } },
];

async function main() {
  if (!existsSync(join(REPO, 'dist', 'module.js'))) {
    throw new Error('no dist/module.js: run npm run build first');
  }
  const server = spawn(process.execPath, [join(REPO, 'test/browser/serve.mjs')], {
    env: { ...process.env, PORT: String(PORT) },
    stdio: 'ignore',
  });
  // gc() in the page, so that each contender of the ratios starts from a collected heap, as in npm run bench.
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_FLAGS, '--js-flags=--expose-gc'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1700, height: 1000 } });
    // Bounded wait for the static server.
    for (let i = 0; i < 50; i++) {
      const ok = await page
        .goto(`http://127.0.0.1:${PORT}/test/browser/host/index.html?bench=1&width=1600&height=860&theme=dark`)
        .then(() => true)
        .catch(() => false);
      if (ok) {
        break;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    await page.waitForFunction(() => document.body.dataset.ready || document.body.dataset.error, null, {
      timeout: 30_000,
    });
    const rows = [];
    for (const size of SIZES) {
      const r = await page.evaluate(
        (s) =>
          (
            window as unknown as {
              kafkalensBench: (x: { brokers: number; topics: number; runs: number }) => Promise<Record<string, number>>;
            }
          ).kafkalensBench({ ...s, runs: 5 }),
        { brokers: size.brokers, topics: size.topics }
      );
      const ms = (v: number) => +v.toFixed(1);
      rows.push({
        size: `${size.brokers} brokers × ${size.topics} topics`,
        'first render ms': ms(r.first),
        'of which analysis': ms(r.analysis),
        'React + paint': ms(r.firstReact),
        'refresh ms': ms(r.refresh),
        'refresh React + paint': ms(r.refreshReact),
        'table changes, same data': r.changed,
        targets: size.targets
          ? [`first ≤ ${size.targets.first}`, 'refresh' in size.targets ? `refresh ≤ ${size.targets.refresh}` : '']
              .filter(Boolean)
              .join(', ')
          : '',
      });
    }
    console.log(`Panel in Chromium (${await browser.version()}), full size 1600 × 860, median of 5`);
    console.table(rows);
    // npm run bench's rows where the panel runs (all but the 24M-sample one: its frames alone
    // take gigabytes in a page).
    const ratios = [];
    for (const label of BENCH_SIZES.map((b) => b.label).filter((l) => l !== 'full')) {
      const r = await page.evaluate(
        (l) =>
          (
            window as unknown as {
              kafkalensRatio: (label: string) => {
                size: string;
                analyze: number;
                reduceField: number;
                onOneGrid?: number;
              };
            }
          ).kafkalensRatio(l),
        label
      );
      ratios.push({
        size: r.size,
        'analyze ms': +r.analyze.toFixed(1),
        'reduceField ms': +r.reduceField.toFixed(1),
        'analyze / reduceField': +(r.analyze / r.reduceField).toFixed(2),
        // Brokers at their own offsets against the same brokers on one grid, in the same blocks (≤ 1.5×).
        'own offsets / one grid': r.onOneGrid ? +(r.analyze / r.onOneGrid).toFixed(2) : '',
      });
    }
    console.log("analyze() against @grafana/data's reduceField on the same frames, in Chromium (as npm run bench)");
    console.table(ratios);
  } finally {
    await browser.close();
    server.kill();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
