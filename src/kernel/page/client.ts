import { assertNever } from '../../lib/assert-never.ts';
import { createDeferred, type Deferred } from '../../lib/deferred.ts';
import type { Kernel, KernelStatus, RestartEvent, RunSink } from './kernel.ts';
import { isKernelEvent, type KernelEvent, type KernelRequest, type RunStatus } from '../protocol.ts';

/**
 * A run the page still routes messages for: while its code runs, and afterwards for the output of
 * the work it scheduled, until its cell lets it go (re-run, Reset) or the kernel restarts.
 */
interface RunRecord {
  sink: RunSink;
  done: Deferred<RunStatus>;
  finished: boolean;
  /** Let go by its cell: nothing more is routed to it, but its `done` still ends its turn. */
  released: boolean;
}

// Taken once, at load, so nothing a page script does to postMessage later can cut the kernel off.
const postToWorker: Worker['postMessage'] =
  typeof Worker === 'undefined' ? () => undefined : Worker.prototype.postMessage;

/** What Python does on Ctrl+C: the interrupt buffer takes a signal number. */
const SIGINT = 2;
/** A cell stuck where Python never checks for Ctrl+C is stopped the hard way after this long. */
const INTERRUPT_GRACE_MS = 2000;
const NO_WORK = { tasks: 0, timers: 0 };

export interface WorkerKernelOptions {
  /** Shown to the reader, e.g. "Python". */
  label: string;
  createWorker(): Worker;
  /** Whether the runtime checks a shared interrupt buffer (Pyodide does); otherwise Stop restarts it. */
  interruptible: boolean;
}

function failRun(sink: RunSink, message: string): RunStatus {
  sink.output({ output_type: 'error', ename: 'KernelError', evalue: message, traceback: [`KernelError: ${message}\n`] });
  return 'error';
}

