import { dirname } from 'node:path';
import { createRequire } from 'node:module';
import { loadPyodide, type PyodideAPI } from 'pyodide';

/** The npm package's own files: Pyodide in Node needs to be told where they are (STACK-NOTES 3). */
const indexURL = `${dirname(createRequire(import.meta.url).resolve('pyodide/package.json'))}/`;

/** Pyodide as the content tests run it: the package's files, its own standard library. */
export function loadTestPyodide(): Promise<PyodideAPI> {
  return loadPyodide({ indexURL });
}
