import type { PyodideAPI } from 'pyodide';
import asyncioSource from './loop_trace_asyncio.py?raw';
import namesSource from './loop_trace_names.py?raw';
import traceSource from './loop_trace.py?raw';

/** Where the loop view's tracer lives in Pyodide's file system; the runner imports it on a traced run. */
const DIRECTORY = '/lib/notebook-loop-trace';

/** Makes `import loop_trace` work in this Pyodide (the runner does it only when a run is traced). */
export function installLoopTrace(pyodide: PyodideAPI): void {
  pyodide.FS.mkdirTree(DIRECTORY);
  pyodide.FS.writeFile(`${DIRECTORY}/loop_trace.py`, traceSource);
  pyodide.FS.writeFile(`${DIRECTORY}/loop_trace_names.py`, namesSource);
  pyodide.FS.writeFile(`${DIRECTORY}/loop_trace_asyncio.py`, asyncioSource);
  pyodide.runPython(`import sys\nif ${JSON.stringify(DIRECTORY)} not in sys.path: sys.path.append(${JSON.stringify(DIRECTORY)})`);
}
