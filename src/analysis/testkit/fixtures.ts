import fs from 'fs';
import path from 'path';

/** `../shared/fixtures` beside the repository (CI clones main with shared/ next to it). */
export const SHARED_FIXTURES =
  process.env.SHARED_FIXTURES ?? path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'fixtures');

/** Parses Grafana's golden `.jsonc` files: a block of `//` comment lines, then JSON. */
export function parseJsonc(text: string): unknown {
  const json = text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('\n');
  return JSON.parse(json);
}

export function readFixture(relative: string): string {
  return fs.readFileSync(path.join(SHARED_FIXTURES, relative), 'utf8');
}

/** The frames of a golden data response (`{status, frames}`); [] for an error response. */
export function goldenFrames(name: string): unknown[] {
  const parsed = parseJsonc(readFixture(path.join('grafana-prometheus-frames', name))) as { frames?: unknown[] };
  return Array.isArray(parsed.frames) ? parsed.frames : [];
}

export function listGoldenFiles(): string[] {
  return fs
    .readdirSync(path.join(SHARED_FIXTURES, 'grafana-prometheus-frames'))
    .filter((f) => f.endsWith('.jsonc'))
    .sort();
}

/**
 * Reads a Prometheus text-format scrape into samples. Handles the subset the fixtures use:
 * `name{labels} value` lines, comments, escaped quotes in label values.
 */
export function parseScrape(text: string): Array<{ name: string; labels: Record<string, string>; value: number }> {
  const out: Array<{ name: string; labels: Record<string, string>; value: number }> = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) {
      continue;
    }
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})?(?:\s+(\S+))?/.exec(line);
    if (!m) {
      continue;
    }
    const labels: Record<string, string> = {};
    const labelRe = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;
    let lm: RegExpExecArray | null;
    while ((lm = labelRe.exec(m[3] ?? '')) !== null) {
      labels[lm[1]] = lm[2].replace(/\\(.)/g, '$1');
    }
    out.push({ name: m[1], labels, value: m[4] === undefined ? NaN : Number(m[4]) });
  }
  return out;
}

/** The project's own recorded fixtures (test/fixtures/prometheus, made by `npm run record:fixtures`). */
export const OWN_FIXTURES = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'prometheus');

export interface Recorded {
  about: string;
  made: string;
  query?: { refId: string; range: boolean; expr: string; step: number };
  response?: unknown;
  frames: unknown[];
}

export function recorded(name: string): Recorded {
  return JSON.parse(fs.readFileSync(path.join(OWN_FIXTURES, `${name}.json`), 'utf8')) as Recorded;
}

export function listRecorded(): string[] {
  return fs
    .readdirSync(OWN_FIXTURES)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

/** Whether the shared corpus is beside the repository. */
export const SHARED_AVAILABLE = fs.existsSync(SHARED_FIXTURES);

/**
 * A suite over the shared corpus (`../shared/fixtures`), an extra conformance check: it runs when
 * the folder exists; without it the suite is skipped and says so — except under CI=true, where a
 * missing corpus fails, so the suite can never silently stop running in CI.
 */
export function describeShared(name: string, body: () => void): void {
  if (SHARED_AVAILABLE) {
    describe(name, body);
  } else if (process.env.CI === 'true' || process.env.CI === '1') {
    describe(name, () => {
      it('has the shared fixtures beside the repository', () => {
        throw new Error(`CI runs must provide ${SHARED_FIXTURES} (the shared conformance corpus); it is missing.`);
      });
    });
  } else {
    describe(`${name} (skipped: no ${SHARED_FIXTURES}; an extra conformance suite)`, () => {
      it.skip('needs the shared fixtures beside the repository', () => undefined);
    });
  }
}

/** One of the project's own scrape excerpts (test/fixtures/scrapes). */
export function ownScrape(name: string): ReturnType<typeof parseScrape> {
  return parseScrape(fs.readFileSync(path.resolve(OWN_FIXTURES, '..', 'scrapes', name), 'utf8'));
}
