"""The notebook's cell runner: one namespace per page, Jupyter-shaped results.

Runs unchanged on Pyodide (in the page's worker and in Node) and on CPython (the content tests),
so it uses the standard library only. Output goes to sys.stdout / sys.stderr, which the host
captures; results and errors go to `emit(kind, payload)`.
"""

import ast
import asyncio
import builtins
import contextvars
import inspect
import linecache
import sys
import traceback
import types

import nb_asyncio
import nb_routing

_RUNNER_FILE = __file__ if "__file__" in globals() else "<runner>"
# The kernel's own frames are not the reader's business, wherever they sit in the stack.
_KERNEL_FILES = {_RUNNER_FILE, nb_asyncio.__file__, nb_routing.__file__}

_NO_INPUT = (
    "input() cannot wait for typing in this notebook: the cell runs in a background worker. "
    "Put the value in the code instead, e.g. name = 'Ada'."
)

_NOT_SHIPPED = (
    "This notebook runs Python's standard library only; "
    "the package {name!r} is not shipped with the site."
)


class _Escaped:
    """A KeyboardInterrupt or SystemExit on its way out of the cell's task."""

    def __init__(self, error):
        self.error = error


def _no_input(prompt=""):
    raise RuntimeError(_NO_INPUT)


def _display_module(runner):
    """`import notebook_display` gives cells rich output; the page shows it in a sandboxed frame."""
    module = types.ModuleType("notebook_display", "Rich output for notebook cells: html() and svg().")

    def html(markup):
        runner.display({"text/html": str(markup), "text/plain": "<HTML output>"})

    def svg(markup):
        runner.display({"image/svg+xml": str(markup), "text/plain": "<SVG image>"})

    module.html = html
    module.svg = svg
    return module


def _fresh_namespace():
    return {"__name__": "__main__", "__builtins__": builtins}


