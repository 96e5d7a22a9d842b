import { loadPythonRuntime } from '../python/runtime.ts';
import { createPythonSession, type PythonSession } from '../python/session.ts';
import { post, postingSink, serve } from './worker-port.ts';

async function start(): Promise<PythonSession> {
  // Progress counts bytes: step is what has arrived, steps what the first load moves in all.
  const pyodide = await loadPythonRuntime(({ stage, loaded, total }) => post({ type: 'progress', stage, step: loaded, steps: total }));
  post({ type: 'progress', stage: 'Preparing the notebook kernel', step: 1, steps: 1 });
  const session = createPythonSession(pyodide, postingSink);
  post({ type: 'ready', version: `Python ${pyodide.version}` });
  return session;
}

serve(start(), 'Python');
