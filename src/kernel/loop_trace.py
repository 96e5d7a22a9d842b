"""Records every turn of an event loop a cell runs, for the notebook's loop view.

Standard library only (Pyodide and CPython 3.12+ alike). Two kinds of loop are traced, without
touching the reader's code:

- a generator loop like the chapters' EventLoop: any method of a cell named `execute` (or the method
  a cell's loop calls on what it takes from its queue) is watched with sys.monitoring, on its own
  code objects only, so the cost is one callback per turn. Turns that only returned the task itself
  and printed nothing (a Sleep checking the clock) are folded into one step with a count.
- asyncio: coroutines defined in cells report each start, suspension and return.

Steps are plain dicts (see src/loop-view/trace-step.ts for their shape) handed to `sink` in batches.
"""

import sys
import time

from loop_trace_asyncio import AsyncioSteps, short
from loop_trace_names import Names, cell_methods, is_cell_file
from loop_trace_rows import Tee, busy_row, find_queue, free_tool, step_row

LIMIT = 2000  # steps kept between two flushes; older ones are dropped (their numbers leave a gap)
FLUSH_SECONDS = 0.1
_CHECK_EVERY = 4095  # busy turns between two looks at the clock (a mask: 2**n - 1)
_CO_COROUTINE = 0x80

_monitoring = getattr(sys, "monitoring", None)
available = _monitoring is not None


