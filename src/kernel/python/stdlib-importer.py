"""Imports the standard-library modules that the first load leaves out, when a cell first needs one.

The first load carries only what Pyodide's start and the chapters import (src/plugins/
precompile-stdlib.py); `_stdlib_index` in it says where every other module lives. A miss asks the
host for that one compiled file (a synchronous GET from the worker), or reads it from the whole
rest of the library once that has arrived (fetched in the background, or as a last resort when
one file cannot be had), writes it where `__file__` can point, and loads it like any .pyc.
"""

import io
import os
import sys
import zipfile
from importlib.machinery import ModuleSpec, SourcelessFileLoader

from _stdlib_index import MODULES

# Fetched files go here, outside sys.path: this finder is the only way to them.
ROOT = "/lib/python-stdlib-lazy"
REST = "python_stdlib.rest.zip"


def _as_bytes(data):
    # The host hands over a JavaScript Uint8Array (a JsProxy) or Python bytes.
    return data.to_bytes() if hasattr(data, "to_bytes") else bytes(data)


class LazyStdlibFinder:
    """A meta path finder for the modules in `MODULES`; it runs after the normal ones."""

    def __init__(self, fetch):
        # fetch(relative_url) -> bytes, or None when it cannot be had (offline, say).
        self._fetch = fetch
        self._rest = None

    def add_rest(self, data):
        """Takes the whole rest of the library (a zip); later misses read from it."""
        if self._rest is None:
            self._rest = zipfile.ZipFile(io.BytesIO(_as_bytes(data)))

    def _bytes(self, member):
        if self._rest is None:
            data = self._fetch("stdlib/" + member)
            if data is not None:
                return _as_bytes(data)
            rest = self._fetch(REST)
            if rest is None:
                return None
            self.add_rest(rest)
        return self._rest.read(member)

    def find_spec(self, name, path=None, target=None):
        entry = MODULES.get(name)
        if entry is None:
            return None
        member, is_package = entry
        local = os.path.join(ROOT, member)
        if not os.path.exists(local):
            data = self._bytes(member)
            if data is None:
                raise ModuleNotFoundError(
                    f"The standard-library module {name!r} could not be downloaded "
                    "(is the network down?). Run the cell again once you are online.",
                    name=name,
                )
            os.makedirs(os.path.dirname(local), exist_ok=True)
            with open(local, "wb") as file:
                file.write(data)
        spec = ModuleSpec(name, SourcelessFileLoader(name, local), origin=local, is_package=is_package)
        spec.has_location = True
        if is_package:
            spec.submodule_search_locations = [os.path.dirname(local)]
        return spec

    def invalidate_caches(self):
        pass


def install(fetch):
    """Puts the finder last on sys.meta_path (once) and returns it."""
    for finder in sys.meta_path:
        if isinstance(finder, LazyStdlibFinder):
            return finder
    finder = LazyStdlibFinder(fetch)
    sys.meta_path.append(finder)
    return finder
