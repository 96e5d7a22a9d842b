"""The asyncio half of the loop trace: one step each time a cell's coroutine gives the loop back control.

sys.monitoring reports PY_START / PY_RESUME / PY_YIELD / PY_RETURN on the cells' coroutine code
objects. A step ends when the outermost cell coroutine of the running task suspends (what it awaits)
or returns. Pyodide's WebLoop has no ready queue Python can read (its call_soon is a browser task),
so "the queue" is worked out from the tasks themselves: created but not started, or whose future
is done. Like every half, it returns rows without their `index`; the hub (loop_trace.py) numbers
and keeps them.
"""


import gc

from loop_trace_half import Half, row


def short(value, width=40):
    text = repr(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def _coroutine_of(task, frame):
    """The coroutine object running in `frame`, found down the task's chain of awaits."""
    coro = task.get_coro() if task is not None else None
    for _ in range(50):
        if coro is None or getattr(coro, "cr_frame", None) is frame:
            return coro
        coro = getattr(coro, "cr_await", None)
    return None


class AsyncioSteps(Half):
    def __init__(self, names, printed, now, coroutine_codes):
        super().__init__(names, printed, now, coroutine_codes)
        self.tasks = []  # tasks seen, in order of appearance (a cell's run is short-lived)
        self.awaits = {}  # id(task) -> what it awaits, as the view shows it
        self.cell_returned = False  # a cell that awaits at top level is a task: its end is a step already

    def _know(self, task, code=None):
        if not any(known is task for known in self.tasks):
            self.tasks.append(task)
        return self.names.label(task, code)

    def event(self, code, frame, event, value):
        """The step that ends when a task gives control back (a list of one row), else []."""
        back = frame.f_back
        if back is not None and back.f_code in self.codes:
            return []  # a coroutine awaited inside another: the outer one speaks for the task
        import asyncio

        task = asyncio.current_task()
        if task is None:
            return []  # a coroutine driven by hand (coro.send()): not the loop's business
        name = self._know(task, code)
        if event in ("start", "resume"):
            return []
        if event == "yield":
            awaited = self._describe(_coroutine_of(task, frame), value)
            self.awaits[id(task)] = awaited
            returned = "awaits " + awaited
        else:
            returned = "finished" if value is None else f"finished, returned {short(value)}"
            self.cell_returned = self.cell_returned or code.co_name == "<module>"
        queue, parked = self._queue(task, event)
        return [self._row(name, returned, queue, parked, code.co_filename, frame.f_lineno)]

    def _row(self, task, returned, queue, parked, file, line):
        return row(task, self.printed.take(), returned, queue, parked, file, line, self.now())

    def cell_ended(self, filename, is_cell_file):
        """The cell's last line ran and its tasks go on: a step for the cell, with the tasks it left (or [])."""
        if self.cell_returned:
            return []
        import asyncio

        for task in asyncio.all_tasks():
            coro = task.get_coro()
            if not task.done() and is_cell_file(getattr(getattr(coro, "cr_code", None), "co_filename", "<")):
                self._know(task)
        queue, parked = self._queue(None, "return")
        return [self._row(filename, "finished", queue, parked, "", 0)]

    def _queue(self, task, event):
        queue, parked = [], []
        for other in self.tasks:
            state = "done" if other is task and event == "return" else self._state(other)
            if state == "ready":
                queue.append(self.names.name(other))
            elif state != "done":
                parked.append({"task": self.names.name(other), "state": "awaiting", "by": state})
        return queue, parked

    def _describe(self, coro, yielded):
        awaited = getattr(coro, "cr_await", None)
        if awaited is None and coro is not None:
            # While the frame is still yielding, Python 3.14 reports no cr_await; the awaited
            # coroutine is on the suspended frame's stack, which the garbage collector can see.
            awaited = next((ref for ref in gc.get_referents(coro) if hasattr(ref, "cr_frame") and ref is not coro), None)
        if awaited is not None and getattr(awaited, "cr_frame", None) is not None:
            code = awaited.cr_code
            local = awaited.cr_frame.f_locals
            names = code.co_varnames[: code.co_argcount]
            args = [short(local[n], 16) for n in names if local.get(n) is not None]
            return f"{awaited.__qualname__}({', '.join(args)})"
        children = getattr(yielded, "_children", None)
        if children is not None:  # gather's future knows the tasks it waits for
            return f"gather({', '.join(self._know(child) for child in children)})"
        if yielded is not None and hasattr(yielded, "get_coro"):
            return self._know(yielded)
        return "a future"

    def _state(self, task):
        """'ready', 'done', or what the task awaits."""
        if task.done():
            return "done"
        coro = task.get_coro()
        if getattr(coro, "cr_frame", None) is not None and not coro.cr_running and not coro.cr_suspended:
            return "ready"  # created, not started yet
        waiting = getattr(task, "_fut_waiter", None)
        if waiting is not None and waiting.done():
            return "ready"
        return self.awaits.get(id(task), "a future")