class Trace:
    def __init__(self, filename, sink=None, limit=LIMIT):
        self.filename = filename
        self.sink = sink
        self.limit = limit
        self.names = Names()
        self.rows = []  # finished steps not yet flushed
        self.dropped = 0
        self.printed = []
        self.index = 0
        self._t0 = time.perf_counter()
        self._last_flush = self._t0
        self._methods = cell_methods()
        self._codes = set()  # the generator loop's step methods
        self._coroutines = set()
        self._loop_frame = None
        self._deque = None  # the loop's queue (a deque or list), read after each step
        self._busy = None  # the open folded step, while the same tasks keep returning themselves
        self._members = ()
        self._busy_len = -1
        self._turns = 0
        self._asyncio = AsyncioSteps(self.names, self._coroutines)
        self._failed = None

    # -- time and output -------------------------------------------------------------------
    def _now(self):
        return round((time.perf_counter() - self._t0) * 1000, 3)

    def _take_printed(self):
        text = "".join(self.printed)
        self.printed.clear()
        return text

    def _add(self, row):
        self.rows.append(row)
        if len(self.rows) > self.limit:
            del self.rows[0]
            self.dropped += 1
        if self.sink is not None and time.perf_counter() - self._last_flush > FLUSH_SECONDS:
            self.flush()

    def steps(self):
        """The steps kept so far (with no sink: all of them, up to the limit), the open fold included."""
        return self.rows + ([self._busy_row()] if self._busy is not None else [])

    def flush(self):
        """Hands the finished steps, and the fold still growing, to the sink (which replaces steps by index)."""
        self._last_flush = time.perf_counter()
        if self.sink is None:
            return
        rows = self.steps()
        self.rows = []
        if rows:
            self.sink(rows)

    # -- the generator loop ----------------------------------------------------------------
    def on_start(self, code, offset):
        """Global PY_START, switched off code object by code object: finds what to watch."""
        if code in self._coroutines:
            return self._on_async(code, sys._getframe(1), "start", None)
        if code in self._codes:
            return _monitoring.DISABLE  # a step method is watched by its PY_RETURN alone
        if not is_cell_file(code.co_filename):
            return _monitoring.DISABLE
        if code.co_flags & _CO_COROUTINE:
            self._coroutines.add(code)
            _monitoring.set_local_events(self.tool, code, _E.PY_YIELD | _E.PY_RESUME | _E.PY_RETURN)
            return self._on_async(code, sys._getframe(1), "start", None)
        if code.co_name in self._methods:
            self._codes.add(code)
            _monitoring.set_local_events(self.tool, code, _E.PY_RETURN)
        return _monitoring.DISABLE

    def on_return(self, code, offset, value):
        frame = sys._getframe(1)
        if code in self._coroutines:
            return self._on_async(code, frame, "return", value)
        # The fast path: a busy turn of the open fold costs a few comparisons.
        if frame.f_back is self._loop_frame and not self.printed:
            task = frame.f_locals[code.co_varnames[0]]
            if value is task and self._busy is not None and id(task) in self._members:
                queue = self._deque
                if queue is None or len(queue) == self._busy_len:
                    self._turns += 1
                    counts = self._busy["turns"]
                    name = self.names.cache[id(task)][1]
                    counts[name] = counts.get(name, 0) + 1
                    if not self._turns & _CHECK_EVERY and time.perf_counter() - self._last_flush > FLUSH_SECONDS:
                        self.flush()
                    return None
        try:
            self._turn(code, frame, value)
        except Exception as error:  # a tracer bug must never break the reader's cell
            self._fail(error)
        return None

    def _turn(self, code, frame, value):
        caller = frame.f_back
        if caller is None or caller.f_code in self._codes:
            return  # an execute() called by another one (super().execute()): the outer one counts
        task = frame.f_locals[code.co_varnames[0]]
        if caller is not self._loop_frame:
            self._close_busy()
            self._loop_frame = caller
            self._deque = find_queue(caller)
        printed = self._take_printed()
        queue = list(self._deque) if self._deque is not None else []
        if self._busy is not None:
            self._busy["queue"] = [self.names.name(item) for item in [task] + queue]  # after the fold's last turn
        if value is not None:
            queue.append(value)  # the loop puts back what execute() returned
        names = self.names
        if value is task and not printed:
            if self._busy is not None and id(task) in self._members and len(queue) == self._busy_len + 1:
                self._busy["turns"][names.name(task)] = self._busy["turns"].get(names.name(task), 0) + 1
                self._turns += 1
                return
            self._close_busy()
            self.index += 1
            self._busy = self._row(task, "", "itself", queue)
            self._busy["turns"] = {names.name(task): 1}
            self._members = {id(item) for item in queue}
            self._busy_len = len(queue) - 1
            self._turns = 1
            return
        self._close_busy()
        self.index += 1
        returned = "None" if value is None else "itself" if value is task else names.name(value)
        self._add(self._row(task, printed, returned, queue))

    def _row(self, task, printed, returned, queue):
        return step_row(self.names, self.index, task, printed, returned, queue, self._now())

    def _busy_row(self):
        return busy_row(self._busy, self._turns, self._now())

    def _close_busy(self):
        if self._busy is not None:
            row = self._busy_row()
            row["clock"] = any(self.names.checks_clock(name) for name in row["turns"])
            self._busy = None
            self._add(row)

    # -- asyncio -----------------------------------------------------------------------------
    def _on_async(self, code, frame, event, value):
        try:
            row = self._asyncio.event(code, frame, event, value)
            if row is not None:
                self._close_busy()
                self.index += 1
                row.update(index=self.index, printed=self._take_printed(), start=self._now())
                row["end"] = row["start"]
                self._add(row)
        except Exception as error:
            self._fail(error)
        return None

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
        _monitoring.register_callback(self.tool, _E.PY_YIELD, lambda c, o, v: self._on_async(c, sys._getframe(1), "yield", v))
        _monitoring.register_callback(self.tool, _E.PY_RESUME, lambda c, o: self._on_async(c, sys._getframe(1), "resume", None))
        _monitoring.set_events(self.tool, _E.PY_START)
        _monitoring.restart_events()
        self._stdout = sys.stdout
        sys.stdout = Tee(sys.stdout, self)

    def stop(self):
        if _current is self:
            stop()

    def uninstall(self):
        if sys.stdout.__class__ is Tee:
            sys.stdout = self._stdout
        _monitoring.set_events(self.tool, 0)
        for code in self._codes | self._coroutines:
            _monitoring.set_local_events(self.tool, code, 0)
        for event in (_E.PY_START, _E.PY_RETURN, _E.PY_YIELD, _E.PY_RESUME):
            _monitoring.register_callback(self.tool, event, None)
        _monitoring.free_tool_id(self.tool)
        _monitoring.restart_events()
        if self._busy is not None and self._deque is not None:
            self._busy["queue"] = [self.names.name(item) for item in self._deque]
        self._close_busy()
        self._loop_frame = None
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
