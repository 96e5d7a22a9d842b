import { createReadStream } from 'node:fs';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { PRECOMPILED_STDLIB } from '../kernel/pyodide-paths.ts';
import { precompiledStdlib } from './precompile-stdlib.ts';

const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve('pyodide/package.json'));
// Derived files (the precompiled standard library) are cached per Pyodide version, outside the repo.
const cacheDir = join(packageDir, '../.cache/event-loop-notebook');

/** What the worker loads at run time besides the standard library; `pyodide.mjs` is bundled into the worker. */
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

/**
 * Self-hosts Pyodide: served from node_modules by the dev server and copied into the build under a
 * versioned path, so the files are never committed and never fetched from a CDN.
 */
export default function pyodideFiles(): AstroIntegration {
  let base = '/';
  return {
    name: 'pyodide-files',
    hooks: {
      'astro:config:setup': async ({ config, updateConfig }) => {
        base = config.base;
        const version = await pyodideVersion();
        const prefix = `${base.replace(/\/+$/, '')}/pyodide/${version}/`;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'pyodide-files:dev',
                configureServer(server) {
                  server.middlewares.use((request, response, next) => {
                    const path = request.url?.split('?')[0] ?? '';
                    const file = path.startsWith(prefix) ? path.slice(prefix.length) : '';
                    if (file === PRECOMPILED_STDLIB) {
                      response.setHeader('Content-Type', TYPES['zip']!);
                      precompiledStdlib(packageDir, version, cacheDir).then(
                        (zip) => createReadStream(zip).pipe(response),
                        (error: unknown) => next(error),
                      );
                      return;
                    }
                    if (!PYODIDE_RUNTIME_FILES.includes(file)) return next();
                    response.setHeader('Content-Type', TYPES[file.split('.').pop() ?? ''] ?? 'application/octet-stream');
                    createReadStream(join(packageDir, file)).pipe(response);
                  });
                },
              },
            ],
          },
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const target = join(fileURLToPath(dir), 'pyodide', await pyodideVersion());
        await mkdir(target, { recursive: true });
        const version = await pyodideVersion();
        // The precompiled standard library replaces the package's source zip.
        await Promise.all(PYODIDE_RUNTIME_FILES.map((file) => copyFile(join(packageDir, file), join(target, file))));
        await copyFile(await precompiledStdlib(packageDir, version, cacheDir), join(target, PRECOMPILED_STDLIB));
        logger.info(`copied Pyodide ${version} and its precompiled standard library to ${target}`);
      },
    },
  };
}
