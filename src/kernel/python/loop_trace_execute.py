"""The task-loop half of the loop trace: loops like the chapters' EventLoop, which take a task from
their queue and call its `execute()` (or the reader's name for it), watched by PY_RETURN alone.

Like every half, it returns rows (src/kernel/protocol.ts, traceStep, without their `index`); the
hub (loop_trace.py) numbers and keeps them. A turn that only returned the task itself and printed
nothing (a Sleep checking the clock) joins the open fold: one row with a count. The fold's own fast
path, `busy_turn`, costs a few comparisons per turn, since a busy wait takes tens of thousands.
"""

from loop_trace_half import Half, row
from loop_trace_queue import find_queue

CHECK_EVERY = 4095  # busy turns between two looks at the clock (a mask: 2**n - 1)


def step_row(names, task, printed, returned, queue, now):
    """One step of the task loop: who ran, what it printed and returned, the queue after and who is parked."""
    name = names.name(task)  # first: naming a task is what lets `where` find its generator
    file, line = names.where(task)
    parked = []
    holders = list(queue)
    seen = set()
    while holders:  # a task in the queue holds its waiter; a parked waiter holds its own
        holder = holders.pop(0)
        waiter = names.waiter(holder)
        if waiter is not None and id(waiter) not in seen and waiter not in queue:
            seen.add(id(waiter))
            parked.append({"task": names.name(waiter), "state": "yielded", "by": names.name(holder)})
            holders.append(waiter)
    return row(name, printed, returned, [names.name(item) for item in queue], parked, file, line, now)


def busy_row(busy, turns, now):
    """A fold of busy turns as one step: how many, the tasks that took them, when it ended."""
    row = dict(busy)
    row["turns"] = dict(row["turns"])
    row["count"] = turns
    row["task"] = ", ".join(row["turns"])
    row["end"] = now
    return row


class ExecuteSteps(Half):
    def __init__(self, names, printed, now, codes):
        super().__init__(names, printed, now, codes)  # codes: the step methods', shared with the trace
        self.loop_frame = None
        self.turns = 0  # turns in the open fold
        self._deque = None  # the loop's queue (a deque or list), read after each step
        self._busy = None  # the open folded step, while the same tasks keep returning themselves
        self._members = ()
        self._busy_len = -1

    def busy_turn(self, code, frame, value):
        """One more turn of the open fold, if this return is one (the task returned itself, the queue kept its length)."""
        task = frame.f_locals[code.co_varnames[0]]
        if value is not task or self._busy is None or id(task) not in self._members:
            return False
        queue = self._deque
        if queue is not None and len(queue) != self._busy_len:
            return False
        self.turns += 1
        counts = self._busy["turns"]
        name = self.names.cache[id(task)][1]
        counts[name] = counts.get(name, 0) + 1
        return True

    def turn(self, code, frame, value):
        """A step method returned `value`: the rows it finishes (a closed fold, this turn's step)."""
        caller = frame.f_back
        if caller is None or caller.f_code in self.codes:
            return []  # an execute() called by another one (super().execute()): the outer one counts
        task = frame.f_locals[code.co_varnames[0]]
        rows = []
        if caller is not self.loop_frame:
            rows += self.close_busy()
            self.loop_frame = caller
            self._deque = find_queue(caller)
        printed = self.printed.take()
        queue = list(self._deque) if self._deque is not None else []
        names = self.names
        if self._busy is not None:
            self._busy["queue"] = [names.name(item) for item in [task] + queue]  # after the fold's last turn
        if value is not None:
            queue.append(value)  # the loop puts back what execute() returned
        if value is task and not printed:
            if self._busy is not None and id(task) in self._members and len(queue) == self._busy_len + 1:
                self._busy["turns"][names.name(task)] = self._busy["turns"].get(names.name(task), 0) + 1
                self.turns += 1
                return rows
            rows += self.close_busy()
            self._busy = step_row(names, task, "", "itself", queue, self.now())
            self._busy["turns"] = {names.name(task): 1}
            self._members = {id(item) for item in queue}
            self._busy_len = len(queue) - 1
            self.turns = 1
            return rows
        rows += self.close_busy()
        returned = "None" if value is None else "itself" if value is task else names.name(value)
        rows.append(step_row(names, task, printed, returned, queue, self.now()))
        return rows

    def open_rows(self):
        """The fold still growing, for a flush while the loop runs."""
        return [busy_row(self._busy, self.turns, self.now())] if self._busy is not None else []

    def close_busy(self):
        """The open fold as a finished row (none if no fold is open)."""
        if self._busy is None:
            return []
        row = busy_row(self._busy, self.turns, self.now())
        row["clock"] = any(self.names.checks_clock(name) for name in row["turns"])
        self._busy = None
        return [row]

    def finish(self):
        """The run has ended: an open fold's queue is the loop's as it is left."""
        if self._busy is not None and self._deque is not None:
            self._busy["queue"] = [self.names.name(item) for item in self._deque]
        rows = self.close_busy()
        self.loop_frame = None
        return rows
