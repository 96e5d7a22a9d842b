// Names of the files the Python worker loads from the site's `pyodide/<version>/` folder, and
// their sizes, shared by the build (src/plugins/pyodide-files.ts) and the worker.

/** The first load of the standard library: the compiled modules Pyodide's start and the chapters import. */
export const CORE_STDLIB = 'python_stdlib.core.zip';
/** Every other module in one zip, for the background download that makes the library work offline. */
export const REST_STDLIB = 'python_stdlib.rest.zip';
/** The same modules one by one, as `stdlib/<path>.pyc`, for an import before the rest has arrived. */
export const LAZY_STDLIB_DIR = 'stdlib/';
export const WASM = 'pyodide.asm.wasm';

/** Bytes of one file: as stored (`raw`) and as a gzip host sends it (`wire`). */
export interface FileSize {
  raw: number;
  wire: number;
}

declare const __PYODIDE_SIZES__: Record<string, FileSize> | undefined;
declare const __PYODIDE_VERSION__: string | undefined;

/** The Pyodide the build copied, without importing Pyodide (the page must not load it to know this). */
export const PYODIDE_VERSION = typeof __PYODIDE_VERSION__ === 'undefined' ? '' : __PYODIDE_VERSION__;

/** The files a start fetches, with their sizes; filled in by the build (empty in Node tests). */
export const RUNTIME_SIZES: Record<string, FileSize> = typeof __PYODIDE_SIZES__ === 'undefined' ? {} : __PYODIDE_SIZES__;

/** What the page downloads ahead of a first run (src/notebook/kernel-prefetch.ts): every file a start fetches. */
export const PREFETCHED_FILES = Object.keys(RUNTIME_SIZES);
