/**
 * The test Prometheus itself: a port that another server takes between "found free" and "bound"
 * must not hand the tests someone else's data.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { freePort, RunningPrometheus, startPrometheus } from './prometheus';

const dirs: string[] = [];
const running: RunningPrometheus[] = [];

function fresh(): { config: string; data: string } {
  const dir = mkdtempSync(join(tmpdir(), 'kbh-e2e-prometheus-'));
  dirs.push(dir);
  const config = join(dir, 'prometheus.yml');
  writeFileSync(config, 'global:\n  scrape_interval: 1m\n');
  return { config, data: join(dir, 'data') };
}

afterAll(async () => {
  for (const p of running) {
    await p.stop();
  }
  for (const d of dirs) {
    rmSync(d, { recursive: true, force: true });
  }
});

it('a port another Prometheus took is given up for a free one, never mistaken for its own', async () => {
  const other = fresh();
  const first = await startPrometheus(other.config, other.data);
  running.push(first);
  const taken = Number(new URL(first.url).port);

  const mine = fresh();
  const tried: number[] = [];
  const second = await startPrometheus(mine.config, mine.data, async () => {
    // The taken port first, as if another process had bound it after it was found free.
    const port = tried.length === 0 ? taken : await freePort();
    tried.push(port);
    return port;
  });
  running.push(second);

  expect(tried[0]).toBe(taken);
  expect(second.url).not.toBe(first.url);
  const flags = (await (await fetch(`${second.url}/api/v1/status/flags`)).json()) as {
    data: Record<string, string>;
  };
  expect(flags.data['storage.tsdb.path']).toBe(mine.data);
});
