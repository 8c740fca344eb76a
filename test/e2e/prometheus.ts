/** Starts Debian's Prometheus on loopback for a test, and always stops it. */
import { ChildProcess, execFile, spawn } from 'child_process';
import { createServer } from 'net';
import { promisify } from 'util';

const run = promisify(execFile);

export const PROMETHEUS = process.env.PROMETHEUS_BIN ?? 'prometheus';
export const PROMTOOL = process.env.PROMTOOL_BIN ?? 'promtool';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export async function promtool(...args: string[]): Promise<string> {
  const { stdout, stderr } = await run(PROMTOOL, args, { maxBuffer: 64 * 1024 * 1024 });
  return stdout + stderr;
}

const live = new Set<ChildProcess>();
// A crashed test run must not leave Prometheus behind.
process.once('exit', () => live.forEach((p) => p.kill('SIGKILL')));

export interface RunningPrometheus {
  url: string;
  stop: () => Promise<void>;
  log: () => string;
}

async function sleep(ms: number) {
  return new Promise((r) => setTimeout(r, ms));
}

/**
 * Starts Prometheus on a free loopback port and makes sure the server answering there is this one.
 * A port found free can be taken by another process (another job's Prometheus, say) before this
 * one binds it: then this one exits ("address already in use") while the other answers `/-/ready`,
 * and a test would read someone else's data. So the answering server must report this data
 * directory; otherwise another port is tried (bounded).
 */
export async function startPrometheus(
  configFile: string,
  dataDir: string,
  /** Where the next port to try comes from (a test hands out a taken one first). */
  nextPort: () => Promise<number> = freePort
): Promise<RunningPrometheus> {
  const failures: string[] = [];
  for (let attempt = 0; attempt < 5; attempt++) {
    const started = await startOnce(configFile, dataDir, await nextPort());
    if ('url' in started) {
      return started;
    }
    failures.push(started.failure);
    if (!started.retry) {
      break;
    }
  }
  throw new Error(`prometheus did not start:\n${failures.join('\n---\n')}`);
}

async function startOnce(
  configFile: string,
  dataDir: string,
  port: number
): Promise<RunningPrometheus | { failure: string; retry: boolean }> {
  const child = spawn(
    PROMETHEUS,
    [
      `--config.file=${configFile}`,
      `--storage.tsdb.path=${dataDir}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--storage.tsdb.retention.time=1d',
      '--log.level=warn',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] }
  );
  live.add(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 10_000)))]);
      clearTimeout(timer);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
    }
    live.delete(child);
  };
  const url = `http://127.0.0.1:${port}`;
  // Bounded wait for readiness.
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) {
      live.delete(child);
      return { failure: `prometheus exited early:\n${output}`, retry: /address already in use/i.test(output) };
    }
    try {
      const res = await fetch(`${url}/-/ready`);
      if (res.ok) {
        const served = await servedDataDir(url);
        if (served === dataDir && child.exitCode === null) {
          return { url, stop, log: () => output };
        }
        await stop();
        return { failure: `port ${port} answered for ${served ?? 'another server'}:\n${output}`, retry: true };
      }
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  await stop();
  return { failure: `prometheus did not become ready:\n${output}`, retry: false };
}

/** The data directory of the Prometheus answering at `url` (its command-line flags). */
async function servedDataDir(url: string): Promise<string | undefined> {
  try {
    const res = await fetch(`${url}/api/v1/status/flags`);
    const body = (await res.json()) as { data?: Record<string, string> };
    return body.data?.['storage.tsdb.path'];
  } catch {
    return undefined;
  }
}

export async function api<T>(url: string, path: string, params: Record<string, string | number>): Promise<T> {
  const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
  const res = await fetch(`${url}${path}?${query}`);
  return (await res.json()) as T;
}
