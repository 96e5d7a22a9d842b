import { loadPyodide } from 'pyodide';
import { readFileSync } from 'node:fs';
const py = await loadPyodide({ indexURL: process.cwd() + '/node_modules/pyodide/' });
py.FS.writeFile('/tmp/s.zip', readFileSync('node_modules/pyodide/python_stdlib.zip'));
py.FS.writeFile('/tmp/split.json', readFileSync(process.argv[2]));
console.log(py.runPython(`
import zipfile, json, marshal, zlib
core=set(json.load(open('/tmp/split.json'))['core'])
z=zipfile.ZipFile('/tmp/s.zip')
out={0:b'',1:b'',2:b''}
src=b''
for i in z.infolist():
    if not i.filename.endswith('.py'): continue
    parts=i.filename[:-3].split('/')
    name='.'.join(parts[:-1]) if parts[-1]=='__init__' else '.'.join(parts)
    if name not in core: continue
    d=z.read(i); src+=d
    for o in (0,1,2):
        out[o]+=marshal.dumps(compile(d,i.filename,'exec',optimize=o,dont_inherit=True))
r={k:(len(v),len(zlib.compress(v,9))) for k,v in out.items()}
r['src']=(len(src),len(zlib.compress(src,9)))
str(r)
`));
