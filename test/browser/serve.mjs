// A static file server on loopback for the browser test: the repository root, read-only.
import { createReadStream, statSync } from 'fs';
import { createServer } from 'http';
import { extname, join, normalize, sep } from 'path';
import { fileURLToPath } from 'url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const port = Number(process.env.PORT ?? 3917);
const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

// Grafana serves the icons @grafana/ui asks for from public/build/img/icons; the package ships them.
const ICONS = '/public/build/img/icons/';
const iconDir = join(root, 'node_modules/@grafana/ui/dist/public/img/icons');

function resolve(path) {
  const icon = path.indexOf(ICONS);
  if (icon >= 0) {
    const file = join(iconDir, path.slice(icon + ICONS.length));
    return file.startsWith(iconDir) ? file : undefined;
  }
  const file = join(root, path);
  return file.startsWith(root) && !path.split(sep).includes('node_modules') ? file : undefined;
}

createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
  const file = resolve(path);
  if (!file) {
    res.writeHead(403).end();
    return;
  }
  try {
    if (!statSync(file).isFile()) {
      throw new Error('not a file');
    }
  } catch {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': 'no-store',
  });
  createReadStream(file).pipe(res);
}).listen(port, '127.0.0.1', () => console.log(`serving ${root} on http://127.0.0.1:${port}`));
