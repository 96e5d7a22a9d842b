import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { loadPyodide } from 'pyodide';

/**
 * Every standard-library module that Pyodide, with the npm package's own (whole) standard library,
 * imports in Node: each name in `sys.stdlib_module_names` and every module file of the package's
 * zip, imported one after another in one interpreter. What fails here (no threads, subprocesses,
 * terminal or Tk; parts left out of Pyodide's build) is not Pyodide's to offer, so the tests of the
 * site's split library leave it out; everything else must import there too.
 */
export async function importableStdlibModules(): Promise<string[]> {
  const indexURL = `${dirname(createRequire(import.meta.url).resolve('pyodide/package.json'))}/`;
  const pyodide = await loadPyodide({ indexURL });
  // `this`, `__hello__` and friends print when imported.
  pyodide.setStdout({ batched: () => undefined });
  pyodide.setStderr({ batched: () => undefined });
  const found = pyodide.runPython(`
import importlib, json, sys, zipfile
names = set(sys.stdlib_module_names)
for member in zipfile.ZipFile('/lib/python314.zip').namelist():
    if member.endswith('.py'):
        parts = member[:-3].split('/')
        names.add('.'.join(parts[:-1] if parts[-1] == '__init__' else parts))
importable = []
for name in sorted(names):
    try:
        importlib.import_module(name)
        importable.append(name)
    except BaseException:
        pass
json.dumps(importable)
`) as string;
  return JSON.parse(found) as string[];
}
