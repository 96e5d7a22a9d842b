/** The standard library precompiled to bytecode at build time, served next to Pyodide's own files. */
export const PRECOMPILED_STDLIB = 'python_stdlib.pyc.zip';
