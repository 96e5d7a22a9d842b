"""The bare-generator half of the loop trace: chapter 1's loop, plain generators in a queue, each
stepped with next() by a loop in a cell.

A step runs from a generator's start or resume to its next yield or its return. What the queue holds
after a step is only known once the loop has put the generator back (or not), so a step's row waits
for the next step to begin, or for the end of the run: then the queue is read as it is, with the
generator about to run put back at its front (the loop has just taken it from there).

Steps that print nothing and only yield, from generators that read the clock, are a busy wait: they
fold into one row with a count, as the Sleep tasks' turns do. Like every half, it returns rows
without their `index`; the hub (loop_trace.py) numbers and keeps them.
"""

import types

from loop_trace_asyncio import short
from loop_trace_half import Half, row
from loop_trace_names import is_cell_file
from loop_trace_queue import find_queue

CO_GENERATOR = 0x20


class GeneratorSteps(Half):
    def __init__(self, names, printed, now, step_codes):
        super().__init__(names, printed, now, set())  # codes: generator code objects stepped by a loop
        self.step_codes = step_codes  # the task loop's step methods, shared with the trace
        self.skipped = set()  # generator code objects driven by another generator or a task's method
        self._loop = None  # the frame that calls next()
        self._queue = None
        self._where = {}  # id(frame) -> the name under which the loop holds that generator
        self._running = None  # (generator, start) of the step under way
        self._pending = None  # (generator, row) waiting for the queue after it
        self._fold = None

    def watches(self, code, frame):
        """Whether a cell's generator code, just started in `frame`, is a task of a loop in a cell."""
        if code in self.codes:
            return True
        if code in self.skipped or not code.co_flags & CO_GENERATOR or code.co_name.startswith("<"):
            return False
        caller = frame.f_back
        driver = caller.f_code if caller is not None else None
        if (
            driver is None
            or driver.co_flags & (CO_GENERATOR | 0x80 | 0x200)
            or driver in self.step_codes
            or not is_cell_file(driver.co_filename)
        ):
            self.skipped.add(code)  # yield from, a coroutine, a Task's execute() or a library: not a loop's step
            return False
        self.codes.add(code)
        return True

    def resume(self, frame):
        """A generator starts a step: the step before it learns the queue it left (its rows are returned)."""
        caller = frame.f_back
        rows = []
        if caller is not self._loop:
            rows += self.finish()
            self._loop = caller
            self._queue = None
            self._where = {}
        if self._queue is None:
            self._queue = find_queue(caller, item=lambda value: isinstance(value, types.GeneratorType))
        generator = self._generator(frame, caller)
        if generator is None:
            return rows
        self.printed.clear()  # the loop's own output is no task's
        rows += self._settle(generator)
        self._running = (generator, self.now())
        return rows

    def pause(self, frame, finished, value):
        """The running generator yielded `value`, or returned it when `finished`."""
        if self._running is None:
            return
        generator, start = self._running
        self._running = None
        names = self.names
        if finished:
            returned = "finished" if value is None else f"finished, returned {short(value)}"
        else:
            returned = "yielded" if value is None else f"yielded {short(value)}"
        step = row(names.name(generator), self.printed.take(), returned, [], [], frame.f_code.co_filename, frame.f_lineno or 0, start, self.now())
        self._pending = (generator, step)

    def open_rows(self):
        """The fold still growing, for a flush while the loop runs."""
        return [dict(self._fold, turns=dict(self._fold["turns"]))] if self._fold is not None else []

    def finish(self):
        """The loop has ended (or another began): its last step sees the queue as it is left."""
        rows = self._settle(None) + self._close_fold()
        self._running = None
        return rows

    # -- the steps' rows ------------------------------------------------------------------
    def _settle(self, generator):
        """The pending step's row, now that the queue after it is known (a fold takes it in instead)."""
        if self._pending is None:
            return []
        done, step = self._pending
        self._pending = None
        queue = list(self._queue) if self._queue is not None else []
        if generator is not None and not any(item is generator for item in queue):
            queue.insert(0, generator)  # taken off the front just now, to run
        names = self.names
        step["queue"] = [names.name(item) for item in queue]
        if step["printed"] == "" and step["returned"] == "yielded" and names.checks_clock(step["task"]):
            if self._fold is None:
                self._fold = dict(step, clock=True, count=0, turns={})
            fold = self._fold
            fold["count"] += 1
            fold["turns"][step["task"]] = fold["turns"].get(step["task"], 0) + 1
            fold["task"] = ", ".join(fold["turns"])
            fold.update(queue=step["queue"], end=step["end"], file=step["file"], line=step["line"])
            return []
        return self._close_fold() + [step]

    def _close_fold(self):
        if self._fold is None:
            return []
        fold, self._fold = self._fold, None
        return [fold]

    def _generator(self, frame, caller):
        """The generator object running in `frame`: held by the loop in a local (or its queue)."""
        local = caller.f_locals
        known = self._where.get(id(frame.f_code))
        value = local.get(known) if known is not None else None
        if getattr(value, "gi_frame", None) is frame:
            return value
        for key, value in list(local.items()):
            if getattr(value, "gi_frame", None) is frame:
                self._where[id(frame.f_code)] = key
                return value
        for value in list(self._queue or ()):
            if getattr(value, "gi_frame", None) is frame:
                return value
        return None

