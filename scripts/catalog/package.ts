/**
 * npm run package — zips dist/ the way the Grafana plugin catalog expects: one folder named after
 * the plugin id at the root, holding plugin.json, module.js and the rest of the build. Writes
 * `<id>-<version>.zip` and its SHA-1 (what the catalog's submission form asks for). Run after
 * `npm run build`.
 */
import { createHash } from 'crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'fs';
import { join, relative } from 'path';
import { zip } from './zip';

const REPO = join(__dirname, '..', '..');
const DIST = join(REPO, 'dist');

function files(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : [path];
    });
}

export function packagePlugin(): { file: string; sha1: string; entries: string[] } {
  if (!existsSync(join(DIST, 'plugin.json'))) {
    throw new Error('dist/ holds no build: run npm run build first');
  }
  const plugin = JSON.parse(readFileSync(join(DIST, 'plugin.json'), 'utf8')) as {
    id: string;
    info: { version: string };
  };
  const entries = files(DIST).map((path) => ({
    path: `${plugin.id}/${relative(DIST, path)}`,
    data: readFileSync(path),
  }));
  const archive = zip(entries);
  const file = join(REPO, `${plugin.id}-${plugin.info.version}.zip`);
  writeFileSync(file, archive);
  const sha1 = createHash('sha1').update(archive).digest('hex');
  writeFileSync(`${file}.sha1`, `${sha1}\n`);
  return { file, sha1, entries: entries.map((e) => e.path) };
}

if (require.main === module) {
  const { file, sha1, entries } = packagePlugin();
  console.log(`${relative(REPO, file)}: ${entries.length} files, sha1 ${sha1}`);
}
