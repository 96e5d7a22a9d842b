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

type Request<T extends KernelRequest['type']> = Extract<KernelRequest, { type: T }>;

/**
 * How the worker answers each request, keyed by its type: the schema's requests and this object
 * must match, so a request without a handler does not compile. `inTurn` requests wait for the
 * cells before them (later ones wait too, even while a cell awaits); the others act at once.
 */
type Handlers = { [T in KernelRequest['type']]: { inTurn: boolean; handle(request: Request<T>, session: ServedSession): Promise<void> | void } };

function handlers(language: string): Handlers {
  return {
    init: { inTurn: false, handle: (request, session) => session.setInterruptBuffer?.(new Uint8Array(request.interruptBuffer)) },
    interrupt: { inTurn: false, handle: (_request, session) => void session.cancel?.() },
    cancel: { inTurn: false, handle: (request, session) => session.cancelRun(request.runId) },
    reset: { inTurn: true, handle: (_request, session) => session.reset() },
    run: {
      inTurn: true,
      async handle(request, session) {
        const status = await session.run(request).catch((error: unknown) => {
          // Only a broken runtime gets here (the reader's errors are outputs): this kernel cannot go on.
          post({ type: 'fatal', message: `${language} stopped working (${String(error).split('\n')[0]}). Restart the kernel to go on.` });
          return 'error' as const;
        });
        post({ type: 'done', runId: request.runId, status });
      },
    },
  };
}

/**
 * The serve loop both workers share: cells run one after another, while interrupt, cancel and init
 * act at once. A broken runtime is reported as `fatal` and the loop survives it; a malformed
 * message is logged and ignored.
 */
export function serve(session: Promise<ServedSession>, language: string): void {
  session.catch((error: unknown) => post({ type: 'fatal', message: `${language} could not start: ${String(error)}` }));
  let chain: Promise<unknown> = session;
  const table = handlers(language);

  listen('message', (event: MessageEvent<unknown>) => {
    const request = event.data;
    if (!isKernelRequest(request)) {
      warn('Kernel worker ignored a malformed message', request);
      return;
    }
    const handler = table[request.type] as Handlers[KernelRequest['type']] & { handle(request: KernelRequest, session: ServedSession): Promise<void> | void };
    if (handler.inTurn) {
      chain = chain.then(() => session).then((ready) => handler.handle(request, ready)).catch(() => undefined);
    } else {
      void session.then((ready) => handler.handle(request, ready), () => undefined);
    }
  });
}
