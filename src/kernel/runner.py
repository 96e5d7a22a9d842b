"""The notebook's cell runner: one namespace per page, Jupyter-shaped results.

Runs unchanged on Pyodide (in the page's worker and in Node) and on CPython (the content tests),
so it uses the standard library only. Output goes to sys.stdout / sys.stderr, which the host
captures; results and errors go to `emit(kind, payload)`.
"""

import ast
import asyncio
import builtins
import inspect
import linecache
import sys
import traceback
import types

_RUNNER_FILE = __file__ if "__file__" in globals() else "<runner>"

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
    def __init__(self, interactive_input=False):
        self.namespace = _fresh_namespace()
        self._task = None
        self._emit = None
        sys.modules["notebook_display"] = _display_module(self)
        if not interactive_input:
            # Fail at once with a reason, rather than hang or read an empty line.
            builtins.input = _no_input

    def reset(self):
        self.namespace = _fresh_namespace()

    def display(self, bundle):
        if self._emit is not None:
            sys.stdout.flush()
            self._emit("display_data", bundle)

    def cancel(self):
        """Stops a cell that is waiting (on asyncio.sleep, say); a busy cell is stopped by the interrupt buffer."""
        if self._task is not None and not self._task.done():
            self._task.cancel()
            return True
        return False

    async def run(self, source, filename, emit, trace=False):
        """Runs one cell. Returns "ok" or "error"; emits execute_result or error (and `trace` steps if asked)."""
        # Registering the source lets tracebacks quote the cell's own lines, as IPython does.
        linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
        self._emit = emit
        # --- loop view hook (src/kernel/loop_trace.py): record the loop's turns while the cell runs
        tracer = None
        if trace:
            import loop_trace

            tracer = loop_trace.start(filename, lambda steps: emit("trace", steps))
        # --- end of loop view hook
        self._task = asyncio.ensure_future(self._guarded(source, filename))
        try:
            value = await self._task
            if isinstance(value, _Escaped):
                raise value.error
        except asyncio.CancelledError:
            emit("error", self._describe(KeyboardInterrupt("the cell was stopped while it was waiting")))
            return "error"
        except BaseException as error:  # the reader's code may raise anything, SystemExit included
            emit("error", self._describe(error))
            return "error"
        finally:
            if tracer is not None:
                tracer.stop()  # loop view hook
            self._task = None
            sys.stdout.flush()
            sys.stderr.flush()
        if value is not None:
            self.namespace["_"] = value
            emit("execute_result", repr(value))
        return "ok"

    async def _guarded(self, source, filename):
        # asyncio hands KeyboardInterrupt and SystemExit raised in a task to the event loop as well,
        # where nobody handles them; carried out as a value, they are reported once, by run().
        try:
            return await self._execute(source, filename)
        except (KeyboardInterrupt, SystemExit) as error:
            return _Escaped(error)

    async def _execute(self, source, filename):
        tree = ast.parse(source, filename, "exec")
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
        # The runner's own frames are not the reader's business, wherever they sit in the stack.
        report.stack = traceback.StackSummary.from_list(
            [frame for frame in report.stack if frame.filename != _RUNNER_FILE]
        )
        lines = list(report.format())
        return {
            "ename": type(error).__name__,
            "evalue": str(error),
            "traceback": lines,
        }
