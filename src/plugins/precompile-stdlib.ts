import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadPyodide } from 'pyodide';

/**
 * Builds (or takes from the cache) the standard library compiled to bytecode for this exact
 * Pyodide, so the browser imports asyncio and friends without compiling them on every cold start.
 */
export async function precompiledStdlib(packageDir: string, version: string, cacheDir: string): Promise<string> {
  const cached = join(cacheDir, `python_stdlib-${version}.pyc.zip`);
  try {
    if ((await stat(cached)).size > 0) return cached;
  } catch {
    // Not built yet.
  }
  const pyodide = await loadPyodide({ indexURL: `${packageDir}/` });
  pyodide.FS.writeFile('/tmp/python_stdlib.zip', await readFile(join(packageDir, 'python_stdlib.zip')));
  const script = await readFile(new URL('./precompile-stdlib.py', import.meta.url), 'utf8');
  pyodide.runPython(script);
  pyodide.runPython('precompile()');
  await mkdir(cacheDir, { recursive: true });
  await writeFile(cached, pyodide.FS.readFile('/tmp/python_stdlib.pyc.zip'));
  return cached;
}
