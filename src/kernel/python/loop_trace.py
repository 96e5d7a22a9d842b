"""Records every turn of an event loop a cell runs, for the notebook's loop view.

Standard library only (Pyodide and CPython 3.12+ alike). Three kinds of loop are traced, without
touching the reader's code:

- a task loop like the chapters' EventLoop: any method of a cell named `execute` (or the method a
  cell's loop calls on what it takes from its queue) is watched with sys.monitoring, on its own code
  objects only, so the cost is one callback per turn. Turns that only returned the task itself and
  printed nothing (a Sleep checking the clock) are folded into one step with a count
  (loop_trace_execute.py).
- asyncio: coroutines defined in cells report each start, suspension and return (loop_trace_asyncio.py).
- bare generators stepped with next() by a loop in a cell, chapter 1's (loop_trace_generators.py).

This Trace is the hub: it finds what to watch and hands each event to its half. Every half returns
the rows an event finishes, without their numbers; the hub numbers them in the order they come and
keeps them (a fold still open is numbered as the next row would be, and keeps that number).

Steps are plain dicts (see src/loop-view/trace-step.ts for their shape) handed to `sink` in batches.
"""

import sys
import time

from loop_trace_asyncio import AsyncioSteps
from loop_trace_execute import ExecuteSteps
from loop_trace_generators import GeneratorSteps
from loop_trace_execute import CHECK_EVERY
from loop_trace_names import Names, cell_methods, is_cell_file
from loop_trace_output import Printed, Tee

LIMIT = 2000  # steps kept between two flushes; older ones are dropped (their numbers leave a gap)
FLUSH_SECONDS = 0.1
_CO_COROUTINE = 0x80

_monitoring = getattr(sys, "monitoring", None)
available = _monitoring is not None


def free_tool(monitoring):
    """A sys.monitoring tool id no one else holds (debuggers and profilers take 0 to 2)."""
    for tool in (4, 5, 3):
        if monitoring.get_tool(tool) is None:
            return tool
    raise RuntimeError("no sys.monitoring tool id is free")


