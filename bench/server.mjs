import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
  '.py': 'text/plain',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.wasm']);

/**
 * A static host like the ones the README names: gzip for text and wasm, long-lived caching for
 * hashed and versioned files, and the isolation headers. It serves the built site and, under
 * /__baseline/, the bare page with the npm package's Pyodide files, so both are measured alike.
 */
export async function startServer({ mounts, port = 0, isolate = true }) {
  const compressed = new Map();
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    const mount = mounts.find(({ prefix }) => path.startsWith(prefix));
    if (!mount) return void response.writeHead(404).end();
    let file = normalize(join(mount.root, path.slice(mount.prefix.length)));
    if (!file.startsWith(mount.root)) return void response.writeHead(403).end();
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      await stat(file);
    } catch {
      return void response.writeHead(404).end();
    }
    const ext = extname(file);
    const immutable = /\/_astro\/|\/pyodide\//.test(path);
    const headers = {
      'Content-Type': TYPES[ext] ?? 'application/octet-stream',
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      // Off, it plays a host that cannot set headers (GitHub Pages).
      ...(isolate ? { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' } : {}),
    };
    const gzip = COMPRESSIBLE.has(ext) && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
    if (gzip) headers['Content-Encoding'] = 'gzip';
    if (!gzip) {
      response.writeHead(200, headers);
      return void createReadStream(file).pipe(response);
    }
    // Compressed once and kept, as a host with precompressed files would serve them.
    let body = compressed.get(file);
    if (!body) compressed.set(file, (body = gzipSync(await readFile(file), { level: 6 })));
    response.writeHead(200, { ...headers, 'Content-Length': body.length });
    response.end(body);
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: actual } = server.address();
  return { url: `http://127.0.0.1:${actual}`, close: () => new Promise((resolve) => server.close(resolve)) };
}
