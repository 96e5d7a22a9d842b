import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'vite';
import { getManifest } from 'workbox-build';

const SOURCE = fileURLToPath(new URL('../service-worker/sw.ts', import.meta.url));
/**
 * Precached at install: the built scripts and styles up to Workbox's 2 MB default (the editor and the
 * TypeScript language service are cached when first used instead), the 404 page and the icons.
 * Pages and Pyodide are cached as the reader visits and runs them (see sw.ts).
 */
const PRECACHE = ['_astro/**/*.{js,css}', '404.html', 'favicon.svg', 'apple-touch-icon.png'];

/** Writes `sw.js` into the build: the service worker bundled with Workbox and this build's precache list. */
export default function serviceWorker(): AstroIntegration {
  return {
    name: 'service-worker',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const { manifestEntries, warnings, size } = await getManifest({
          globDirectory: root,
          globPatterns: PRECACHE,
          // Hashed names change with their content: no revision needed.
          dontCacheBustURLsMatching: /^_astro\//,
        });
        // Files over the size limit are expected (the editor, the language service): cached on first use.
        for (const warning of warnings) logger.info(warning);
        await build({
          configFile: false,
          logLevel: 'warn',
          publicDir: false,
          define: {
            __PRECACHE_MANIFEST__: JSON.stringify(manifestEntries),
            'process.env.NODE_ENV': JSON.stringify('production'),
          },
          build: {
            outDir: root,
            emptyOutDir: false,
            copyPublicDir: false,
            minify: true,
            lib: { entry: SOURCE, formats: ['iife'], name: 'serviceWorker', fileName: () => 'sw.js' },
          },
        });
        logger.info(`sw.js precaches ${manifestEntries.length} files (${Math.round(size / 1024)} KB)`);
      },
    },
  };
}
