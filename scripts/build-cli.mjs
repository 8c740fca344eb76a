// Builds the kafkalens command (src/cli/kafkalens.ts) into one file, cli/kafkalens.cjs, for Node 20+:
// the analysis core, the panel's options reading and the locale files bundled in.
import { build } from 'esbuild';
import { chmodSync } from 'fs';
import { fileURLToPath } from 'url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const outfile = `${repo}cli/kafkalens.cjs`;
await build({
  entryPoints: [`${repo}src/cli/kafkalens.ts`],
  bundle: true,
  outfile,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  banner: { js: '#!/usr/bin/env node' },
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
  legalComments: 'none',
});
chmodSync(outfile, 0o755);
