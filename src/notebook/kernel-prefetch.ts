import { withBase } from '../lib/base-url.ts';
import { PREFETCHED_FILES, PYODIDE_VERSION } from '../kernel/python/pyodide-paths.ts';
import { connectionIsPrecious } from '../lib/connection.ts';
import { currentLanguage } from './language.ts';

/** Downloads one file into the HTTP cache (and the service worker's, where there is one), keeping nothing. */
async function warm(url: string): Promise<void> {
  const response = await fetch(url, { priority: 'low' } as RequestInit);
  await response.body?.pipeTo(new WritableStream());
}

/**
 * The prefetch policy: on a page with Python cells, once the page has loaded and the main thread
 * is idle, download the files a Python start needs (about 4 MB) at low priority, so that the
 * first Run only compiles and starts. It downloads and nothing more: no worker starts, no wasm
 * is compiled and nothing runs until the reader asks, as before. It does nothing under Save-Data
 * or on a 2G-class link, when the page shows TypeScript (whose kernel is small), or while the
 * tab is hidden (it waits until it is shown).
 */
export function prefetchKernelWhenIdle(): void {
  if (!document.querySelector('nb-cell') || connectionIsPrecious()) return;
  const start = () => {
    if (currentLanguage() !== 'python') return;
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
