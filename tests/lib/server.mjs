// A small static file server for the built site (dist/), bound to 127.0.0.1, that can mount the
// site under a sub-path, as a class website would (for example /courses/ml/playground/).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
};

/** Resolves a request path below `prefix` to a file of `root`, or null when outside it. */
function resolvePath(root, prefix, urlPath) {
  if (!urlPath.startsWith(prefix)) return null;
  const rest = decodeURIComponent(urlPath.slice(prefix.length)) || 'index.html';
  const file = normalize(join(root, rest));
  if (file !== root && !file.startsWith(root + sep)) return null;
  return file;
}

/**
 * Serves `root` at `prefix` (which starts and ends with '/') on 127.0.0.1 and an ephemeral port.
 * Extra files (path -> {type, body}) are served at the server's top level, for test pages.
 * `options.headers` (name -> value) are sent with every response, as a host's configuration
 * would (e.g. a Content-Security-Policy header). Resolves to { origin, url, close }.
 */
export async function serve(root, prefix = '/', extra = {}, options = {}) {
  const server = createServer(async (req, res) => {
    const urlPath = new URL(req.url, 'http://127.0.0.1').pathname;
    for (const [name, value] of Object.entries(options.headers ?? {})) res.setHeader(name, value);
    if (extra[urlPath]) {
      res.writeHead(200, { 'content-type': extra[urlPath].type });
      res.end(extra[urlPath].body);
      return;
    }
    let file = resolvePath(root, prefix, urlPath);
    try {
      if (file && (await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = file && (await readFile(file));
      if (!body) throw new Error('outside the site');
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, url: origin + prefix, close: () => new Promise((ok) => server.close(ok)) };
}
