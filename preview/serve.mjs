/**
 * `npm run preview`: builds the preview (preview/build) and serves it on http://127.0.0.1:PORT
 * (PORT from --port or $PREVIEW_PORT, default 4173; 0 picks a free port). The page, the bundle,
 * the org's data and the design system's assets (styles, icons, fonts) are served from disk.
 */
import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUILD_DIR, PREVIEW_DIR, build } from './build/build.mjs';

const require = createRequire(import.meta.url);
const ASSETS_DIR = join(dirname(require.resolve('@salesforce-ux/design-system/package.json')), 'assets');
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

function fileFor(pathname) {
  const path = normalize(decodeURIComponent(pathname));
  if (path.includes('..')) return null;
  if (path === '/' || path === '/index.html') return join(PREVIEW_DIR, 'app/index.html');
  if (path === '/preview.css') return join(PREVIEW_DIR, 'app/preview.css');
  if (path.startsWith('/assets/')) return join(ASSETS_DIR, path.slice('/assets/'.length));
  return join(BUILD_DIR, path.slice(1));
}

/** Starts the server; resolves to { server, url }. */
export function serve({ port = 4173, host = '127.0.0.1' } = {}) {
  const server = createServer((request, response) => {
    const file = fileFor(new URL(request.url, 'http://localhost').pathname);
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve({ server, url: `http://${host}:${server.address().port}/` }));
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const flag = process.argv.indexOf('--port');
  const port = Number(flag > 0 ? process.argv[flag + 1] : (process.env.PREVIEW_PORT ?? 4173));
  await build();
  const { url } = await serve({ port });
  console.log(`preview: serving ${url} (English) and ${url}?lang=fr (French); Ctrl+C stops it`);
}
