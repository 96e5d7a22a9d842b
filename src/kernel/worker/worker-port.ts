/// <reference lib="webworker" />
import type { KernelSession } from './session.ts';
import { isKernelRequest, type KernelEvent, type KernelRequest, type OutputMessage, type PendingWork, type TraceStep } from '../protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

// Taken before any cell runs: a TypeScript cell may declare its own `postMessage` or replace
// console (the kernel streams console into the cell's output), and the kernel must still speak.
const postMessage = self.postMessage.bind(self);
const listen = self.addEventListener.bind(self);
const warn = console.warn.bind(console);

/** What a worker's session may add to the common one: Python can interrupt in place. */
export interface ServedSession extends KernelSession {
  cancel?(): boolean;
  setInterruptBuffer?(buffer: Uint8Array): void;
}

/** The worker's side of the protocol: what every kernel worker sends. */
export function post(event: KernelEvent): void {
  postMessage(event);
}

/** The session's sink as messages to the page. */
export const postingSink = {
  output: (runId: number, output: OutputMessage) => post({ type: 'output', runId, output }),
  pending: (runId: number, work: PendingWork) => post({ type: 'pending', runId, ...work }),
  trace: (runId: number, steps: TraceStep[]) => post({ type: 'trace', runId, steps }),
};

/**
 * The serve loop both workers share: cells run one after another (later requests wait their
 * turn, even while a cell awaits), while interrupt, cancel and init act at once. A broken runtime
 * is reported as `fatal` and the loop survives it; a malformed message is logged and ignored.
 */
export function serve(session: Promise<ServedSession>, language: string): void {
  session.catch((error: unknown) => post({ type: 'fatal', message: `${language} could not start: ${String(error)}` }));
  let chain: Promise<unknown> = session;

  function now(request: Exclude<KernelRequest, { type: 'run' | 'reset' }>, ready: ServedSession): void {
    switch (request.type) {
      case 'init':
        ready.setInterruptBuffer?.(new Uint8Array(request.interruptBuffer));
        return;
      case 'interrupt':
        ready.cancel?.();
        return;
      case 'cancel':
        ready.cancelRun(request.runId);
        return;
    }
  }

  async function inTurn(request: Extract<KernelRequest, { type: 'run' | 'reset' }>, ready: ServedSession): Promise<void> {
    if (request.type === 'reset') {
      ready.reset();
      return;
    }
    const status = await ready.run(request).catch((error: unknown) => {
      // Only a broken runtime gets here (the reader's errors are outputs): this kernel cannot go on.
      post({ type: 'fatal', message: `${language} stopped working (${String(error).split('\n')[0]}). Restart the kernel to go on.` });
      return 'error' as const;
    });
    post({ type: 'done', runId: request.runId, status });
  }

  listen('message', (event: MessageEvent<unknown>) => {
    const request = event.data;
    if (!isKernelRequest(request)) {
      warn('Kernel worker ignored a malformed message', request);
      return;
    }
    if (request.type === 'run' || request.type === 'reset') {
      chain = chain.then(() => session).then((ready) => inTurn(request, ready)).catch(() => undefined);
    } else {
      void session.then((ready) => now(request, ready), () => undefined);
    }
  });
}
