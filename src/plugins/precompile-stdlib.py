"""Splits Pyodide's standard library into a small first load and the rest, compiled to bytecode.

Runs inside Pyodide (the same CPython that will import the modules, so the bytecode matches) at
build time. Unchecked-hash .pyc files are imported without reading or checking any source, which
is what makes a cold start faster; the sources are left out to keep the download small.

`split(core)` writes:
- CORE: the modules named in `core` (what Pyodide's start and the chapters' cells import), every
  file that is not a module, and `_stdlib_index`, which tells the lazy importer where each other
  module lives;
- REST: every other module, one zip for a background download;
- REST_DIR: the same modules as single files, fetched one at a time when a cell first imports one.

Members are stored, not deflated: HTTP compression then sees the whole archive and does better
than deflate member by member.
"""

import importlib.util
import json
import os
import zipfile
from importlib._bootstrap_external import _code_to_hash_pyc

SOURCE = "/tmp/python_stdlib.zip"
CORE = "/tmp/python_stdlib.core.zip"
REST = "/tmp/python_stdlib.rest.zip"
REST_DIR = "/tmp/stdlib-rest"
INDEX = "_stdlib_index"
# The zip's path in Pyodide's file system: module paths in tracebacks keep their usual form.
MOUNT = "/lib/python314.zip"


def _module_name(filename):
    """`asyncio/__init__.py` -> ("asyncio", True); `json/decoder.py` -> ("json.decoder", False)."""
    parts = filename[: -len(".py")].split("/")
    if parts[-1] == "__init__":
        return ".".join(parts[:-1]), True
    return ".".join(parts), False


def _write(archive, name, data):
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_STORED
    archive.writestr(info, data)


def split(core_json):
    core = set(json.loads(core_json))
    index = {}
    sizes = {"core": 0, "rest": 0}
    with (
        zipfile.ZipFile(SOURCE) as source,
        zipfile.ZipFile(CORE, "w") as first,
        zipfile.ZipFile(REST, "w") as rest,
    ):
        for info in source.infolist():
            if info.is_dir():
                continue
            data = source.read(info)
            if not info.filename.endswith(".py"):
                # A data file of a package left out (ctypes/macholib/README.ctypes, tomllib/mypy.ini)
                # must stay out too: its folder in the first zip would make the package a namespace
                # package there, found before the lazy importer is asked.
                package = info.filename.rpartition("/")[0].replace("/", ".")
                _write(first if not package or package in core else rest, info.filename, data)
                continue
            try:
                code = compile(data, f"{MOUNT}/{info.filename}", "exec", dont_inherit=True)
            except SyntaxError:
                # A few files are test data, not modules; they stay as they are, beside their package.
                package = info.filename.rpartition("/")[0].replace("/", ".")
                _write(first if not package or package in core else rest, info.filename, data)
                continue
            pyc = bytes(_code_to_hash_pyc(code, importlib.util.source_hash(data), checked=False))
            name, is_package = _module_name(info.filename)
            member = info.filename + "c"
            if name in core:
                _write(first, member, pyc)
                sizes["core"] += len(pyc)
                continue
            _write(rest, member, pyc)
            sizes["rest"] += len(pyc)
            path = os.path.join(REST_DIR, member)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as file:
                file.write(pyc)
            index[name] = [member, is_package]
        source_code = f"# Where each module left out of the first load lives.\nMODULES = {index!r}\n"
        code = compile(source_code, f"{MOUNT}/{INDEX}.py", "exec", dont_inherit=True)
        _write(first, INDEX + ".pyc", bytes(_code_to_hash_pyc(code, b"\0" * 8, checked=False)))
    return json.dumps({"lazy": sorted(index), **sizes})
