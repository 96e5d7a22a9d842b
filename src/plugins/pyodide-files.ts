import { createReadStream } from 'node:fs';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { CORE_STDLIB, REST_STDLIB, LAZY_STDLIB_DIR, type FileSize } from '../kernel/python/pyodide-paths.ts';
import { copySplitStdlib, splitStdlib, type SplitStdlib } from './precompile-stdlib.ts';
import { precompressed, PRECOMPRESSED_SUFFIXES } from './precompress.ts';

const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve('pyodide/package.json'));
// Derived files (the split standard library, compressed copies) are cached per Pyodide version, outside the repo.
const cacheDir = join(packageDir, '../.cache/event-loop-notebook');

/** What the worker loads from the package at run time; `pyodide.mjs` is bundled into the worker. */
export const PYODIDE_RUNTIME_FILES = ['pyodide.asm.mjs', 'pyodide.asm.wasm', 'pyodide-lock.json'];

const TYPES: Record<string, string> = {
  // Pyodide compiles with instantiateStreaming and has no fallback: any other type hangs the start.
  wasm: 'application/wasm',
  mjs: 'text/javascript',
  zip: 'application/zip',
  json: 'application/json',
};

async function pyodideVersion(): Promise<string> {
  const manifest = JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

/** Where each served file comes from: the package, or the split standard library. */
function sourceOf(split: SplitStdlib, file: string): string | undefined {
  if (PYODIDE_RUNTIME_FILES.includes(file)) return join(packageDir, file);
  if (file === CORE_STDLIB || file === REST_STDLIB) return join(split.dir, file);
  if (file.startsWith(LAZY_STDLIB_DIR) && file.endsWith('.pyc')) {
    const path = normalize(join(split.dir, file));
    return path.startsWith(join(split.dir, LAZY_STDLIB_DIR)) ? path : undefined;
  }
  return undefined;
}

/**
 * Self-hosts Pyodide: served from node_modules by the dev server and copied into the build under a
 * versioned path, so the files are never committed and never fetched from a CDN. The big files
 * get `.br` and `.gz` copies beside them for hosts that serve precompressed files.
 */
export default function pyodideFiles(): AstroIntegration {
  let split: SplitStdlib | undefined;
  const big = [...PYODIDE_RUNTIME_FILES, CORE_STDLIB, REST_STDLIB];
  return {
    name: 'pyodide-files',
    hooks: {
      'astro:config:setup': async ({ config, updateConfig, logger }) => {
        const version = await pyodideVersion();
        const prefix = `${config.base.replace(/\/+$/, '')}/pyodide/${version}/`;
        split = await splitStdlib(packageDir, version, cacheDir);
        logger.info(`standard library: ${split.core.length} modules in the first load, ${split.lazy.length} on demand`);
        const current = split;
        // What the worker's loading status counts: each file a start fetches, raw and gzipped.
        const sizes: Record<string, FileSize> = {};
        for (const file of [...PYODIDE_RUNTIME_FILES, CORE_STDLIB]) {
          const copies = await precompressed(sourceOf(current, file)!, join(cacheDir, 'compressed', version));
          sizes[file] = { raw: copies.raw, wire: copies.gz };
        }
        updateConfig({
          vite: {
            define: { __PYODIDE_SIZES__: JSON.stringify(sizes), __PYODIDE_VERSION__: JSON.stringify(version) },
            plugins: [
              {
                name: 'pyodide-files:dev',
                configureServer(server) {
                  server.middlewares.use((request, response, next) => {
                    const path = request.url?.split('?')[0] ?? '';
                    const source = path.startsWith(prefix) ? sourceOf(current, path.slice(prefix.length)) : undefined;
                    if (!source) return next();
                    response.setHeader('Content-Type', TYPES[source.split('.').pop() ?? ''] ?? 'application/octet-stream');
                    createReadStream(source).on('error', next).pipe(response);
                  });
                },
              },
            ],
          },
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const version = await pyodideVersion();
        const target = join(fileURLToPath(dir), 'pyodide', version);
        await mkdir(target, { recursive: true });
        await Promise.all(PYODIDE_RUNTIME_FILES.map((file) => copyFile(join(packageDir, file), join(target, file))));
        // The split, compiled standard library replaces the package's source zip.
        await copySplitStdlib(split!, target);
        for (const file of big) {
          const copies = await precompressed(sourceOf(split!, file)!, join(cacheDir, 'compressed', version));
          for (const suffix of PRECOMPRESSED_SUFFIXES) await copyFile(copies.paths[suffix], join(target, file + suffix));
        }
        logger.info(`copied Pyodide ${version}, its split standard library and compressed copies to ${target}`);
      },
    },
  };
}
