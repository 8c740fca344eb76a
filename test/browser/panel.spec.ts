import AxeBuilder from '@axe-core/playwright';
import { expect, Page, test } from '@playwright/test';
import { mkdirSync } from 'fs';
import { join } from 'path';

/** Grid cell 4×3, a new panel's default 12×8, and a panel viewed full screen. */
const SIZES = [
  { name: 'small', width: 310, height: 110 },
  { name: 'default', width: 900, height: 520 },
  { name: 'full', width: 1600, height: 860 },
] as const;
const THEMES = ['light', 'dark'] as const;
const SHOTS = join(__dirname, '.results', 'screenshots');

async function open(page: Page, params: Record<string, string | number>) {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    // Grafana's runtime complains that no Grafana booted it; that is the host's doing, not the plugin's.
    if (m.type() === 'error' && !/grafanaBootData|Failed to load resource/.test(m.text())) {
      problems.push(`console: ${m.text()}`);
    }
  });
  const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
  await page.goto(`/test/browser/host/index.html?${query}`);
  await page.waitForFunction(() => document.body.dataset.ready || document.body.dataset.error);
  expect(await page.evaluate(() => document.body.dataset.error ?? '')).toBe('');
  return problems;
}

/** True when some element inside the panel is wider than the panel: a horizontal scrollbar or clipped content. */
async function overflowsHorizontally(page: Page) {
  return page.locator('[data-testid=panel-content]').evaluate((content) => {
    const limit = content.getBoundingClientRect().right + 1;
    const scrollers = Array.from(content.querySelectorAll<HTMLElement>('*')).filter(
      (el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'auto'
    );
    return (
      scrollers.length > 0 ||
      content.scrollWidth > content.clientWidth + 1 ||
      content.getBoundingClientRect().right > limit
    );
  });
}

/**
 * axe-core over the panel: WCAG 2.1 A and AA rules, no serious or critical violation. Run in every
 * state and theme the tests draw, so a colour or a label that regresses fails here.
 */
async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .include('[data-testid=panel-frame]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`
    );
  expect(serious).toEqual([]);
}

test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

for (const theme of THEMES) {
  for (const size of SIZES) {
    test(`hot broker, ${size.name} panel, ${theme} theme`, async ({ page }) => {
      const problems = await open(page, { theme, scenario: 'hot', width: size.width, height: size.height });
      const verdict = page.getByTestId('verdict');
      await expect(verdict).toContainText('WARNING');
      await expect(verdict).toHaveAttribute('aria-label', 'Cluster health: WARNING');
      // The status colour is the theme's warning text token, in either theme.
      const [wordColor, tokenColor] = await verdict
        .locator('span')
        .first()
        .evaluate((el) => {
          const probe = document.createElement('i');
          probe.style.color = document.body.dataset.warningText ?? '';
          document.body.appendChild(probe);
          const token = getComputedStyle(probe).color;
          probe.remove();
          return [getComputedStyle(el).color, token];
        });
      expect(wordColor).toBe(tokenColor);
      // The icons are real SVGs served like Grafana serves them, not empty placeholders.
      await expect(verdict.locator('svg')).toHaveCount(1);

      if (size.name === 'small') {
        await expect(page.getByTestId('broker-row')).toHaveCount(0);
        await expect(verdict).toContainText('kafka-2');
      } else {
        await expect(page.getByTestId('broker-row')).toHaveCount(5);
        await expect(page.getByLabel('Key figures')).toContainText('14.4K msg/s');
        await expect(page.getByTestId('finding').first()).toContainText('imbalance');
        expect(await overflowsHorizontally(page)).toBe(false);
      }
      if (size.name === 'full') {
        // Everything fits: every topic row is visible without scrolling the panel.
        await expect(page.getByTestId('topic-row')).toHaveCount(8);
        await expect(page.getByTestId('topic-row').last()).toBeInViewport();
      }
      expect(problems).toEqual([]);
      await expectAccessible(page);
      await page.getByTestId('panel-frame').screenshot({ path: join(SHOTS, `hot-${size.name}-${theme}.png`) });
    });
  }
}

