import { createTypeScriptSession } from './typescript/typescript-session.ts';
import { onRequest, post } from './worker-port.ts';

// A worker of its own, so `while (true) {}` in a cell never freezes the page: Stop ends the worker.
const session = createTypeScriptSession((runId, output) => post({ type: 'output', runId, output }));
post({ type: 'ready', version: 'TypeScript (types stripped by sucrase)' });

let chain: Promise<unknown> = Promise.resolve();

onRequest((request) => {
  if (request.type === 'run') {
    chain = chain
      .then(() => session.run(request))
      .then((status) => post({ type: 'done', runId: request.runId, status }))
      // Cell errors are outputs; only a broken kernel gets here, and the page must hear of it.
      .catch((error: unknown) => post({ type: 'fatal', message: `The TypeScript kernel failed: ${String(error)}` }));
  } else if (request.type === 'reset') {
    session.reset();
  }
  // `init` and `interrupt` need shared memory and a runtime that checks it; Stop restarts this worker.
});
