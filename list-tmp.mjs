import { loadPyodide } from 'pyodide';
const py = await loadPyodide({ indexURL: process.cwd() + '/node_modules/pyodide/' });
py.setStderr({ batched: () => {} });
console.log(py.runPython(`
import sys, importlib, json, zipfile
names = set(sys.stdlib_module_names)
# Submodules too: every module file in the zip.
for n in zipfile.ZipFile('/lib/python314.zip').namelist():
    if n.endswith('.py'):
        p = n[:-3].split('/')
        if p[-1] == '__init__': p = p[:-1]
        names.add('.'.join(p))
ok, bad = [], {}
for name in sorted(names):
    if name.startswith(('__phello__', 'test', 'idlelib', 'tkinter', 'turtle')): pass
    try:
        importlib.import_module(name); ok.append(name)
    except BaseException as e:
        bad[name] = type(e).__name__ + ': ' + str(e)[:80]
json.dumps({'ok': ok, 'bad': bad})
`));
