"""The notebook's cell runner: one namespace per page, Jupyter-shaped results.

Runs unchanged on Pyodide (in the page's worker and in Node) and on CPython (the content tests),
so it uses the standard library only. Output goes to sys.stdout / sys.stderr, which the host
captures; results and errors go to `emit(kind, payload)`.
"""

import ast
import inspect
import linecache
import sys
import traceback

_RUNNER_FILE = __file__ if "__file__" in globals() else "<runner>"

_NOT_SHIPPED = (
    "This notebook runs Python's standard library only; "
    "the package {name!r} is not shipped with the site."
)


class Runner:
    def __init__(self):
        self.namespace = {"__name__": "__main__", "__builtins__": __builtins__}

    def reset(self):
        self.__init__()

    async def run(self, source, filename, emit):
        """Runs one cell. Returns "ok" or "error"; emits execute_result or error."""
        # Registering the source lets tracebacks quote the cell's own lines, as IPython does.
        linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
        try:
            value = await self._execute(source, filename)
        except BaseException as error:  # the reader's code may raise anything, SystemExit included
            emit("error", self._describe(error))
            return "error"
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
        if value is not None:
            self.namespace["_"] = value
            emit("execute_result", repr(value))
        return "ok"

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
        # Drop the runner's own frames so the traceback starts in the reader's code.
        while tb is not None and tb.tb_frame.f_code.co_filename == _RUNNER_FILE:
            tb = tb.tb_next
        lines = traceback.format_exception(type(error), error, tb)
        return {
            "ename": type(error).__name__,
            "evalue": str(error),
            "traceback": lines,
        }
