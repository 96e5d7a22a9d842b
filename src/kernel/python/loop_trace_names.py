"""Readable names for the tasks a loop trace sees, and which code belongs to the reader's cells.

A task is named by its class (or coroutine) and a count per name, `Ping#1`, so a reader can tell two
Sleeps apart. Names are held through weak references: a loop that creates a task per turn does not
keep them all alive.
"""

import ast
import linecache
import types
import weakref

_CLOCK_NAMES = {"time", "monotonic", "perf_counter", "now"}


def is_cell_file(filename):
    """The runner registers each cell's source in linecache with no modification time."""
    if filename.startswith("<"):
        return False
    entry = linecache.cache.get(filename)
    return entry is not None and len(entry) == 4 and entry[1] is None


def cell_methods():
    """Names of the methods a loop calls on what it takes from its queue: `execute`, or the reader's own.

    Looks, in every cell's source, for a `while` loop that takes `x = q.get()` (or popleft, pop, shift)
    and then calls `x.method()`.
    """
    names = {"execute"}
    for filename, entry in list(linecache.cache.items()):
        if not is_cell_file(filename):
            continue
        try:
            tree = ast.parse("".join(entry[2]))
        except SyntaxError:
            continue
        for loop in ast.walk(tree):
            if not isinstance(loop, ast.While):
                continue
            taken = set()
            for node in ast.walk(loop):
                if (
                    isinstance(node, ast.Assign)
                    and isinstance(node.value, ast.Call)
                    and isinstance(node.value.func, ast.Attribute)
                    and node.value.func.attr in ("get", "get_nowait", "popleft", "pop", "shift")
                ):
                    taken.update(target.id for target in node.targets if isinstance(target, ast.Name))
            for node in ast.walk(loop):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and isinstance(node.func.value, ast.Name)
                    and node.func.value.id in taken
                ):
                    names.add(node.func.attr)
    return names


class Names:
    def __init__(self):
        self.cache = {}  # id(obj) -> (weak reference, name, waiter attribute, generator attribute)
        self._counts = {}
        self._clock = {}  # name -> whether its generator reads the clock

    def _entry(self, obj):
        entry = self.cache.get(id(obj))
        if entry is not None and entry[0]() is obj:
            return entry
        return None

    def _store(self, obj, base, waiter=None, generator=None, clock=False):
        number = self._counts.get(base, 0) + 1
        self._counts[base] = number
        name = f"{base}#{number}" if not base.startswith("Cell ") else base
        key = id(obj)
        try:
            ref = weakref.ref(obj, lambda _ref, key=key, cache=self.cache: cache.pop(key, None))
        except TypeError:
            ref = lambda obj=obj: obj  # noqa: E731 - an object without weak references stays alive
        entry = (ref, name, waiter, generator)
        self.cache[key] = entry
        self._clock[name] = clock
        return entry

    def name(self, obj):
        entry = self._entry(obj)
        if entry is None and isinstance(obj, types.GeneratorType):  # chapter 1's tasks: bare generators
            entry = self._store(obj, obj.__qualname__, clock=bool(_CLOCK_NAMES & set(obj.gi_code.co_names)))
        if entry is None:
            waiter = generator = None
            clock = False
            for attribute, value in getattr(obj, "__dict__", {}).items():
                if isinstance(value, types.GeneratorType) and generator is None:
                    generator = attribute
                    clock = bool(_CLOCK_NAMES & set(value.gi_code.co_names))
                elif waiter is None and value is not obj and ("waiter" in attribute or hasattr(value, "execute")):
                    waiter = attribute
            entry = self._store(obj, type(obj).__name__, waiter, generator, clock)
        return entry[1]

    def label(self, task, code):
        """Names an asyncio task after the coroutine it runs (a cell's top level after the cell)."""
        entry = self._entry(task)
        if entry is not None:
            return entry[1]
        if code is not None and code.co_name == "<module>":
            base = code.co_filename
        elif code is not None:
            base = code.co_qualname
        else:
            coro = task.get_coro() if hasattr(task, "get_coro") else None
            base = getattr(coro, "__qualname__", type(task).__name__)
        return self._store(task, base)[1]

    def waiter(self, obj):
        entry = self._entry(obj)
        if entry is None or entry[2] is None:
            return None
        return getattr(obj, entry[2], None)

    def where(self, obj):
        """(file, line) where the task's generator is suspended; ("", 0) before it starts or after it ends."""
        entry = self._entry(obj)
        generator = getattr(obj, entry[3], None) if entry is not None and entry[3] else None
        frame = getattr(generator, "gi_frame", None)
        if frame is None:
            return "", 0
        return frame.f_code.co_filename, frame.f_lineno

    def checks_clock(self, name):
        return self._clock.get(name, False)
