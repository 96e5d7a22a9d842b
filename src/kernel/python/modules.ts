/**
 * The kernel's Python package: every module it installs beside the runner, in one list that the
 * session (src/kernel/python/session.ts), the loop view's tracer and the build's stdlib split
 * (src/plugins/precompile-stdlib.ts) all read. Plain data, so the build can import it without Vite.
 */

/** Where the modules are written in Pyodide's file system, first on `sys.path`. */
export const KERNEL_DIR = '/home/pyodide/.notebook-kernel';

/** Run as a script, not imported: it defines `Runner`, which the session drives. */
export const RUNNER_MODULE = 'runner.py';

/**
 * `kernel`: imported by the runner at start; `tracer`: imported only by a run the loop view
 * records, so a reader who never opens the view never pays for it.
 */
export type ModuleRole = 'kernel' | 'tracer';

export const PYTHON_MODULES: Readonly<Record<string, ModuleRole>> = {
  'nb_routing.py': 'kernel',
  'nb_asyncio.py': 'kernel',
  'loop_trace.py': 'tracer',
  'loop_trace_names.py': 'tracer',
  'loop_trace_asyncio.py': 'tracer',
  'loop_trace_output.py': 'tracer',
  'loop_trace_queue.py': 'tracer',
  'loop_trace_half.py': 'tracer',
  'loop_trace_execute.py': 'tracer',
  'loop_trace_generators.py': 'tracer',
};

/** The modules of one role, by file name. */
export function modulesOf(role: ModuleRole): string[] {
  return Object.entries(PYTHON_MODULES)
    .filter(([, of]) => of === role)
    .map(([file]) => file);
}
