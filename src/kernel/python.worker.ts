import { loadPyodide, version } from 'pyodide';
import { withBase } from '../lib/base-url.ts';
import { PRECOMPILED_STDLIB } from './pyodide-paths.ts';
import { createPythonSession, type PythonSession } from './python-session.ts';
import { post, postingSink, serve } from './worker-port.ts';

const STEPS = 3;

async function start(): Promise<PythonSession> {
  post({ type: 'progress', stage: 'Downloading and compiling Python (about 4 MB)', step: 2, steps: STEPS });
  // The site serves its own copy of Pyodide under a versioned path, so nothing comes from a CDN.
  const indexURL = new URL(withBase(`pyodide/${version}/`), self.location.origin).href;
  // The standard library precompiled to bytecode for this Pyodide (src/plugins/precompile-stdlib.ts):
  // nothing to compile on a cold start.
  const pyodide = await loadPyodide({ indexURL, stdLibURL: `${indexURL}${PRECOMPILED_STDLIB}` });
  post({ type: 'progress', stage: 'Preparing the notebook kernel', step: 3, steps: STEPS });
  const session = createPythonSession(pyodide, postingSink);
  post({ type: 'ready', version: `Python ${pyodide.version}` });
  return session;
}

serve(start(), 'Python');
