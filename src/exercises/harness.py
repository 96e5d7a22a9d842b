"""Runs a reader's exercise code for a check, and reports what it did.

The check gets a fresh namespace (earlier cells can neither break nor fool it), a virtual clock
(time.time() and time.perf_counter() advance a fixed tick per read, time.sleep() advances it, asyncio.sleep() is
compressed a hundredfold), and a time limit enforced by a trace function. What happened is printed
as one JSON line after a marker; the page's checker (src/exercises/checks.ts) judges it.
Standard library only: it runs on Pyodide and on CPython alike.
"""

import ast
import asyncio
import builtins
import contextlib
import inspect
import io
import json
import linecache
import sys
import time

MARKER = "\u241eexercise-observation "
_FILENAME = "Exercise"
_TRACED = {_FILENAME, "Given code", "Check"}
# Taken before any check patches the clock: the time limit is real time, not virtual.
_real_clock = time.perf_counter


class _Stopped(BaseException):
    """Raised inside the reader's code when it runs past its time limit."""


class _VirtualClock:
    def __init__(self, tick):
        self.now = 1_000_000.0
        self.tick = tick
        self.reads = 0

    def read(self):
        self.reads += 1
        self.now += self.tick
        return self.now

    def sleep(self, seconds):
        if seconds > 0:
            self.now += seconds


@contextlib.contextmanager
def _patched_time(clock):
    # time.monotonic stays real: asyncio's loop schedules its own timers with it.
    saved = {name: getattr(time, name) for name in ("time", "perf_counter", "sleep")}
    real_asyncio_sleep = asyncio.sleep

    async def compressed_sleep(delay, result=None):
        return await real_asyncio_sleep(max(0, delay) / 100, result)

    time.time = time.perf_counter = clock.read
    time.sleep = clock.sleep
    asyncio.sleep = compressed_sleep
    try:
        yield
    finally:
        for name, value in saved.items():
            setattr(time, name, value)
        asyncio.sleep = real_asyncio_sleep


@contextlib.contextmanager
def _time_limit(seconds, state):
    deadline = _real_clock() + seconds
    events = 0

    def tracer(frame, event, arg):
        # Only the reader's frames are traced and stopped: raising inside asyncio's own code
        # would break the loop that every later cell needs.
        if frame.f_code.co_filename not in _TRACED:
            return None
        nonlocal events
        events += 1
        if events % 500 == 0 and _real_clock() > deadline:
            state["timedOut"] = True
            raise _Stopped()
        return tracer

    sys.settrace(tracer)
    try:
        yield
    finally:
        sys.settrace(None)


async def _run_source(source, namespace, filename):
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    code = compile(source, filename, "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT, dont_inherit=True)
    result = eval(code, namespace)
    if code.co_flags & inspect.CO_COROUTINE:
        await result


def _plain(value):
    if isinstance(value, bool) or value is None or isinstance(value, (int, float, str)):
        return value
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return repr(value)


async def run_check(request_json):
    request = json.loads(request_json)
    namespace = {"__name__": "__main__", "__builtins__": builtins}
    clock = _VirtualClock(request.get("tick", 0.0001))
    state = {"timedOut": False}
    error = None
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out), _patched_time(clock):
            await _run_source(request["prelude"], namespace, "Given code")
            clock.reads = 0
            with _time_limit(request.get("limitSeconds", 3), state):
                await _run_source(request["source"], namespace, _FILENAME)
                await _run_source(request["after"], namespace, "Check")
    except (_Stopped, KeyboardInterrupt):
        state["timedOut"] = True
    except BaseException as raised:  # the reader's code may raise anything, SystemExit included
        error = {"ename": type(raised).__name__, "evalue": str(raised)}
    observation = {
        "lines": [line.rstrip() for line in out.getvalue().splitlines()],
        "error": error,
        "timedOut": state["timedOut"],
        "clockReads": clock.reads,
        "values": {name: _plain(namespace.get(name)) for name in request.get("values", [])},
    }
    sys.stdout.write(MARKER + json.dumps(observation) + "\n")
    sys.stdout.flush()
