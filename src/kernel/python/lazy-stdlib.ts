import type { PyodideAPI } from 'pyodide';
import type { PyProxy } from 'pyodide/ffi';
import importerSource from './stdlib-importer.py?raw';

/** The importer of the modules the first load leaves out (src/kernel/python/stdlib-importer.py). */
export interface LazyStdlib {
  /** Hands over the whole rest of the library (a zip), so later imports need no network. */
  addRest(zip: Uint8Array): void;
}

/**
 * Installs the lazy importer in a Pyodide that was loaded with the first-load zip. `fetch` gets a
 * path relative to Pyodide's folder (`stdlib/json/tool.pyc`, or the rest zip) and returns its
 * bytes, or `undefined` when they cannot be had; it must be synchronous, as an import is. The
 * worker fetches with a synchronous GET; the tests read the build's files.
 */
export function installLazyStdlib(pyodide: PyodideAPI, fetch: (path: string) => Uint8Array | undefined): LazyStdlib {
  const scope = pyodide.globals.get('dict')() as PyProxy;
  pyodide.runPython(importerSource, { globals: scope, filename: '<stdlib-importer>' });
  const finder = (scope.get('install') as (fetch: (path: string) => Uint8Array | undefined) => PyProxy)(fetch);
  scope.destroy();
  return {
    addRest(zip) {
      (finder['add_rest'] as (zip: Uint8Array) => void)(zip);
    },
  };
}
