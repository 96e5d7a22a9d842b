import { stat, readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

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
// Compressed on the fly when no precompressed copy exists: what nginx's `gzip on` with a
// `gzip_types` list covering these does. Zips are left alone, as hosts leave them.
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.wasm']);
const HEADER_BYTES = 300;

async function exists(path) {
  return stat(path).then(
    (info) => info.isFile(),
    () => false,
  );
}

/**
 * A static host like the ones the README names: precompressed `.br`/`.gz` copies where they exist
 * (nginx `brotli_static`/`gzip_static`), gzip on the fly for text and wasm otherwise, ETags,
 * long-lived caching for hashed and versioned files, and the isolation headers. It serves the
 * built site and, under /__baseline/, the bare page with the npm package's Pyodide files, so both
 * are measured alike. With a `link` (bench/link.mjs) every response goes through that shaped link.
 * It counts the bytes it sends, so a page's workers are counted too.
 */
export async function startServer({ mounts, port = Number(process.env.BENCH_PORT ?? 0), isolate = true }) {
  const cache = new Map();
  let link;
  let sent = 0;

  async function body(file, ext, acceptEncoding) {
    for (const [encoding, suffix] of [
      ['br', '.br'],
      ['gzip', '.gz'],
    ]) {
      if (new RegExp(`\\b${encoding}\\b`).test(acceptEncoding) && (await exists(file + suffix))) {
        return { encoding, data: await readFile(file + suffix) };
      }
    }
    if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(acceptEncoding)) {
      // Compressed once and kept, so a measured run does not wait for the server's CPU.
      let data = cache.get(file);
      if (!data) cache.set(file, (data = gzipSync(await readFile(file), { level: 6 })));
      return { encoding: 'gzip', data };
    }
    return { encoding: undefined, data: await readFile(file) };
  }

  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    const mount = mounts.find(({ prefix }) => path.startsWith(prefix));
    const reply = async (status, fields = {}, data = Buffer.alloc(0)) => {
      sent += HEADER_BYTES;
      if (link) return link.send(response, { status, fields }, data, (bytes) => (sent += bytes));
      sent += data.length;
      response.writeHead(status, fields).end(data);
    };
    if (!mount) return reply(404);
    let file = normalize(join(mount.root, path.slice(mount.prefix.length)));
    if (!file.startsWith(mount.root)) return reply(403);
    let info;
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      info = await stat(file);
    } catch {
      return reply(404);
    }
    const ext = extname(file);
    const immutable = /\/_astro\/|\/pyodide\//.test(path);
    const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
    const fields = {
      'Content-Type': TYPES[ext] ?? 'application/octet-stream',
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      ETag: etag,
      Vary: 'Accept-Encoding',
      // Off, it plays a host that cannot set headers (GitHub Pages).
      ...(isolate ? { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' } : {}),
    };
    if (request.headers['if-none-match'] === etag) return reply(304, fields);
    const { encoding, data } = await body(file, ext, request.headers['accept-encoding'] ?? '');
    if (encoding) fields['Content-Encoding'] = encoding;
    fields['Content-Length'] = data.length;
    return reply(200, fields, data);
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: actual } = server.address();
  return {
    url: `http://127.0.0.1:${actual}`,
    /** Shapes every later response through `next` (bench/link.mjs), or stops shaping with `undefined`. */
    setLink(next) {
      link = next;
    },
    /** Bytes sent so far: bodies as they leave (through the link, chunk by chunk), plus a flat allowance per response for headers. */
    bytesSent: () => sent,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(resolve);
      }),
  };
}
