// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import pyodideFiles from './src/plugins/pyodide-files.ts';
import monacoCss from './src/plugins/monaco-css.ts';
import contentSecurityPolicy from './src/plugins/content-security-policy.ts';
import pagefindIndex from './src/plugins/pagefind-index.ts';
import serviceWorker from './src/plugins/service-worker.ts';
import remarkCells from './src/plugins/remark-cells.ts';
import { CODE_THEMES } from './src/lib/code-style.ts';

// Cross-origin isolation lets a later Stop button interrupt Python through a SharedArrayBuffer.
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  // Set BASE_PATH=/some/sub/path to build for a static host that serves the site under a sub-path.
  base: process.env.BASE_PATH ?? '/',
  ...(process.env.SITE_URL ? { site: process.env.SITE_URL } : {}),
  trailingSlash: 'ignore',
  // The service worker comes last: it lists the files the others wrote (the search index included).
  integrations: [mdx(), pyodideFiles(), contentSecurityPolicy(), pagefindIndex(), serviceWorker()],
  markdown: {
    remarkPlugins: [remarkCells],
    shikiConfig: { themes: CODE_THEMES, defaultColor: 'light-dark()' },
  },
  server: { headers: isolation },
  devToolbar: { enabled: false },
  vite: {
    plugins: [monacoCss()],
    worker: { format: 'es' },
    // Pre-bundling Pyodide in dev would reload the page in the middle of the first run; the
    // TypeScript kernel's dependencies are bundled up front for the same reason.
    optimizeDeps: { exclude: ['pyodide'], include: ['sucrase', 'acorn', 'node-inspect-extracted', 'anser'] },
  },
});
