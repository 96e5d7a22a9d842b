import { loadPyodide } from './pyodide/pyodide.mjs';

const indexURL = new URL('./pyodide', import.meta.url).href;
const pyodide = await loadPyodide({ indexURL });
pyodide.setStdout({ batched: (text) => self.postMessage(`${text}\n`) });
pyodide.runPython('print(1)');