test('sorting and highlighting work with mouse and keyboard in the real browser', async ({ page }) => {
  await open(page, { theme: 'dark', scenario: 'hot', width: 1600, height: 860 });
  const rate = page.getByRole('button', { name: 'Rate' });
  await rate.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('th', { has: rate })).toHaveAttribute('aria-sort', 'descending');
  await expect(page.getByTestId('broker-row').first()).toContainText('kafka-2');
  await page.getByRole('button', { name: 'clickstream' }).click();
  await expect(page.getByTestId('topic-row').filter({ hasText: 'clickstream' })).toHaveAttribute(
    'aria-current',
    'true'
  );
  // Keyboard only: a finding's broker → Enter → its row has the focus → Escape → back on the finding.
  const subject = page.getByTestId('finding').first().getByRole('button', { name: 'kafka-2', exact: true });
  await subject.focus();
  await page.keyboard.press('Enter');
  const row = page.locator('[data-testid=broker-row][data-row-name="kafka-2:7071"]');
  await expect(row).toBeFocused();
  await expect(row).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('Escape');
  await expect(subject).toBeFocused();
  await expectAccessible(page);
});

for (const [scenario, verdict] of [
  ['balanced', 'OK'],
  ['stalled', 'CRITICAL'],
  ['clusters', 'CRITICAL'],
  ['nodata', 'NO DATA'],
  ['slow', 'CRITICAL'],
] as const) {
  for (const theme of THEMES) {
    test(`${scenario} cluster says ${verdict}, ${theme} theme`, async ({ page }) => {
      const problems = await open(page, { theme, scenario, width: 900, height: 520 });
      await expect(page.getByTestId('verdict')).toContainText(verdict);
      if (scenario === 'stalled') {
        await expect(page.getByTestId('broker-row').first()).toContainText('Stalled');
      }
      if (scenario === 'clusters') {
        // Each cluster judged on its own: the stalled broker is staging's, named with its cluster.
        await expect(page.getByTestId('verdict')).toContainText('staging');
        const staging = page.getByRole('region', { name: 'Cluster staging' });
        await expect(staging.getByTestId('cluster-verdict')).toContainText('CRITICAL');
        await expect(staging.getByTestId('broker-row').first()).toContainText('Stalled');
        await expect(page.getByRole('region', { name: 'Cluster prod' }).getByTestId('cluster-verdict')).toContainText(
          'OK'
        );
        await expect(page.getByTestId('broker-row')).toHaveCount(6);
      }
      if (scenario === 'slow') {
        // What operators alert on beyond traffic: a full disk leads, each broker says its state.
        await expect(page.getByTestId('verdict')).toContainText('data disk is 92% full');
        const rows = page.getByTestId('broker-row');
        await expect(rows.filter({ hasText: 'kafka-3' })).toContainText('Disk full');
        await expect(rows.filter({ hasText: 'kafka-1' })).toContainText('Slow');
        await expect(rows.filter({ hasText: 'kafka-1' })).toContainText('420 ms');
        await expect(rows.filter({ hasText: 'kafka-2' })).toContainText('Under-replicated');
      }
      if (scenario === 'nodata') {
        await expect(page.getByLabel('Recommended query')).toContainText(
          'rate(kafka_server_brokertopicmetrics_messagesin_total'
        );
      }
      expect(await overflowsHorizontally(page)).toBe(false);
      expect(problems).toEqual([]);
      await expectAccessible(page);
      await page.getByTestId('panel-frame').screenshot({ path: join(SHOTS, `${scenario}-default-${theme}.png`) });
    });
  }
}

for (const theme of THEMES) {
  for (const size of SIZES) {
    test(`a broker down: one cause with its effects, since when, ${size.name} panel, ${theme} theme`, async ({
      page,
    }) => {
      const problems = await open(page, { theme, scenario: 'down', width: size.width, height: size.height });
      const verdict = page.getByTestId('verdict');
      // The verdict names the cause, by its short name, with since when; never cut before that.
      await expect(verdict).toContainText('CRITICAL');
      await expect(verdict).toContainText('Broker kafka-3 is down: no data for 4 min, since');
      if (size.name !== 'small') {
        // One incident: the other brokers' under-replicated partitions are its effects.
        await expect(page.getByTestId('finding')).toHaveCount(1);
        const finding = page.getByTestId('finding').first();
        await expect(finding).toContainText('broker-missing');
        await expect(finding.getByTestId('effects')).toContainText(
          '+5 effects: under-replicated partitions on kafka-0, kafka-1, kafka-2, kafka-4, kafka-5'
        );
        // The down broker's row: no stale figures, since when, status Down; the others say why they are not OK.
        const down = page.locator('[data-testid=broker-row][data-row-name="kafka-3:7071"]');
        await expect(down).toContainText('Down');
        await expect(down.getByTitle(/^down since \d\d:\d\d:\d\d \(4 min\)$/).first()).toBeAttached();
        await expect(down).not.toContainText('msg/s');
        await expect(page.getByTestId('broker-row').nth(1)).toContainText('Under-replicated');
        // Since when, and who first: the down broker's row leads the timeline.
        await expect(page.getByTestId('timeline-row').first()).toContainText('kafka-3');
        expect(await overflowsHorizontally(page)).toBe(false);
      } else {
        await expect(page.getByTestId('timeline-row')).toHaveCount(0);
      }
      expect(problems).toEqual([]);
      await expectAccessible(page);
      await page.getByTestId('panel-frame').screenshot({ path: join(SHOTS, `down-${size.name}-${theme}.png`) });
    });
  }
}

