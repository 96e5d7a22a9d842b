import { createPendingWatch } from '../worker/pending-watch.ts';
import type { Output, TraceStep } from '../protocol.ts';
import type { KernelSession, SessionSink } from '../worker/session.ts';
import { createStreamBatcher, type StreamName } from '../worker/stream-batcher.ts';
import { formatLogArguments, formatValue } from './format-value.ts';
import { startLoopTrace, type LoopTrace } from './loop-trace.ts';
import { CellSyntaxError, prepareCell, YIELD_AT } from './prepare-cell.ts';
import { installRunScheduler } from './run-scheduler.ts';

export interface TypeScriptSession extends KernelSession {
  /** A rejection nobody handled (or an error nobody caught), reported to the run being served. */
  reportUncaught(error: unknown, heading?: string): void;
  /** Puts console and the timer functions back (tests). */
  dispose(): void;
}

/** V8 cuts a sourceURL at whitespace, so `Cell 3` is evaluated as `cell-3` and named back in stacks. */
const sourceName = (filename: string) => filename.trim().replace(/\s+/g, '-').toLowerCase();
const FRAME = /\(cell-(\d+):(\d+):\d+\)$|at cell-(\d+):(\d+):\d+$/;

/**
 * The stack as a reader wants it: the error, then only the frames in cells, with the cell's own
 * line numbers (the kernel's wrapper adds none), e.g. `at Ping.run (Cell 3, line 5)`.
 */
export function cellTraceback(
  error: unknown,
  running?: { filename: string; lines: number },
): { ename: string; evalue: string; traceback: string[] } {
  if (error instanceof CellSyntaxError) {
    return {
      ename: 'SyntaxError',
      evalue: error.message,
      traceback: [`SyntaxError: ${error.message}\n`, `    at line ${error.line}, column ${error.column + 1}\n`],
    };
  }
  const ename = error instanceof Error ? error.name : 'Error';
  const evalue = error instanceof Error ? error.message : formatValue(error);
  const frames = (error instanceof Error ? (error.stack ?? '') : '')
    .split('\n')
    .slice(1)
    .map((line) => line.trim())
    .flatMap((line) => {
      const match = FRAME.exec(line);
      if (!match) return [];
      const cell = match[1] ?? match[3];
      const lineNumber = match[2] ?? match[4];
      // The line after the running cell's last one is the kernel's own call into it.
      if (running && `Cell ${cell}` === running.filename && Number(lineNumber) > running.lines) return [];
      const where = line.replace(FRAME, '').replace(/^at\s*/, '').replace(/^(eval|async)\s*$/, '').trim();
      const location = `Cell ${cell}, line ${lineNumber}`;
      return [`    at ${where ? `${where} (${location})` : location}\n`];
    });
  return { ename, evalue, traceback: [`${ename}: ${evalue}\n`, ...frames] };
}

/**
 * TypeScript cells on the JavaScript engine they run in: types stripped, top-level declarations
 * shared through the global object, console streamed to the run that logged, the last expression
 * shown as the cell's value. Timers a cell starts keep printing into that cell after its last line.
 * The worker and the content tests (in Node) share it, as they share the Python session.
 */
