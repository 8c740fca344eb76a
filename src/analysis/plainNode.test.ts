/**
 * @jest-environment node
 */
import fs from 'fs';
import path from 'path';
import { analyze } from './index';
import { clusterFrames } from './testkit/frames';

// @grafana/data cannot load without a DOM (`window is not defined`); the core must not need it.
describe('the analysis core outside the browser', () => {
  it('runs in plain Node without a DOM', () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
    const report = analyze(clusterFrames({ brokers: 3, topics: 2, points: 30, rate: (b) => 100 * (b + 1) }));
    expect(report.cluster.totalRate).toBe(1200);
    expect(report.verdict).toBe('critical');
  });

  it('imports nothing from React or Grafana at run time', () => {
    const dir = __dirname;
    const files: string[] = [];
    const walk = (d: string) =>
      fs.readdirSync(d, { withFileTypes: true }).forEach((e) => {
        const p = path.join(d, e.name);
        if (e.isDirectory()) {
          walk(p);
        } else if (
          /\.tsx?$/.test(e.name) &&
          !/\.test\.tsx?$/.test(e.name) &&
          !p.includes(`${path.sep}testkit${path.sep}`)
        ) {
          files.push(p);
        }
      });
    walk(dir);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const source = fs.readFileSync(file, 'utf8');
      const runtimeImports = source.match(/^import (?!type )[^;]*from '(@grafana\/[^']+|react[^']*)'/gm) ?? [];
      expect({ file: path.relative(dir, file), runtimeImports }).toEqual({
        file: path.relative(dir, file),
        runtimeImports: [],
      });
    }
  });
});
