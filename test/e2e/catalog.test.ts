/**
 * What the Grafana plugin catalog's validator checks that can be checked offline, on the build in
 * dist/ (npm run ci builds before this suite): plugin.json, README, CHANGELOG, LICENSE, no tracking
 * code, source maps that match the sources, and the archive `npm run package` makes.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'fs';
import { join } from 'path';
import { inflateRawSync } from 'zlib';
import { packagePlugin } from '../../scripts/catalog/package';
import { REPO } from './stackFiles';

const DIST = join(REPO, 'dist');
const built = existsSync(join(DIST, 'plugin.json'));
const dist = (path: string) => readFileSync(join(DIST, path), 'utf8');
const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string };

interface PluginJson {
  id: string;
  type: string;
  name: string;
  info: {
    description: string;
    keywords: string[];
    logos: { small: string; large: string };
    screenshots: Array<{ name: string; path: string }>;
    version: string;
  };
  dependencies: { grafanaDependency: string };
  languages: string[];
}

(built ? describe : describe.skip)('catalog readiness of dist/', () => {
  const plugin = JSON.parse(dist('plugin.json')) as PluginJson;

  it('plugin.json: id, type, description, keywords, logos, screenshots, version, Grafana dependency, languages', () => {
    expect(plugin.id).toMatch(/^[a-z0-9]+-[a-z0-9]+-panel$/);
    expect(plugin.type).toBe('panel');
    expect(plugin.info.description.length).toBeGreaterThan(40);
    expect(plugin.info.keywords.length).toBeGreaterThanOrEqual(3);
    for (const path of [
      plugin.info.logos.small,
      plugin.info.logos.large,
      ...plugin.info.screenshots.map((s) => s.path),
    ]) {
      expect({ path, exists: existsSync(join(DIST, path)) }).toEqual({ path, exists: true });
    }
    expect(plugin.info.screenshots.length).toBeGreaterThan(0);
    // The build stamps the package version in.
    expect(plugin.info.version).toBe(pkg.version);
    expect(plugin.dependencies.grafanaDependency).toBe('>=12.3.0');
    for (const language of plugin.languages) {
      expect(existsSync(join(DIST, 'locales', language, `${plugin.id}.json`))).toBe(true);
    }
  });

  it('README is the panel’s own, CHANGELOG has this version, LICENSE is there', () => {
    const readme = dist('README.md');
    expect(readme).not.toMatch(/create-plugin|template|{{\s*\w+\s*}}|TODO/i);
    expect(readme).toContain('kafka_server_brokertopicmetrics_messagesin_total');
    expect(dist('CHANGELOG.md')).toContain(`## ${pkg.version}`);
    expect(dist('LICENSE')).toMatch(/Apache License/);
  });

  it('no tracking or analytics code in the bundle', () => {
    const bundle = readdirSync(DIST)
      .filter((f) => f.endsWith('.js'))
      .map(dist)
      .join('\n');
    for (const tracker of [
      /googletagmanager|google-analytics|gtag\(/,
      /segment\.(io|com)/,
      /mixpanel/,
      /hotjar/,
      /amplitude/,
    ]) {
      expect(bundle).not.toMatch(tracker);
    }
  });

  it('the source map holds the sources as they are in src/', () => {
    const map = JSON.parse(dist('module.js.map')) as { sources: string[]; sourcesContent: string[] };
    const prefix = `webpack://${plugin.id}/./`;
    const ours = map.sources
      .map((s, i) => [s, i] as const)
      .filter(([s]) => s.startsWith(prefix) && !s.includes('node_modules'));
    expect(ours.length).toBeGreaterThan(50);
    for (const [source, i] of ours) {
      const file = join(REPO, 'src', source.slice(prefix.length));
      expect({ source, same: existsSync(file) && readFileSync(file, 'utf8') === map.sourcesContent[i] }).toEqual({
        source,
        same: true,
      });
    }
  });

  it('npm run package: one folder named after the plugin, every file of dist/ intact', () => {
    const { file, entries } = packagePlugin();
    try {
      const archive = readFileSync(file);
      // Read the archive back through its central directory, independently of how it was written.
      const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
      const count = archive.readUInt16LE(end + 10);
      let at = archive.readUInt32LE(end + 16);
      const read: string[] = [];
      for (let n = 0; n < count; n++) {
        const nameLength = archive.readUInt16LE(at + 28);
        const name = archive.toString('utf8', at + 46, at + 46 + nameLength);
        const size = archive.readUInt32LE(at + 20);
        const local = archive.readUInt32LE(at + 42);
        const dataAt = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
        const content = inflateRawSync(archive.subarray(dataAt, dataAt + size));
        expect(content.equals(readFileSync(join(DIST, name.slice(plugin.id.length + 1))))).toBe(true);
        read.push(name);
        at += 46 + nameLength + archive.readUInt16LE(at + 30) + archive.readUInt16LE(at + 32);
      }
      expect(read).toEqual(entries);
      expect(read).toEqual(expect.arrayContaining([`${plugin.id}/plugin.json`, `${plugin.id}/module.js`]));
      expect(read.every((name) => name.startsWith(`${plugin.id}/`))).toBe(true);
    } finally {
      rmSync(file, { force: true });
      rmSync(`${file}.sha1`, { force: true });
    }
  });
});
