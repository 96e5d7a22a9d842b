"""Which run (cell execution) owns the work on the event loop, so late output reaches its cell.

A run's id lives in a context variable. asyncio copies the current context into every task and every
callback it schedules, so a task a cell started, or a `call_later` callback, still knows its run
after the cell's last line, and so do its prints and its uncaught errors.
"""

import asyncio
import contextvars
import sys
import time

current_run = contextvars.ContextVar("notebook_run", default=None)


def run_of_context(context):
    return context.get(current_run) if context is not None else None


def run_of_task(task):
    get_context = getattr(task, "get_context", None)  # Python 3.12+
    return run_of_context(get_context()) if get_context else None


class _Router:
    """Gathers writes of both streams, per run and in order, for the page.

    Writes leave at once, as long as there are few of them (32 in 16 ms); past that, in a print
    flood, they are gathered until they grow large, the next window starts, or the next write is
    for another run or the other stream. A flood then costs a few calls into JavaScript, not one
    per print, and stdout and stderr stay interleaved as they were written.
    """

    BURST = 32
    WINDOW = 0.016
    LARGE = 8192

    def __init__(self, send, fallback_run):
        self._send = send
        self._fallback_run = fallback_run
        self._key = None
        self._parts = []
        self._size = 0
        self._window = 0.0
        self._sent = 0

    def write(self, name, text):
        run = current_run.get()
        if run is None:
            run = self._fallback_run()
        key = (run, name)
        if self._parts and key != self._key:
            self.flush()
        self._key = key
        self._parts.append(text)
        self._size += len(text)
        now = time.monotonic()
        if now - self._window >= self.WINDOW:
            self._window = now
            self._sent = 0
        if self._sent < self.BURST or self._size >= self.LARGE:
            self._sent += 1
            self.flush()

    def flush(self):
        if not self._parts:
            return
        text = "".join(self._parts)
        self._parts.clear()
        self._size = 0
        run, name = self._key
        self._send(run or 0, name, text)


class RoutedStream:
    """sys.stdout / sys.stderr that hands each write to the page with the run that made it."""

    encoding = "utf-8"
    errors = "strict"

    def __init__(self, name, router):
        self.name = name
        self._router = router

    def isatty(self):
        return False

    def writable(self):
        return True

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        self._router.write(self.name, text)
        return len(text)

    def flush(self):
        self._router.flush()


class _Tracked:
    """A callback the reader scheduled; it knows when it has fired, which makes it no longer pending."""

    def __init__(self, callback, record):
        self.__wrapped__ = callback  # asyncio names the callback through this in its messages
        self.__qualname__ = getattr(callback, "__qualname__", repr(callback))
        self._record = record

    def __call__(self, *args):
        self._record.fired = True
        return self.__wrapped__(*args)

    def __repr__(self):
        return repr(self.__wrapped__)


class _Timer:
    __slots__ = ("run", "handle", "fired")

    def __init__(self, run):
        self.run = run
        self.handle = None
        self.fired = False

    def pending(self):
        return not self.fired and not self.handle.cancelled()


def _internal(callback, args):
    """asyncio's own scheduling (a task's next step, a future's callbacks, sleep's wake-up)."""
    if isinstance(getattr(callback, "__self__", None), asyncio.Future):
        return True
    if args and isinstance(args[0], asyncio.Future):
        return True
    return (getattr(callback, "__module__", None) or "").startswith(("asyncio", "pyodide", "_pyodide"))


class LoopWatch:
    """Counts, per run, the tasks and callbacks still pending on a loop, and can cancel them."""

    def __init__(self, loop, cell_tasks):
        self.loop = loop
        # The tasks running cells' own code: a run's code is not work it left on the loop. The
        # runner adds and removes them as cells start and end.
        self.cell_tasks = cell_tasks
        self._timers = []
        self._inside = False
        for name in ("call_soon", "call_later", "call_at"):
            setattr(loop, name, self._wrap(getattr(loop, name)))

    def _wrap(self, schedule):
        watch = self
        soon = schedule.__name__ == "call_soon"

        def scheduled(*args, context=None, **kwargs):
            # WebLoop's call_soon calls its own call_later: only the outermost call is counted.
            if watch._inside:
                return schedule(*args, context=context, **kwargs)
            if soon:
                when, callback, rest = None, args[0], args[1:]
            else:
                when, callback, rest = args[0], args[1], args[2:]
            run = run_of_context(context) if context is not None else current_run.get()
            if run is None or _internal(callback, rest):
                watch._inside = True
                try:
                    return schedule(*args, context=context, **kwargs)
                finally:
                    watch._inside = False
            timer = _Timer(run)
            wrapped = _Tracked(callback, timer)
            head = () if when is None else (when,)
            watch._inside = True
            try:
                timer.handle = schedule(*head, wrapped, *rest, context=context, **kwargs)
            finally:
                watch._inside = False
            watch._timers = [t for t in watch._timers if t.pending()]
            watch._timers.append(timer)
            return timer.handle

        return scheduled

    def _tasks(self):
        try:
            tasks = asyncio.all_tasks(self.loop)
        except RuntimeError:
            return []
        return [t for t in tasks if not t.done() and t not in self.cell_tasks]

    def pending(self):
        """{run: [tasks, timers]} for every run with work left on the loop."""
        counts = {}
        for task in self._tasks():
            run = run_of_task(task)
            if run is not None:
                counts.setdefault(run, [0, 0])[0] += 1
        self._timers = [t for t in self._timers if t.pending()]
        for timer in self._timers:
            counts.setdefault(timer.run, [0, 0])[1] += 1
        return counts

    def cancel(self, run):
        """Cancels what `run` left on the loop; returns how many tasks and callbacks that was."""
        cancelled = 0
        for task in self._tasks():
            if run_of_task(task) == run:
                cancelled += task.cancel()
        for timer in self._timers:
            if timer.run == run and timer.pending():
                timer.handle.cancel()
                cancelled += 1
        return cancelled


def run_of_error(context, fallback):
    """The run an error nobody caught belongs to: its handle's, its task's, or the current one."""
    handle = context.get("handle")
    if handle is not None and getattr(handle, "_context", None) is not None:
        run = run_of_context(handle._context)
        if run is not None:
            return run
    for key in ("task", "future"):
        if context.get(key) is not None:
            run = run_of_task(context[key])
            if run is not None:
                return run
    return current_run.get() or fallback


def install_streams(send, fallback_run):
    router = _Router(send, fallback_run)
    sys.stdout = RoutedStream("stdout", router)
    sys.stderr = RoutedStream("stderr", router)


def flush_streams():
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, RoutedStream):
            stream.flush()
