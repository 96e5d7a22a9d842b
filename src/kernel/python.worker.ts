import type { KernelRequest } from './protocol.ts';
import { loadPythonRuntime } from './python-runtime.ts';
import { createPythonSession, type PythonSession } from './python-session.ts';
import { onRequest, post } from './worker-port.ts';

async function start(): Promise<PythonSession> {
  const pyodide = await loadPythonRuntime(({ stage, loaded, total }) =>
    post({ type: 'progress', stage, step: loaded, steps: total }),
  );
  post({ type: 'progress', stage: 'Preparing the notebook kernel', step: 1, steps: 1 });
  const session = createPythonSession(pyodide, (runId, output) => post({ type: 'output', runId, output }));
  post({ type: 'ready', version: `Python ${pyodide.version}` });
  return session;
}

const ready = start();
ready.catch((error: unknown) => post({ type: 'fatal', message: `Python could not start: ${String(error)}` }));

// One cell at a time, even when a cell awaits: later requests wait their turn here.
let chain: Promise<unknown> = ready;

async function handle(session: PythonSession, request: Exclude<KernelRequest, { type: 'init' | 'interrupt' }>): Promise<void> {
  switch (request.type) {
    case 'run': {
      const status = await session.run(request).catch((error: unknown) => {
        // Only a broken runtime gets here (Python's own errors are outputs): this kernel cannot go on.
        post({ type: 'fatal', message: `Python stopped working (${String(error).split('\n')[0]}). Restart the kernel to go on.` });
        return 'error' as const;
      });
      post({ type: 'done', runId: request.runId, status });
      return;
    }
    case 'reset':
      session.reset();
      return;
  }
}

onRequest((request) => {
  // These two cannot wait in line behind the cell they are meant to stop.
  if (request.type === 'init') {
    const buffer = new Uint8Array(request.interruptBuffer);
    void ready.then((session) => session.setInterruptBuffer(buffer), () => undefined);
    return;
  }
  if (request.type === 'interrupt') {
    void ready.then((session) => session.cancel(), () => undefined);
    return;
  }
  // A failed start was already reported as `fatal`; the chain must survive it and any one request.
  chain = chain
    .then(() => ready)
    .then((session) => handle(session, request))
    .catch(() => undefined);
});
