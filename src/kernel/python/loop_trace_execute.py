"""The task-loop half of the loop trace: loops like the chapters' EventLoop, which take a task from
their queue and call its `execute()` (or the reader's name for it), watched by PY_RETURN alone.

A turn that only returned the task itself and printed nothing (a Sleep checking the clock) joins the
open fold: one row with a count. The fold's own fast path, `busy_turn`, costs a few comparisons per
turn, since a busy wait takes tens of thousands of them.
"""

from loop_trace_rows import busy_row, find_queue, step_row

_CHECK_EVERY = 4095  # busy turns between two looks at the clock (a mask: 2**n - 1)


class ExecuteSteps:
    def __init__(self, trace, codes):
        self.trace = trace  # its names, clock, printed text, step numbers and rows
        self.codes = codes  # the step methods' code objects, shared with the trace
        self.loop_frame = None
        self._deque = None  # the loop's queue (a deque or list), read after each step
        self._busy = None  # the open folded step, while the same tasks keep returning themselves
        self._members = ()
        self._busy_len = -1
        self._turns = 0

    def busy_turn(self, code, frame, value):
        """One more turn of the open fold, if this return is one (the task returned itself, the queue kept its length)."""
        task = frame.f_locals[code.co_varnames[0]]
        if value is not task or self._busy is None or id(task) not in self._members:
            return False
        queue = self._deque
        if queue is not None and len(queue) != self._busy_len:
            return False
        self._turns += 1
        counts = self._busy["turns"]
        name = self.trace.names.cache[id(task)][1]
        counts[name] = counts.get(name, 0) + 1
        if not self._turns & _CHECK_EVERY:
            self.trace.flush_soon()
        return True

    def turn(self, code, frame, value):
        caller = frame.f_back
        if caller is None or caller.f_code in self.codes:
            return  # an execute() called by another one (super().execute()): the outer one counts
        trace = self.trace
        task = frame.f_locals[code.co_varnames[0]]
        if caller is not self.loop_frame:
            self.close_busy()
            self.loop_frame = caller
            self._deque = find_queue(caller)
        printed = trace.take_printed()
        queue = list(self._deque) if self._deque is not None else []
        names = trace.names
        if self._busy is not None:
            self._busy["queue"] = [names.name(item) for item in [task] + queue]  # after the fold's last turn
        if value is not None:
            queue.append(value)  # the loop puts back what execute() returned
        if value is task and not printed:
            if self._busy is not None and id(task) in self._members and len(queue) == self._busy_len + 1:
                self._busy["turns"][names.name(task)] = self._busy["turns"].get(names.name(task), 0) + 1
                self._turns += 1
                return
            self.close_busy()
            self._busy = self._row(task, "", "itself", queue)
            self._busy["turns"] = {names.name(task): 1}
            self._members = {id(item) for item in queue}
            self._busy_len = len(queue) - 1
            self._turns = 1
            return
        self.close_busy()
        returned = "None" if value is None else "itself" if value is task else names.name(value)
        trace.add(self._row(task, printed, returned, queue))

    def open_rows(self):
        """The fold still growing, for a flush while the loop runs."""
        return [busy_row(self._busy, self._turns, self.trace.now())] if self._busy is not None else []

    def close_busy(self):
        if self._busy is not None:
            row = busy_row(self._busy, self._turns, self.trace.now())
            row["clock"] = any(self.trace.names.checks_clock(name) for name in row["turns"])
            self._busy = None
            self.trace.add(row)

    def finish(self):
        """The run has ended: an open fold's queue is the loop's as it is left."""
        if self._busy is not None and self._deque is not None:
            self._busy["queue"] = [self.trace.names.name(item) for item in self._deque]
        self.close_busy()
        self.loop_frame = None

    def _row(self, task, printed, returned, queue):
        return step_row(self.trace.names, self.trace.next_index(), task, printed, returned, queue, self.trace.now())
