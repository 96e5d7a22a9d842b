import { createDeferred, type Deferred } from '../lib/deferred.ts';
import type { Kernel, KernelRun, KernelStatus } from './kernel.ts';
import { isKernelEvent, type KernelEvent, type KernelRequest, type RunStatus } from './protocol.ts';

interface PendingRun {
  run: KernelRun;
  done: Deferred<RunStatus>;
}

/** What Python does on Ctrl+C: the interrupt buffer takes a signal number. */
const SIGINT = 2;
/** A cell stuck where Python never checks for Ctrl+C is stopped the hard way after this long. */
const INTERRUPT_GRACE_MS = 2000;

export interface WorkerKernelOptions {
  /** Shown to the reader, e.g. "Python". */
  language: string;
  createWorker(): Worker;
  /** Whether the runtime checks a shared interrupt buffer (Pyodide does); otherwise Stop restarts it. */
  interruptible: boolean;
}

function failRun(run: KernelRun, message: string): RunStatus {
  run.onOutput({ output_type: 'error', ename: 'KernelError', evalue: message, traceback: [`KernelError: ${message}\n`] });
  return 'error';
}

/** The page's side of a kernel in a Web Worker: starts it, correlates runs, stops and restarts it. */
export function createWorkerKernel({ language, createWorker, interruptible }: WorkerKernelOptions): Kernel {
  let worker: Worker | undefined;
  let nextRunId = 1;
  const pending = new Map<number, PendingRun>();
  const listeners = new Set<(status: KernelStatus) => void>();
  let status: KernelStatus = { state: 'not-started', detail: '', step: 0, steps: 0 };
  // Shared memory needs cross-origin isolation; without it Stop falls back to a restart.
  const interruptBuffer =
    interruptible && typeof SharedArrayBuffer !== 'undefined' && globalThis.crossOriginIsolated
      ? new Uint8Array(new SharedArrayBuffer(1))
      : undefined;

  function setStatus(next: Partial<KernelStatus>): void {
    status = { ...status, ...next };
    for (const listener of listeners) listener(status);
  }

  function failAll(message: string): void {
    for (const [runId, { run, done }] of pending) {
      pending.delete(runId);
      done.resolve(failRun(run, message));
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
        setStatus({ state: pending.size > 0 ? 'busy' : 'idle', detail: event.version, step: 0, steps: 0 });
        return;
      case 'output':
        pending.get(event.runId)?.run.onOutput(event.output);
        return;
      case 'done': {
        const entry = pending.get(event.runId);
        if (!entry) return;
        pending.delete(event.runId);
        entry.done.resolve(event.status);
        if (pending.size === 0 && status.state === 'busy') setStatus({ state: 'idle' });
        return;
      }
      case 'fatal':
        setStatus({ state: 'dead', detail: event.message, step: 0, steps: 0 });
        failAll(event.message);
        return;
    }
  }

  function send(target: Worker, request: KernelRequest): void {
    target.postMessage(request);
  }

  function start(): Worker {
    if (worker) return worker;
    setStatus({ state: 'starting', detail: `Starting the ${language} worker`, step: 1, steps: 3 });
    const created = createWorker();
    worker = created;
    created.addEventListener('message', (message: MessageEvent<unknown>) => {
      if (isKernelEvent(message.data)) receive(created, message.data);
      else console.warn('Ignored a malformed message from the kernel', message.data);
    });
    created.addEventListener('error', (error) => {
      if (created !== worker) return;
      // issue 9: a worker that never loaded is most often the network; say so, and forget the worker so
      // that the next run (or the status's Retry button) starts a fresh one.
      const where = navigator.onLine ? '' : ' This browser is offline.';
      const message = error.message || `The ${language} worker could not be loaded.${where} Check the network connection, then retry.`;
      created.terminate();
      worker = undefined;
      setStatus({ state: 'dead', detail: message, step: 0, steps: 0 });
      failAll(message);
    });
    if (interruptBuffer) send(created, { type: 'init', interruptBuffer: interruptBuffer.buffer as SharedArrayBuffer });
    return created;
  }

  function restart(reason = `${language} was restarted; its variables are gone.`): void {
    worker?.terminate();
    worker = undefined;
    failAll(reason);
    start();
  }

  return {
    language,
    get status() {
      return status;
    },
    canInterrupt: interruptBuffer !== undefined,
    start() {
      start();
    },
    run(run) {
      const target = start();
      if (status.state === 'dead') return Promise.resolve(failRun(run, status.detail));
      const runId = nextRunId++;
      const done = createDeferred<RunStatus>();
      pending.set(runId, { run, done });
      // A Stop that came after the last cell ended must not hit this one.
      if (interruptBuffer) interruptBuffer[0] = 0;
      if (status.state === 'idle') setStatus({ state: 'busy' });
      send(target, { type: 'run', runId, code: run.code, filename: run.filename, executionCount: run.executionCount });
      return done.promise;
    },
    interrupt() {
      if (interruptBuffer && worker && status.state !== 'starting') {
        interruptBuffer[0] = SIGINT;
        send(worker, { type: 'interrupt' });
        const running = [...pending.keys()];
        setTimeout(() => {
          if (running.some((runId) => pending.has(runId))) {
            restart(`The cell did not stop when interrupted, so ${language} was restarted; its variables are gone.`);
          }
        }, INTERRUPT_GRACE_MS);
        return 'interrupted';
      }
      restart('The cell was stopped by restarting the kernel; its variables are gone.');
      return 'restarted';
    },
    restart,
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The one place each kernel's worker is created. */
export const createPythonKernel = (): Kernel =>
  createWorkerKernel({
    language: 'Python',
    interruptible: true,
    createWorker: () => new Worker(new URL('./python.worker.ts', import.meta.url), { type: 'module', name: 'python-kernel' }),
  });

export const createTypeScriptKernel = (): Kernel =>
  createWorkerKernel({
    language: 'TypeScript',
    interruptible: false,
    createWorker: () =>
      new Worker(new URL('./typescript.worker.ts', import.meta.url), { type: 'module', name: 'typescript-kernel' }),
  });
