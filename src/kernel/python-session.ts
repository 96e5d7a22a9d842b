import type { PyodideAPI } from 'pyodide';
import type { PyProxy } from 'pyodide/ffi';
import runnerSource from './runner.py?raw';
import { isOutput, type Output, type RunStatus } from './protocol.ts';
import { createStreamBatcher, type StreamName } from './stream-batcher.ts';
import { installLoopTrace } from './loop-trace-modules.ts';
import { isTraceStep, type TraceStep } from '../loop-view/trace-step.ts';

const RUNNER_FILENAME = '<notebook-runner>';

export interface RunCell {
  runId: number;
  code: string;
  filename: string;
  executionCount: number;
  /** Loop view: record the loop's turns and pass them to the session's `onTrace`. */
  trace?: boolean;
}

export interface PythonSession {
  run(cell: RunCell): Promise<RunStatus>;
  /** Forgets every variable, as a fresh notebook would. */
  reset(): void;
  /** Stops the running cell if it is awaiting; returns whether there was one. */
  cancel(): boolean;
  /** Lets the page raise KeyboardInterrupt in a busy cell by writing 2 (SIGINT) into this buffer. */
  setInterruptBuffer(buffer: Uint8Array): void;
}

function isErrorPayload(value: unknown): value is { ename: string; evalue: string; traceback: string[] } {
  return typeof value === 'object' && value !== null && 'traceback' in value;
}

/** A dict the runner passed out, as plain JavaScript; the proxy is freed, since Python keeps no use for it. */
function fromPython(payload: unknown): unknown {
  const proxy = payload as PyProxy;
  const value: unknown = proxy.toJs({ dict_converter: Object.fromEntries });
  proxy.destroy();
  return value;
}

/**
 * Wraps a loaded Pyodide as a notebook kernel: one namespace, stdout and stderr streamed,
 * results and errors in Jupyter's shape. The worker and the content tests (in Node) share it,
 * so what the tests check is what the page runs.
 */
export function createPythonSession(
  pyodide: PyodideAPI,
  emit: (runId: number, output: Output) => void,
  now: () => number = () => performance.now(),
  onTrace: (runId: number, steps: TraceStep[]) => void = () => undefined,
): PythonSession {
  // Output that arrives after a run ended (a task still printing) belongs to the last run.
  let currentRunId = 0;
  const batcher = createStreamBatcher({
    send: (name, text) => emit(currentRunId, { output_type: 'stream', name, text }),
    now,
  });
  const writer = (name: StreamName) => {
    const decoder = new TextDecoder();
    return {
      isatty: false,
      write(buffer: Uint8Array): number {
        batcher.write(name, decoder.decode(buffer, { stream: true }));
        return buffer.length;
      },
    };
  };
  pyodide.setStdout(writer('stdout'));
  pyodide.setStderr(writer('stderr'));

  const scope = pyodide.globals.get('dict')() as PyProxy;
  scope.set('__file__', RUNNER_FILENAME);
  pyodide.runPython(runnerSource, { globals: scope, filename: RUNNER_FILENAME });
  installLoopTrace(pyodide);
  const runner = (scope.get('Runner') as PyProxy & (() => PyProxy))();

  return {
    async run({ runId, code, filename, executionCount, trace = false }) {
      currentRunId = runId;
      const report = (kind: string, payload: unknown) => {
        if (kind === 'execute_result' && typeof payload === 'string') {
          batcher.flush();
          emit(runId, { output_type: 'execute_result', execution_count: executionCount, data: { 'text/plain': payload } });
        } else if (kind === 'display_data') {
          batcher.flush();
          const output = { output_type: 'display_data', data: fromPython(payload) };
          if (isOutput(output)) emit(runId, output);
        } else if (kind === 'trace') {
          batcher.flush(); // the steps' printed lines reach the page before the steps
          const steps = fromPython(payload);
          if (Array.isArray(steps)) onTrace(runId, steps.filter(isTraceStep));
        } else if (kind === 'error') {
          batcher.flush();
          const value = fromPython(payload);
          if (isErrorPayload(value)) emit(runId, { output_type: 'error', ...value });
        }
      };
      try {
        const status = (await (runner['run'] as (...args: unknown[]) => Promise<string>)(code, filename, report, trace)) as string;
        return status === 'ok' ? 'ok' : 'error';
      } finally {
        batcher.flush();
      }
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
