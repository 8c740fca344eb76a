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

export async function startPrometheus(configFile: string, dataDir: string): Promise<RunningPrometheus> {
  const port = await freePort();
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
      throw new Error(`prometheus exited early:\n${output}`);
    }
    try {
      const res = await fetch(`${url}/-/ready`);
      if (res.ok) {
        return { url, stop, log: () => output };
      }
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  await stop();
  throw new Error(`prometheus did not become ready:\n${output}`);
}

export async function api<T>(url: string, path: string, params: Record<string, string | number>): Promise<T> {
  const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
  const res = await fetch(`${url}${path}?${query}`);
  return (await res.json()) as T;
}
