// Bundles the host page (React, @grafana/* and the test scenarios) for the browser test.
import { build } from 'esbuild';
import { fileURLToPath } from 'url';

const here = fileURLToPath(new URL('.', import.meta.url));
await build({
  entryPoints: [`${here}host/host.tsx`],
  bundle: true,
  outfile: `${here}.build/host.js`,
  format: 'iife',
  platform: 'browser',
  target: 'es2020',
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"', global: 'window' },
  loader: { '.svg': 'text', '.woff': 'empty', '.woff2': 'empty', '.png': 'empty', '.css': 'empty' },
  logLevel: 'warning',
  minify: false,
  sourcemap: false,
});
