import type { PyodideAPI } from 'pyodide';
import type { PyProxy } from 'pyodide/ffi';
import { createPendingWatch, type PendingWatch } from '../worker/pending-watch.ts';
import { MODULE_SOURCES, RUNNER_SOURCE } from './module-sources.ts';
import { KERNEL_DIR, RUNNER_MODULE } from './modules.ts';
import { assertNever } from '../../lib/assert-never.ts';
import { runnerReport, traceStep, type Output } from '../protocol.ts';
import { createStreamBatcher, type StreamName } from '../worker/stream-batcher.ts';
import type { KernelSession, SessionSink } from '../worker/session.ts';

const RUNNER_FILENAME = `${KERNEL_DIR}/${RUNNER_MODULE}`;

export interface PythonSession extends KernelSession {
  /** Stops the running cell if it is awaiting; returns whether there was one. */
  cancel(): boolean;
  /** Lets the page raise KeyboardInterrupt in a busy cell by writing 2 (SIGINT) into this buffer. */
  setInterruptBuffer(buffer: Uint8Array): void;
}

/** A value the runner passed out, as plain JavaScript; the proxy is freed, since Python keeps no use for it. */
function fromPython(payload: unknown): unknown {
  if (typeof payload !== 'object' || payload === null || !('toJs' in payload)) return payload;
  const proxy = payload as PyProxy;
  const value: unknown = proxy.toJs({ dict_converter: Object.fromEntries });
  proxy.destroy();
  return value;
}

/** The runner's modules, where Python's import system finds them. */
function installKernelModules(pyodide: PyodideAPI): void {
  pyodide.FS.mkdirTree(KERNEL_DIR);
  pyodide.FS.writeFile(RUNNER_FILENAME, RUNNER_SOURCE);
  for (const [name, source] of MODULE_SOURCES) pyodide.FS.writeFile(`${KERNEL_DIR}/${name}`, source);
  pyodide.runPython(`import sys\nif ${JSON.stringify(KERNEL_DIR)} not in sys.path: sys.path.insert(0, ${JSON.stringify(KERNEL_DIR)})`);
}

/**
 * Wraps a loaded Pyodide as a notebook kernel: one namespace, stdout and stderr streamed to the run
 * that wrote them (also after the cell's last line), results and errors in Jupyter's shape. The
 * worker and the content tests (in Node) share it, so what the tests check is what the page runs.
 */
export function createPythonSession(
  pyodide: PyodideAPI,
  sink: SessionSink | ((runId: number, output: Output) => void),
  now: () => number = () => performance.now(),
): PythonSession {
  const { output: emit, pending: onPending, trace: onTrace } = typeof sink === 'function' ? { output: sink } : sink;
  const batcher = createStreamBatcher({
    send: (runId, name, text) => emit(runId, { output_type: 'stream', name, text }),
    now,
  });
  let lastRunId = 0;
  // Writes that bypass sys.stdout (C code) go to the last run.
  const writer = (name: StreamName) => {
    const decoder = new TextDecoder();
    return {
      isatty: false,
      write(buffer: Uint8Array): number {
        batcher.write(lastRunId, name, decoder.decode(buffer, { stream: true }));
        return buffer.length;
      },
    };
  };
  pyodide.setStdout(writer('stdout'));
  pyodide.setStderr(writer('stderr'));
  installKernelModules(pyodide);

  const report = (runId: number, kind: string, raw: unknown) => {
    const message = { kind, payload: fromPython(raw) };
    if (kind !== 'stream') batcher.flush();
    if (!runnerReport.is(message)) {
      // The runner and the session disagree: say so in the run's output rather than lose it quietly.
      batcher.write(runId, 'stderr', `The notebook kernel sent a report it could not read (${kind}); please report this.\n`);
      return;
    }
    switch (message.kind) {
      case 'stream':
        batcher.write(runId, 'stderr', message.payload);
        return;
      case 'execute_result':
        emit(runId, { output_type: 'execute_result', execution_count: executionCounts.get(runId) ?? 0, data: { 'text/plain': message.payload } });
        return;
      case 'display_data':
        emit(runId, { output_type: 'display_data', data: message.payload });
        return;
      case 'trace': {
        // After the flush: a step's printed lines come first.
        const steps = message.payload.filter(traceStep.is);
        const rejected = message.payload.length - steps.length;
        if (steps.length > 0) onTrace?.(runId, steps);
        if (rejected > 0) {
          batcher.write(runId, 'stderr', `The loop view left out ${rejected} recorded step${rejected === 1 ? '' : 's'} it could not read.\n`);
        }
        return;
      }
      case 'error':
        emit(runId, { output_type: 'error', ...message.payload });
        return;
      default:
        assertNever(message, 'runner report');
    }
  };
  const sendStream = (runId: number, name: StreamName, text: string) => batcher.write(runId, name, text);

  const scope = pyodide.globals.get('dict')() as PyProxy;
  scope.set('__file__', RUNNER_FILENAME);
  pyodide.runPython(RUNNER_SOURCE, { globals: scope, filename: RUNNER_FILENAME });
  const runner = (scope.get('Runner') as (...args: unknown[]) => PyProxy)(report, sendStream);
  const executionCounts = new Map<number, number>();

  const watch: PendingWatch = createPendingWatch({
    poll: () => {
      const counts = fromPython((runner['pending'] as () => unknown)()) as Record<string, [number, number]> | Map<number, [number, number]>;
      batcher.flush();
      const entries = counts instanceof Map ? [...counts] : Object.entries(counts);
      return new Map(entries.map(([run, [tasks, timers]]) => [Number(run), { tasks, timers }]));
    },
    onChange: (runId, work) => onPending?.(runId, work),
  });

  return {
    async run({ runId, code, filename, executionCount, trace = false }) {
      lastRunId = runId;
      executionCounts.set(runId, executionCount);
      try {
        const status = (await (runner['run'] as (...args: unknown[]) => Promise<string>)(code, filename, runId, trace)) as string;
        return status === 'ok' ? 'ok' : 'error';
      } finally {
        batcher.flush();
        executionCounts.delete(runId);
        watch.check();
      }
    },
    settle: (runId, timeoutMs) => watch.settle(runId, timeoutMs),
    cancelRun(runId) {
      (runner['cancel_run'] as (runId: number) => number)(runId);
      watch.check();
    },
    reset() {
      (runner['reset'] as () => void)();
    },
    cancel() {
      return (runner['cancel'] as () => boolean)();
    },
    setInterruptBuffer(buffer) {
      pyodide.setInterruptBuffer(buffer);
    },
  };
}