class Runner:
    """Runs cells. `emit(run_id, kind, payload)` reports results, errors and pending work.

    With `send_stream(run_id, name, text)`, stdout and stderr are routed to the run that wrote them
    (the page's kernel); without it they stay as the host set them (the CPython harness).
    """

    def __init__(self, emit, send_stream=None, interactive_input=False):
        self.namespace = _fresh_namespace()
        self._emit = emit
        self._tasks = {}
        self._last_run = 0
        self._watch = None
        self._trailing = None  # (run, trace) of a traced run whose work goes on after its last line
        sys.modules["notebook_display"] = _display_module(self)
        if send_stream is not None:
            nb_routing.install_streams(send_stream, lambda: self._last_run)
        if sys.platform == "emscripten":
            nb_asyncio.lend_the_page_loop()
        if not interactive_input:
            # Fail at once with a reason, rather than hang or read an empty line.
            builtins.input = _no_input

    def reset(self):
        self._end_trailing()
        self.namespace = _fresh_namespace()

    def display(self, bundle):
        sys.stdout.flush()
        self._emit(nb_routing.current_run.get() or self._last_run, "display_data", bundle)

    def cancel(self):
        """Stops the cell that is running if it is waiting (on asyncio.sleep, say); a busy cell is
        stopped by the interrupt buffer."""
        for task in self._tasks.values():
            if not task.done():
                task.cancel()
                return True
        return False

    def cancel_run(self, run_id):
        """Cancels the tasks and callbacks a run left on the loop; returns how many."""
        cancelled = self._watch.cancel(run_id) if self._watch else 0
        self._end_trailing(run_id)
        return cancelled

    def pending(self):
        """{run: [tasks, timers]}: the work each run still has on the loop."""
        nb_routing.flush_streams()
        work = self._watch.pending() if self._watch else {}
        if self._trailing is not None and self._trailing[0] not in work:
            self._end_trailing()  # the traced run's last task or timer is done: so is its trace
        elif self._trailing is not None:
            self._trailing[1].flush()  # the page sees the steps after the last line as they come
        return work

    # The loop view (src/kernel/python/loop_trace.py): a traced run's work after its last line is traced
    # too, until it is done, cancelled, or another cell runs (the trace is global: it would take that
    # cell's turns for this one's).
    def _keep_tracing(self, run_id, tracer):
        if self._watch is not None and run_id in self._watch.pending():
            self._trailing = (run_id, tracer)
        else:
            tracer.stop()

    def _end_trailing(self, run_id=None):
        if self._trailing is not None and run_id in (None, self._trailing[0]):
            self._trailing[1].stop()
            self._trailing = None

    def _watch_loop(self):
        loop = asyncio.get_running_loop()
        if self._watch is None or self._watch.loop is not loop:
            self._watch = nb_routing.LoopWatch(loop, set(self._tasks.values()))
            loop.set_exception_handler(self._on_loop_error)
        self._watch.cell_tasks = set(self._tasks.values())

    def _on_loop_error(self, loop, context):
        """An error nobody caught (a task never awaited, a callback): shown in the cell that started it."""
        run_id = nb_routing.run_of_error(context, self._last_run)
        error = context.get("exception")
        message = context.get("message") or "Task exception was never retrieved"
        nb_routing.flush_streams()
        if error is None:
            self._emit(run_id, "stream", f"{message}\n")
            return
        payload = self._describe(error)
        payload["traceback"] = [f"{message}\n", *payload["traceback"]]
        self._emit(run_id, "error", payload)

    async def run(self, source, filename, run_id, trace=False):
        """Runs one cell. Returns "ok" or "error"; emits execute_result or error (and `trace` steps if asked)."""
        # Registering the source lets tracebacks quote the cell's own lines, as IPython does.
        linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
        self._last_run = run_id
        self._watch_loop()
        # The loop view (src/kernel/python/loop_trace.py): record the loop's turns while the cell runs.
        tracer = None
        self._end_trailing()
        if trace:
            import loop_trace

            tracer = loop_trace.start(filename, lambda steps: self._emit(run_id, "trace", steps))
        context = contextvars.copy_context()
        context.run(nb_routing.current_run.set, run_id)
        task = asyncio.get_running_loop().create_task(self._guarded(source, filename, tracer), context=context)
        self._tasks[run_id] = task
        self._watch.cell_tasks.add(task)
        try:
            value = await task
            if isinstance(value, _Escaped):
                raise value.error
        except asyncio.CancelledError:
            self._emit(run_id, "error", self._describe(KeyboardInterrupt("the cell was stopped while it was waiting")))
            return "error"
        except BaseException as error:  # the reader's code may raise anything, SystemExit included
            self._emit(run_id, "error", self._describe(error))
            return "error"
        finally:
            del self._tasks[run_id]
            self._watch.cell_tasks.discard(task)
            sys.stdout.flush()
            sys.stderr.flush()
            if tracer is not None:
                self._keep_tracing(run_id, tracer)
        if value is not None:
            self.namespace["_"] = value
            self._emit(run_id, "execute_result", repr(value))
        return "ok"

    async def _guarded(self, source, filename, tracer=None):
        # asyncio hands KeyboardInterrupt and SystemExit raised in a task to the event loop as well,
        # where nobody handles them; carried out as a value, they are reported once, by run().
        try:
            value = await self._execute(source, filename)
            if tracer is not None and nb_routing.current_run.get() in self._watch.pending():
                tracer.cell_ended()  # the loop view's: before the tasks the cell left get their first turn
            return value
        except (KeyboardInterrupt, SystemExit) as error:
            return _Escaped(error)

    async def _execute(self, source, filename):
        tree = nb_asyncio.rewrite(ast.parse(source, filename, "exec"), self.namespace)
        last = None
        if tree.body and isinstance(tree.body[-1], ast.Expr):
            last = ast.Expression(tree.body.pop().value)
        flags = ast.PyCF_ALLOW_TOP_LEVEL_AWAIT
        body = compile(tree, filename, "exec", flags=flags, dont_inherit=True)
        result = eval(body, self.namespace)
        # Only code that really awaits at top level comes back as a coroutine to drive.
        if body.co_flags & inspect.CO_COROUTINE:
            await result
        if last is None:
            return None
        expression = compile(last, filename, "eval", flags=flags, dont_inherit=True)
        value = eval(expression, self.namespace)
        if expression.co_flags & inspect.CO_COROUTINE:
            value = await value
        return value

    def _describe(self, error):
        if isinstance(error, ModuleNotFoundError) and error.name:
            top = error.name.partition(".")[0]
            if top not in sys.stdlib_module_names:
                error.msg = f"No module named {error.name!r}"
                error.args = (error.msg,)
                error.add_note(_NOT_SHIPPED.format(name=top))
        # A cell that does not compile has no frames worth showing: the caret is the message.
        tb = None if isinstance(error, SyntaxError) else error.__traceback__
        report = traceback.TracebackException(type(error), error, tb)
        report.stack = traceback.StackSummary.from_list(
            [frame for frame in report.stack if frame.filename not in _KERNEL_FILES]
        )
        lines = list(report.format())
        return {
            "ename": type(error).__name__,
            "evalue": str(error),
            "traceback": lines,
        }
