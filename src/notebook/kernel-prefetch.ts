import { withBase } from '../lib/base-url.ts';
import { PREFETCHED_FILES, PYODIDE_VERSION } from '../kernel/python/pyodide-paths.ts';
import { connectionIsPrecious } from '../lib/connection.ts';
import { LANGUAGE_TABLE } from '../lib/languages.ts';
import { getNotebook } from './page-notebook.ts';

/** Downloads one file into the HTTP cache (and the service worker's, where there is one), keeping nothing. */
async function warm(url: string): Promise<void> {
  const response = await fetch(url, { priority: 'low' } as RequestInit);
  await response.body?.pipeTo(new WritableStream());
}

/**
 * The prefetch policy: on a page with cells, in a language whose runtime is worth fetching early (Python), once the page has loaded and the main thread
 * is idle, download the files a Python start needs (about 4 MB) at low priority, so that the
 * first Run only compiles and starts. It downloads and nothing more: no worker starts, no wasm
 * is compiled and nothing runs until the reader asks, as before. It does nothing under Save-Data
 * or on a 2G-class link, when the page shows TypeScript (whose kernel is small), or while the
 * tab is hidden (it waits until it is shown).
 */
export function prefetchKernelWhenIdle(): void {
  const notebook = getNotebook();
  if (notebook.cells.length === 0 || connectionIsPrecious()) return;
  const start = () => {
    if (!LANGUAGE_TABLE[notebook.language].prefetch) return;
    const folder = withBase(`pyodide/${PYODIDE_VERSION}/`);
    for (const file of PREFETCHED_FILES) void warm(`${folder}${file}`).catch(() => undefined);
  };
  const whenIdle = () => {
    if (document.visibilityState === 'hidden') {
      document.addEventListener('visibilitychange', whenIdle, { once: true });
      return;
    }
    if ('requestIdleCallback' in window) requestIdleCallback(start, { timeout: 5000 });
    else setTimeout(start, 1000);
  };
  if (document.readyState === 'complete') whenIdle();
  else window.addEventListener('load', whenIdle, { once: true });
}
