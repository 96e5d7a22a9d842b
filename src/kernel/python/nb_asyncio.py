"""Code pasted from asyncio tutorials runs as CPython runs it.

A cell already runs inside the page's event loop, so `asyncio.run(main())` and
`loop.run_until_complete(main())` cannot start a loop of their own: in a browser they would need
WebAssembly stack switching (not every browser has it), and `new_event_loop()` leaves a second loop
whose callbacks fail. At the top level of a cell, outside any function, such calls become an
`await` of the same coroutine, with what asyncio.run does around it (left-over tasks cancelled).
"""

import ast
import asyncio
import builtins

from nb_routing import current_run, run_of_task

RUN = "__notebook_asyncio_run__"
RUN_UNTIL_COMPLETE = "__notebook_run_until_complete__"


async def run(main, *, debug=None, loop_factory=None):
    if not asyncio.iscoroutine(main):
        raise ValueError(f"a coroutine was expected, got {main!r}")
    run_id = current_run.get()
    before = set(asyncio.all_tasks())
    task = asyncio.ensure_future(main)
    try:
        return await task
    finally:
        # As asyncio.run does: whatever main() left running is cancelled and waited for.
        leftovers = [
            t
            for t in asyncio.all_tasks()
            if t not in before and t is not task and not t.done() and run_of_task(t) in (run_id, None)
        ]
        for leftover in leftovers:
            leftover.cancel()
        if leftovers:
            await asyncio.gather(*leftovers, return_exceptions=True)


async def run_until_complete(loop, future):
    if loop.is_closed():
        raise RuntimeError("Event loop is closed")
    return await asyncio.ensure_future(future)


builtins.__dict__[RUN] = run
builtins.__dict__[RUN_UNTIL_COMPLETE] = run_until_complete


class _PageLoop:
    """What `asyncio.new_event_loop()` gives a cell in the browser: the page's one loop, on loan.

    A second WebLoop would claim to be the running loop and break every task after it. Closing
    the loan closes only the loan.
    """

    def __init__(self, loop):
        self._loop = loop
        self._closed = False

    def __getattr__(self, name):
        return getattr(self._loop, name)

    def is_closed(self):
        return self._closed

    def close(self):
        self._closed = True

    def __repr__(self):
        return f"<event loop of the page {'closed' if self._closed else 'running'}>"


def lend_the_page_loop():
    """In the browser, a cell's new_event_loop() / set_event_loop() borrow and keep the page's loop."""
    page_loop = asyncio.get_event_loop()
    real_set = asyncio.set_event_loop

    def new_event_loop():
        return _PageLoop(page_loop)

    def set_event_loop(loop):
        if not isinstance(loop, _PageLoop):
            real_set(loop)

    asyncio.new_event_loop = new_event_loop
    asyncio.events.new_event_loop = new_event_loop
    asyncio.set_event_loop = set_event_loop
    asyncio.events.set_event_loop = set_event_loop


def _asyncio_names(tree, namespace):
    modules = {name for name, value in namespace.items() if value is asyncio}
    runs = {name for name, value in namespace.items() if value is asyncio.run}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules |= {a.asname or a.name for a in node.names if a.name == "asyncio"}
        elif isinstance(node, ast.ImportFrom) and node.module == "asyncio":
            runs |= {a.asname or a.name for a in node.names if a.name == "run"}
    return modules, runs


class _TopLevelRuns(ast.NodeTransformer):
    def __init__(self, modules, runs):
        self.modules = modules
        self.runs = runs

    # Inside a function the call runs later, maybe not from a cell: it keeps its own meaning.
    def visit_FunctionDef(self, node):
        return node

    visit_AsyncFunctionDef = visit_Lambda = visit_ClassDef = visit_FunctionDef

    def visit_Call(self, node):
        self.generic_visit(node)
        func = node.func
        is_run = (isinstance(func, ast.Attribute) and func.attr == "run" and isinstance(func.value, ast.Name)
                  and func.value.id in self.modules) or (isinstance(func, ast.Name) and func.id in self.runs)
        if is_run:
            call = ast.Call(ast.Name(RUN, ast.Load()), node.args, node.keywords)
        elif isinstance(func, ast.Attribute) and func.attr == "run_until_complete" and len(node.args) == 1:
            call = ast.Call(ast.Name(RUN_UNTIL_COMPLETE, ast.Load()), [func.value, node.args[0]], [])
        else:
            return node
        return ast.copy_location(ast.Await(ast.copy_location(call, node)), node)


def rewrite(tree, namespace):
    """The cell's tree with top-level asyncio.run / run_until_complete calls turned into awaits."""
    modules, runs = _asyncio_names(tree, namespace)
    tree = _TopLevelRuns(modules, runs).visit(tree)
    return ast.fix_missing_locations(tree)