class Trace:
    def __init__(self, filename, sink=None, limit=LIMIT):
        self.filename = filename
        self.sink = sink
        self.limit = limit
        self.names = Names()
        self.rows = []  # finished steps not yet flushed
        self.dropped = 0
        self.printed = Printed()
        self.index = 0
        self._t0 = time.perf_counter()
        self._last_flush = self._t0
        self._methods = cell_methods()
        self._codes = set()  # the generator loop's step methods
        self._coroutines = set()
        self._execute = ExecuteSteps(self.names, self.printed, self.now, self._codes)
        self._asyncio = AsyncioSteps(self.names, self.printed, self.now, self._coroutines)
        self._generators = GeneratorSteps(self.names, self.printed, self.now, self._codes)
        self._failed = None

    # -- time and output -------------------------------------------------------------------
    def now(self):
        return round((time.perf_counter() - self._t0) * 1000, 3)

    def keep(self, rows):
        """Numbers the rows a half finished, in order, and keeps them until the next flush."""
        for row in rows:
            self.index += 1
            self.rows.append({"index": self.index, **row})
            if len(self.rows) > self.limit:
                del self.rows[0]
                self.dropped += 1
        if rows and self.sink is not None and time.perf_counter() - self._last_flush > FLUSH_SECONDS:
            self.flush()

    def steps(self):
        """The steps kept so far (with no sink: all of them, up to the limit), the open folds included."""
        open_rows = self._execute.open_rows() + self._generators.open_rows()
        # An open fold gets the number it will keep: nothing else is numbered until it closes.
        return self.rows + [{"index": self.index + i, **row} for i, row in enumerate(open_rows, start=1)]

    def flush_soon(self):
        if time.perf_counter() - self._last_flush > FLUSH_SECONDS:
            self.flush()

    def flush(self):
        """Hands the finished steps, and the fold still growing, to the sink (which replaces steps by index)."""
        self._last_flush = time.perf_counter()
        if self.sink is None:
            return
        rows = self.steps()
        self.rows = []
        if rows:
            self.sink(rows)

    # -- sys.monitoring's events -------------------------------------------------------------
    def on_start(self, code, offset):
        """Global PY_START, switched off code object by code object: finds what to watch."""
        if code in self._coroutines:
            return self._on_async(code, sys._getframe(1), "start", None)
        if code in self._codes:
            return _monitoring.DISABLE  # a step method is watched by its PY_RETURN alone
        if code in self._generators.codes:
            return self._on_event(code, sys._getframe(1), "start")
        if not is_cell_file(code.co_filename):
            return _monitoring.DISABLE
        if code.co_flags & _CO_COROUTINE:
            self._coroutines.add(code)
            _monitoring.set_local_events(self.tool, code, _E.PY_YIELD | _E.PY_RESUME | _E.PY_RETURN)
            return self._on_async(code, sys._getframe(1), "start", None)
        if code.co_name in self._methods:
            self._codes.add(code)
            _monitoring.set_local_events(self.tool, code, _E.PY_RETURN)
        elif self._generators.watches(code, sys._getframe(1)):
            _monitoring.set_local_events(self.tool, code, _E.PY_YIELD | _E.PY_RESUME | _E.PY_RETURN)
            return self._on_event(code, sys._getframe(1), "start")  # PY_START stays on: each new generator starts here
        return _monitoring.DISABLE

    def on_return(self, code, offset, value):
        frame = sys._getframe(1)
        if code in self._coroutines:
            return self._on_async(code, frame, "return", value)
        if code in self._generators.codes:
            return self._on_event(code, frame, "return", value)
        # The fast path: a busy turn of the open fold costs a few comparisons.
        execute = self._execute
        if frame.f_back is execute.loop_frame and not self.printed and execute.busy_turn(code, frame, value):
            if not execute.turns & CHECK_EVERY:
                self.flush_soon()
            return None
        try:
            self.keep(execute.turn(code, frame, value))
        except Exception as error:  # a tracer bug must never break the reader's cell
            self._fail(error)
        return None

    def _on_event(self, code, frame, event, value=None):
        """A watched generator's start, yield, resume or return; any other code's go to the asyncio half."""
        if code not in self._generators.codes:
            return self._on_async(code, frame, event, value)
        try:
            if event in ("start", "resume"):
                self.keep(self._execute.close_busy() + self._generators.resume(frame))
            else:
                self._generators.pause(frame, event == "return", value)
        except Exception as error:
            self._fail(error)
        return None

    # -- asyncio -----------------------------------------------------------------------------
    def _on_async(self, code, frame, event, value):
        try:
            rows = self._asyncio.event(code, frame, event, value)
            if rows:
                self.keep(self._execute.close_busy() + rows)
        except Exception as error:
            self._fail(error)
        return None

    def cell_ended(self):
        """The cell's last line has run but its work goes on (and is traced on): the cell's own step."""
        try:
            rows = self._asyncio.cell_ended(self.filename, is_cell_file)
            if rows:
                self.keep(self._execute.close_busy() + rows)
            self.flush()
        except Exception as error:
            self._fail(error)

    def _fail(self, error):
        if self._failed is None:
            self._failed = f"{type(error).__name__}: {error}"
            print(f"[loop view] tracing stopped: {self._failed}", file=sys.stderr)
            stop()

    # -- lifetime ------------------------------------------------------------------------
    def install(self):
        self.tool = free_tool(_monitoring)
        _monitoring.use_tool_id(self.tool, "notebook loop view")
        _monitoring.register_callback(self.tool, _E.PY_START, self.on_start)
        _monitoring.register_callback(self.tool, _E.PY_RETURN, self.on_return)
        _monitoring.register_callback(self.tool, _E.PY_YIELD, lambda c, o, v: self._on_event(c, sys._getframe(1), "yield", v))
        _monitoring.register_callback(self.tool, _E.PY_RESUME, lambda c, o: self._on_event(c, sys._getframe(1), "resume"))
        _monitoring.set_events(self.tool, _E.PY_START)
        _monitoring.restart_events()
        self._stdout = sys.stdout
        sys.stdout = Tee(sys.stdout, self.printed)

    def stop(self):
        if _current is self:
            stop()

    def uninstall(self):
        if sys.stdout.__class__ is Tee:
            sys.stdout = self._stdout
        _monitoring.set_events(self.tool, 0)
        for code in self._codes | self._coroutines | self._generators.codes:
            _monitoring.set_local_events(self.tool, code, 0)
        for event in (_E.PY_START, _E.PY_RETURN, _E.PY_YIELD, _E.PY_RESUME):
            _monitoring.register_callback(self.tool, event, None)
        _monitoring.free_tool_id(self.tool)
        _monitoring.restart_events()
        self.keep(self._execute.finish() + self._generators.finish())
        self._asyncio = None
        self.flush()


_E = _monitoring.events if available else None
_current = None


def start(filename, sink=None, limit=LIMIT):
    """Starts tracing the run of cell `filename`; steps go to `sink(list_of_steps)`. Returns the trace."""
    global _current
    stop()
    if not available:
        return None
    _current = Trace(filename, sink, limit)
    _current.install()
    return _current


def stop():
    """Stops the trace (if any), flushes its last steps and returns it."""
    global _current
    trace, _current = _current, None
    if trace is not None:
        trace.uninstall()
    return trace
