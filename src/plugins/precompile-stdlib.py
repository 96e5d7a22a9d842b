"""Rewrites Pyodide's standard library zip with each module compiled to bytecode.

Runs inside Pyodide (the same CPython that will import the modules, so the bytecode matches) at
build time. Unchecked-hash .pyc files are imported without reading or checking any source, which
is what makes a cold start faster; the sources are left out to keep the download small.
"""

import importlib.util
import zipfile
from importlib._bootstrap_external import _code_to_hash_pyc

SOURCE = "/tmp/python_stdlib.zip"
TARGET = "/tmp/python_stdlib.pyc.zip"
# The zip's path in Pyodide's file system: module paths in tracebacks keep their usual form.
MOUNT = "/lib/python314.zip"


def precompile():
    compiled = kept = 0
    with zipfile.ZipFile(SOURCE) as source, zipfile.ZipFile(TARGET, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.endswith(".py"):
                try:
                    code = compile(data, f"{MOUNT}/{info.filename}", "exec", dont_inherit=True)
                except SyntaxError:
                    # A few files are test data, not modules; they stay as they are.
                    target.writestr(info, data)
                    kept += 1
                    continue
                pyc = _code_to_hash_pyc(code, importlib.util.source_hash(data), checked=False)
                target.writestr(info.filename + "c", bytes(pyc))
                compiled += 1
            else:
                target.writestr(info, data)
    return f"{compiled} modules compiled, {kept} files kept as source"
