import { createReadStream } from 'node:fs';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve('pyodide/package.json'));

/** What the worker loads at run time; `pyodide.mjs` itself is bundled into the worker. */
export const PYODIDE_RUNTIME_FILES = ['pyodide.asm.mjs', 'pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json'];

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
        const prefix = `${base.replace(/\/+$/, '')}/pyodide/${await pyodideVersion()}/`;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'pyodide-files:dev',
                configureServer(server) {
                  server.middlewares.use((request, response, next) => {
                    const path = request.url?.split('?')[0] ?? '';
                    const file = path.startsWith(prefix) ? path.slice(prefix.length) : '';
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
        await Promise.all(PYODIDE_RUNTIME_FILES.map((file) => copyFile(join(packageDir, file), join(target, file))));
        logger.info(`copied Pyodide to ${target}`);
      },
    },
  };
}
