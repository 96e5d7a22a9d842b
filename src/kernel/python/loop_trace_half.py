"""The one contract of the loop trace's halves (the task loop's, asyncio's, the bare generators').

Each half is made from what the hub (loop_trace.py) shares with it: the tasks' names, the text the
step under way printed, the trace's clock and the set of code objects it watches. Each of its event
methods returns the rows that event finishes, as plain dicts without their `index`: the hub alone
numbers and keeps them. `open_rows()` is a fold still growing, shown in a flush before it ends.
"""


def row(task, printed, returned, queue, parked, file, line, start, end=None):
    """A step as the page receives it (src/kernel/protocol.ts, traceStep), without its `index`."""
    return {
        "task": task,
        "printed": printed,
        "returned": returned,
        "queue": queue,
        "parked": parked,
        "count": 1,
        "clock": False,
        "file": file,
        "line": line,
        "start": start,
        "end": start if end is None else end,
    }


class Half:
    def __init__(self, names, printed, now, codes):
        self.names = names
        self.printed = printed  # what the step under way printed (loop_trace_output.Printed)
        self.now = now  # milliseconds since the trace started
        self.codes = codes

    def open_rows(self):
        return []
