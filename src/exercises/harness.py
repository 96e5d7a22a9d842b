"""Runs a reader's exercise code for a check, and reports what it did.

The check gets a fresh namespace (earlier cells can neither break nor fool it), a virtual clock
(time.time() and time.perf_counter() advance a fixed tick per read, time.sleep() advances it, and
asyncio.sleep() sleeps on it: sleepers wake in the order of their deadlines, however slow the machine), and a time limit enforced by a trace function. What happened is printed
as one JSON line after a marker; the page's checker (src/exercises/checks.ts) judges it.
Standard library only: it runs on Pyodide and on CPython alike.
"""

import ast
import asyncio
import builtins
import contextlib
import heapq
import inspect
import itertools
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


class _VirtualTimers:
    """asyncio.sleep() on the virtual clock.

    A sleeper waits for the clock to reach its deadline, and the clock moves to the nearest deadline
    only once every task that can run has run (and asked for its own sleep). So "Pong sleeps 2, Ping
    sleeps 3" always ends with Pong first, however long tracing makes the steps on a slow machine,
    and a check of sleeps that add up to minutes takes milliseconds.
    """

    # Loop turns without a new sleeper before the clock moves on: a woken task takes one to run.
    QUIET_TURNS = 3

    def __init__(self, clock, real_sleep):
        self.clock = clock
        self.real_sleep = real_sleep
        self.sleepers = []  # (deadline, order, future): the nearest deadline is always at [0]
        self.order = itertools.count()
        self.driver = None

    async def sleep(self, delay, result=None):
        if delay <= 0:
            return await self.real_sleep(0, result)  # a bare yield to the loop, as asyncio means it
        loop = asyncio.get_running_loop()
        waker = loop.create_future()
        heapq.heappush(self.sleepers, (self.clock.now + delay, next(self.order), waker))
        if self.driver is None or self.driver.done():
            self.driver = loop.create_task(self._drive())
        await waker
        return result

    async def _drive(self):
        while self.sleepers:
            seen = -1
            while seen != len(self.sleepers):
                seen = len(self.sleepers)
                for _ in range(self.QUIET_TURNS):
                    await self.real_sleep(0)
            deadline, _, waker = heapq.heappop(self.sleepers)
            if waker.done():  # its task was cancelled
                continue
            self.clock.now = max(self.clock.now, deadline)
            waker.set_result(None)

    def close(self):
        # Sleepers the reader's code left behind stay asleep: nothing of a check outlives it.
        if self.driver is not None:
            self.driver.cancel()


@contextlib.contextmanager
def _patched_time(clock):
    # time.monotonic stays real: asyncio's loop schedules its own timers with it.
    saved = {name: getattr(time, name) for name in ("time", "perf_counter", "sleep")}
    real_asyncio_sleep = asyncio.sleep
    timers = _VirtualTimers(clock, real_asyncio_sleep)

    time.time = time.perf_counter = clock.read
    time.sleep = clock.sleep
    asyncio.sleep = timers.sleep
    try:
        yield
    finally:
        for name, value in saved.items():
            setattr(time, name, value)
        asyncio.sleep = real_asyncio_sleep
        timers.close()


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