test('a narrow panel: key figures in one strip, the alarm columns kept', async ({ page }) => {
  const problems = await open(page, { theme: 'light', scenario: 'down', width: 440, height: 640 });
  await expect(page.getByTestId('key-figures-strip')).toContainText('Cluster total');
  const table = page.getByRole('table', { name: 'Brokers' });
  await expect(table.getByRole('columnheader', { name: 'URP' })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Status' })).toBeVisible();
  expect(await overflowsHorizontally(page)).toBe(false);
  expect(problems).toEqual([]);
  await expectAccessible(page);
  await page.getByTestId('panel-frame').screenshot({ path: join(SHOTS, 'down-narrow-light.png') });
});

test('300 brokers: only the rows in view are drawn, the header stays, a finding scrolls to its broker', async ({
  page,
}) => {
  const problems = await open(page, { theme: 'dark', scenario: 'large', width: 1200, height: 700 });
  await expect(page.getByTestId('verdict')).toContainText('CRITICAL');
  const table = page.getByRole('table', { name: 'Brokers' });
  await expect(table).toHaveAttribute('aria-rowcount', '301');
  const drawn = await page.getByTestId('broker-row').count();
  expect(drawn).toBeGreaterThan(5);
  expect(drawn).toBeLessThan(60);
  // The stalled broker leads (worst first); scrolled to the end, the last brokers are drawn and
  // the header is still at the top of the scroller.
  await expect(page.getByTestId('broker-row').first()).toContainText('kafka-137');
  const scroller = page.getByTestId('broker-scroller');
  await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(page.getByTestId('broker-row').last()).toHaveAttribute('aria-rowindex', '301');
  const [header, box] = await Promise.all([table.locator('thead').boundingBox(), scroller.boundingBox()]);
  expect(Math.abs(header!.y - box!.y)).toBeLessThan(2);
  await expectAccessible(page);
  await page.getByTestId('panel-frame').screenshot({ path: join(SHOTS, 'large-scrolled-dark.png') });
  // A click on the finding brings its broker back into view.
  await page.getByTestId('finding').getByRole('button', { name: 'kafka-137', exact: true }).first().click();
  await expect(page.locator('[data-testid=broker-row][data-row-name="kafka-137:7071"]')).toBeInViewport();
  expect(await overflowsHorizontally(page)).toBe(false);
  expect(problems).toEqual([]);
});

for (const size of [SIZES[1], SIZES[2]]) {
  test(`in Korean: hot broker, ${size.name} panel, dark theme`, async ({ page }) => {
    const problems = await open(page, {
      theme: 'dark',
      scenario: 'hot',
      width: size.width,
      height: size.height,
      lang: 'ko-KR',
    });
    const verdict = page.getByTestId('verdict');
    await expect(verdict).toHaveAttribute('aria-label', '클러스터 상태: 경고');
    await expect(verdict).toContainText('경고');
    // The reason is the translated finding, its figures in Grafana's units.
    await expect(verdict).toContainText('브로커 kafka-2에 부하가 몰립니다');
    await expect(page.getByRole('table', { name: '브로커' })).toBeVisible();
    await expect(page.getByLabel('주요 지표')).toContainText('클러스터 합계');
    await expect(page.getByLabel('주요 지표')).toContainText('14.4K msg/s');
    await expect(page.getByTestId('finding').first()).toContainText('조치 방법');
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(problems).toEqual([]);
    await expectAccessible(page);
    await page.getByTestId('panel-frame').screenshot({ path: join(SHOTS, `hot-${size.name}-dark-ko.png`) });
  });
}

test('a render with unchanged data leaves the tables as they are', async ({ page }) => {
  const problems = await open(page, { bench: 1, theme: 'dark', width: 1600, height: 860 });
  const result = await page.evaluate(() =>
    (
      window as unknown as {
        kafkalensBench: (s: { brokers: number; topics: number; runs: number }) => Promise<{ changed: number }>;
      }
    ).kafkalensBench({ brokers: 6, topics: 40, runs: 1 })
  );
  expect(result.changed).toBe(0);
  expect(problems).toEqual([]);
});
