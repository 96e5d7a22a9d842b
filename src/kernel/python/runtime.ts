/// <reference lib="webworker" />
import { loadPyodide, version, type PyodideAPI } from 'pyodide';
import { withBase } from '../../lib/base-url.ts';
import { connectionIsPrecious } from '../../lib/connection.ts';
import { CORE_STDLIB, REST_STDLIB, RUNTIME_SIZES } from './pyodide-paths.ts';
import { installLazyStdlib, type LazyStdlib } from './lazy-stdlib.ts';

/** How far the load has got, in bytes over the network (estimated for files still on their way). */
export interface LoadProgress {
  stage: string;
  loaded: number;
  total: number;
}

const MB = (bytes: number) => (bytes / 1_000_000).toFixed(1);
/** The background download of the rest of the library waits this long after the kernel is ready. */
const REST_DELAY_MS = 5000;

/** A synchronous GET: allowed in workers, and what an import (which cannot await) needs. */
function fetchSync(url: string): Uint8Array | undefined {
  const request = new XMLHttpRequest();
  request.open('GET', url, false);
  request.responseType = 'arraybuffer';
  try {
    request.send();
  } catch {
    return undefined;
  }
  return request.status === 200 ? new Uint8Array(request.response as ArrayBuffer) : undefined;
}

/** The same response, reporting decoded bytes as they pass through. */
function counted(response: Response, onBytes: (bytes: number) => void): Response {
  if (!response.ok || !response.body) return response;
  let length = 0;
  const counter = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      length += chunk.length;
      onBytes(length);
      controller.enqueue(chunk);
    },
  });
  return new Response(response.body.pipeThrough(counter), { status: response.status, headers: response.headers });
}

/**
 * Progress over the files of a start. The worker cannot see the wasm arrive without taking the
 * download from Pyodide (and a Response we built would lose V8's per-URL code cache), so each of
 * Pyodide's own files counts by its known size once the browser reports it fetched; the standard
 * library counts as its bytes arrive.
 */
function trackProgress(indexURL: string, report: (progress: LoadProgress) => void) {
  const total = Object.values(RUNTIME_SIZES).reduce((sum, size) => sum + size.wire, 0);
  const done = new Set<string>();
  let stdlibShare = 0;
  let starting = false;
  const send = () => {
    const loaded =
      [...done].reduce((sum, file) => sum + (RUNTIME_SIZES[file]?.wire ?? 0), 0) +
      (done.has(CORE_STDLIB) ? 0 : stdlibShare);
    starting ||= Object.keys(RUNTIME_SIZES).every((file) => done.has(file));
    const shown = Math.min(total, Math.round(loaded));
    // "about": the sizes are those a gzip host sends; a brotli host sends less.
    const stage = starting ? 'Starting Python' : `Downloading Python: ${MB(shown)} of about ${MB(total)} MB`;
    report({ stage, loaded: shown, total });
  };
  const observer =
    typeof PerformanceObserver === 'undefined'
      ? undefined
      : new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) {
            const file = entry.name.startsWith(indexURL) ? entry.name.slice(indexURL.length) : '';
            if (file in RUNTIME_SIZES && file !== CORE_STDLIB) done.add(file);
          }
          send();
        });
  observer?.observe({ type: 'resource', buffered: true });
  send();
  return {
    stdlibBytes(decoded: number) {
      const size = RUNTIME_SIZES[CORE_STDLIB];
      if (size) stdlibShare = (Math.min(decoded, size.raw) / size.raw) * size.wire;
      if (size && decoded >= size.raw) done.add(CORE_STDLIB);
      send();
    },
    finish() {
      observer?.disconnect();
      starting = true;
      for (const file of Object.keys(RUNTIME_SIZES)) done.add(file);
      send();
    },
  };
}

/**
 * Loads the site's own Pyodide (never a CDN) with the standard library split at build time
 * (src/plugins/precompile-stdlib.ts): the compiled modules the chapters need come first, every
 * other module is fetched when a cell first imports it, and the whole rest follows in the
 * background once the kernel has been ready a while, so that it is cached for offline use.
 * All of it lives under the versioned `pyodide/<version>/` folder, as plain GETs.
 */
export async function loadPythonRuntime(report: (progress: LoadProgress) => void): Promise<PyodideAPI> {
  const indexURL = new URL(withBase(`pyodide/${version}/`), self.location.origin).href;
  const progress = trackProgress(indexURL, report);
  const stdLibURL = `${indexURL}${CORE_STDLIB}`;
  // Pyodide fetches the standard library itself, early and beside the wasm; this lets us count
  // its bytes as they arrive without changing when or how it is fetched.
  const fetchAsUsual = self.fetch;
  self.fetch = (input, init) =>
    String(input) === stdLibURL
      ? fetchAsUsual(input, init).then((response) => counted(response, (bytes) => progress.stdlibBytes(bytes)))
      : fetchAsUsual(input, init);
  let pyodide: PyodideAPI;
  try {
    pyodide = await loadPyodide({ indexURL, stdLibURL });
  } finally {
    self.fetch = fetchAsUsual;
  }
  progress.finish();
  const lazy = installLazyStdlib(pyodide, (path) => fetchSync(`${indexURL}${path}`));
  if (!connectionIsPrecious()) setTimeout(() => void fetchRest(indexURL, lazy), REST_DELAY_MS);
  return pyodide;
}

/** The rest of the library in one download, so every module imports offline after this visit. */
async function fetchRest(indexURL: string, lazy: LazyStdlib): Promise<void> {
  try {
    const response = await fetch(`${indexURL}${REST_STDLIB}`, { priority: 'low' } as RequestInit);
    if (response.ok) lazy.addRest(new Uint8Array(await response.arrayBuffer()));
  } catch {
    // Offline or refused: modules still come one by one when imported.
  }
}