/** The page's side of a kernel in a Web Worker: starts it, routes each run's messages, stops and restarts it. */
export function createWorkerKernel({ label, createWorker, interruptible }: WorkerKernelOptions): Kernel {
  let worker: Worker | undefined;
  let nextRunId = 1;
  const runs = new Map<number, RunRecord>();
  const listeners = new Set<(status: KernelStatus) => void>();
  const restartListeners = new Set<(event: RestartEvent) => void>();
  let status: KernelStatus = { state: 'not-started', detail: '', step: 0, steps: 0 };
  // Shared memory needs cross-origin isolation; without it Stop falls back to a restart.
  const interruptBuffer =
    interruptible && typeof SharedArrayBuffer !== 'undefined' && globalThis.crossOriginIsolated
      ? new Uint8Array(new SharedArrayBuffer(1))
      : undefined;

  const running = () => [...runs.values()].some((record) => !record.finished);
  const routed = (runId: number) => {
    const record = runs.get(runId);
    return record && !record.released ? record : undefined;
  };

  function setStatus(next: Partial<KernelStatus>): void {
    status = { ...status, ...next };
    for (const listener of listeners) listener(status);
  }

  /** Every run of the worker that is gone ends: running code with an error, pending work with nothing left. */
  function dropAll(message: string): void {
    for (const [runId, record] of runs) {
      runs.delete(runId);
      if (!record.released) record.sink.pending?.(NO_WORK);
      if (!record.finished) {
        record.finished = true;
        record.done.resolve(record.released ? 'error' : failRun(record.sink, message));
      }
    }
  }

  function receive(source: Worker, event: KernelEvent): void {
    // A worker that was replaced may still have messages in flight; they belong to nobody now.
    if (source !== worker) return;
    switch (event.type) {
      case 'progress':
        setStatus({ state: 'starting', detail: event.stage, step: event.step, steps: event.steps });
        return;
      case 'ready':
        setStatus({ state: running() ? 'busy' : 'idle', detail: event.version, step: 0, steps: 0 });
        return;
      case 'output':
        routed(event.runId)?.sink.output(event.output);
        return;
      case 'pending':
        routed(event.runId)?.sink.pending?.({ tasks: event.tasks, timers: event.timers });
        return;
      case 'trace':
        routed(event.runId)?.sink.trace?.(event.steps);
        return;
      case 'done': {
        const record = runs.get(event.runId);
        if (!record || record.finished) return;
        record.finished = true;
        if (record.released) runs.delete(event.runId);
        record.done.resolve(event.status);
        if (!running() && status.state === 'busy') setStatus({ state: 'idle' });
        return;
      }
      case 'fatal':
        setStatus({ state: 'dead', detail: event.message, step: 0, steps: 0 });
        dropAll(event.message);
        return;
      default:
        assertNever(event, 'kernel event');
    }
  }

  const send = (target: Worker, request: KernelRequest) => postToWorker.call(target, request);

  function start(): Worker {
    if (worker) return worker;
    setStatus({ state: 'starting', detail: `Starting the ${label} worker`, step: 0, steps: 1 });
    const created = createWorker();
    worker = created;
    created.addEventListener('message', (message: MessageEvent<unknown>) => {
      if (isKernelEvent(message.data)) receive(created, message.data);
      else console.warn('Ignored a malformed message from the kernel', message.data);
    });
    created.addEventListener('error', (error) => {
      if (created !== worker) return;
      // A worker that never loaded is most often the network: say so, and forget the worker so
      // that the next run (or the status's Retry button) starts a fresh one.
      const where = globalThis.navigator?.onLine === false ? ' This browser is offline.' : '';
      const message = error.message || `The ${label} worker could not be loaded.${where} Check the network connection, then retry.`;
      created.terminate();
      worker = undefined;
      setStatus({ state: 'dead', detail: message, step: 0, steps: 0 });
      dropAll(message);
    });
    if (interruptBuffer) send(created, { type: 'init', interruptBuffer: interruptBuffer.buffer as SharedArrayBuffer });
    return created;
  }

  function restart(reason = `${label} was restarted; its variables are gone.`, fromStop = false): void {
    worker?.terminate();
    worker = undefined;
    dropAll(reason);
    start();
    for (const listener of restartListeners) listener({ reason, fromStop });
  }

  return {
    label,
    get status() {
      return status;
    },
    get running() {
      return running();
    },
    canInterrupt: interruptBuffer !== undefined,
    start() {
      start();
    },
    run(request, sink) {
      const target = start();
      const done = createDeferred<RunStatus>();
      if (status.state === 'dead') {
        done.resolve(failRun(sink, status.detail));
        return { done: done.promise, cancel: () => undefined };
      }
      const runId = nextRunId++;
      runs.set(runId, { sink, done, finished: false, released: false });
      // A Stop that came after the last cell ended must not hit this one.
      if (interruptBuffer) interruptBuffer[0] = 0;
      if (status.state === 'idle') setStatus({ state: 'busy' });
      send(target, { type: 'run', runId, ...request });
      return {
        done: done.promise,
        cancel() {
          const record = routed(runId);
          if (!record) return;
          record.released = true;
          // A finished run is forgotten now; a running one when its `done` arrives.
          if (record.finished) runs.delete(runId);
          if (worker === target) send(target, { type: 'cancel', runId });
          record.sink.pending?.(NO_WORK);
        },
      };
    },
    interrupt() {
      if (interruptBuffer && worker && status.state !== 'starting') {
        interruptBuffer[0] = SIGINT;
        send(worker, { type: 'interrupt' });
        const stuck = [...runs].filter(([, record]) => !record.finished).map(([runId]) => runId);
        setTimeout(() => {
          if (stuck.some((runId) => runs.get(runId)?.finished === false)) {
            restart(`The cell did not stop when interrupted, so ${label} was restarted; its variables are gone.`, true);
          }
        }, INTERRUPT_GRACE_MS);
        return 'interrupted';
      }
      restart(`The cell was stopped by restarting ${label}; its variables are gone.`, true);
      return 'restarted';
    },
    restart: (reason) => restart(reason),
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onRestart(listener) {
      restartListeners.add(listener);
      return () => restartListeners.delete(listener);
    },
  };
}

/** The one place each kernel's worker is created. */
export const createPythonKernel = (): Kernel =>
  createWorkerKernel({
    label: 'Python',
    interruptible: true,
    createWorker: () => new Worker(new URL('../worker/python.worker.ts', import.meta.url), { type: 'module', name: 'python-kernel' }),
  });

export const createTypeScriptKernel = (): Kernel =>
  createWorkerKernel({
    label: 'TypeScript',
    interruptible: false,
    createWorker: () =>
      new Worker(new URL('../worker/typescript.worker.ts', import.meta.url), { type: 'module', name: 'typescript-kernel' }),
  });