export function createTypeScriptSession(
  sink: SessionSink | ((runId: number, output: Output) => void),
  now: () => number = () => performance.now(),
): TypeScriptSession {
  const { output: emit, pending: onPending, trace: onTrace } = typeof sink === 'function' ? { output: sink } : sink;
  /** The loop view's trace of the run being served, if it asked for one. */
  let tracing: LoopTrace | undefined;
  /** The run whose trace goes on after its last line, while the work it left runs (see endTrailing). */
  let trailing: number | undefined;
  /** Ends a trace kept after its run's last line: the work is done or cancelled, or another cell runs (the wrappers would take its turns). */
  const endTrailing = (runId?: number) => {
    if (trailing === undefined || (runId !== undefined && runId !== trailing)) return;
    trailing = undefined;
    tracing?.stop();
    tracing = undefined;
  };
  const declared = new Set<string>();
  /** Globals a cell replaced (a cell may declare `const URL`): reset() puts them back. */
  const replaced = new Map<string, unknown>();
  const scope = globalThis as Record<string, unknown>;
  // Hidden from a reader's Object.keys(globalThis); each yield of a cell writes where it stands.
  Object.defineProperty(scope, YIELD_AT, { value: '', writable: true, enumerable: false, configurable: true });
  const batcher = createStreamBatcher({
    send: (runId, name, text) => emit(runId, { output_type: 'stream', name, text }),
    now,
  });
  const reportError = (runId: number, error: unknown, heading?: string) => {
    batcher.flush();
    const report = cellTraceback(error);
    emit(runId, { output_type: 'error', ...report, traceback: heading ? [`${heading}\n`, ...report.traceback] : report.traceback });
    watch.check();
  };
  const realSetTimeout = globalThis.setTimeout.bind(globalThis);
  const scheduler = installRunScheduler((runId, error) => reportError(runId, error, 'Uncaught error in a callback'));
  const watch = createPendingWatch({
    poll: () => {
      batcher.flush();
      return scheduler.pending();
    },
    onChange: (runId, work) => {
      if (work.tasks + work.timers === 0) endTrailing(runId);
      onPending?.(runId, work);
    },
  });
  const original = { log: console.log, info: console.info, warn: console.warn, error: console.error };
  // A merged tail of a burst of logs leaves a frame later, even if nothing else is logged.
  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  const flushSoon = () => {
    flushTimer ??= realSetTimeout(() => {
      flushTimer = undefined;
      batcher.flush();
    }, 16);
  };
  const writer = (name: StreamName) => (...args: unknown[]) => {
    const text = `${formatLogArguments(args)}\n`;
    tracing?.printed(text);
    batcher.write(scheduler.current, name, text);
    flushSoon();
  };
  console.log = writer('stdout');
  console.info = writer('stdout');
  console.warn = writer('stderr');
  console.error = writer('stderr');
  // Called through a variable, eval is indirect: cells run in the global scope, not in this function.
  const evaluate = globalThis.eval as (code: string) => Promise<unknown>;

  return {
    async run({ runId, code, filename, executionCount, trace = false }) {
      endTrailing();
      scheduler.enter(runId);
      try {
        const prepared = prepareCell(code, { filename });
        for (const name of prepared.names) {
          if (!declared.has(name) && name in scope) replaced.set(name, scope[name]);
          declared.add(name);
        }
        if (trace) {
          // The steps' printed lines reach the page before the steps, as in the Python session.
          const sink = (steps: TraceStep[]) => {
            batcher.flush();
            onTrace?.(runId, steps);
          };
          tracing = startLoopTrace({ scope, names: declared, filename, sink });
        }
        const value = await evaluate(`${prepared.code}\n//# sourceURL=${sourceName(filename)}`);
        batcher.flush();
        if (value !== undefined) {
          emit(runId, { output_type: 'execute_result', execution_count: executionCount, data: { 'text/plain': formatValue(value) } });
        }
        return 'ok';
      } catch (error) {
        batcher.flush();
        emit(runId, { output_type: 'error', ...cellTraceback(error, { filename, lines: code.split('\n').length }) });
        return 'error';
      } finally {
        const left = scheduler.pending().get(runId);
        if (tracing && left !== undefined && left.tasks + left.timers > 0) {
          tracing.cellEnded();
          trailing = runId;
        } else {
          tracing?.stop();
          tracing = undefined;
        }
        watch.check();
      }
    },
    settle: (runId, timeoutMs) => watch.settle(runId, timeoutMs),
    cancelRun(runId) {
      scheduler.cancel(runId);
      endTrailing(runId);
      watch.check();
    },
    reportUncaught(error, heading = 'Uncaught (in promise)') {
      reportError(scheduler.current, error, heading);
    },
    reset() {
      endTrailing();
      for (const name of declared) {
        if (replaced.has(name)) scope[name] = replaced.get(name);
        else delete scope[name];
      }
      declared.clear();
      replaced.clear();
    },
    dispose() {
      scheduler.uninstall();
      Object.assign(console, original);
    },
  };
}
