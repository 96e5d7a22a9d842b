"""Runs cells through the notebook's runner on CPython with the loop view's tracer on.

Reads {"runner": path, "cells": [{"code", "filename", "trace", "limit"?}]} as JSON on stdin; writes one
object per cell: {"status", "steps", "dropped"}. `limit` runs the cell under a small bound instead, to
check that a runaway loop's trace stops growing.
"""

import asyncio
import importlib.util
import io
import json
import os
import sys


def main():
    request = json.load(sys.stdin)
    sys.path.insert(0, os.path.dirname(request["runner"]))
    import loop_trace

    spec = importlib.util.spec_from_file_location("notebook_runner", request["runner"])
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    steps = {}

    def emit(run_id, kind, payload):
        if kind == "trace":
            steps.update((step["index"], step) for step in payload)

    runner = module.Runner(emit)
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    real_stdout = sys.stdout
    results = []
    for run_id, cell in enumerate(request["cells"], start=1):
        steps.clear()
        sys.stdout = io.StringIO()
        if cell.get("limit"):
            trace = loop_trace.start(cell["filename"], None, cell["limit"])
            status = loop.run_until_complete(runner.run(cell["code"], cell["filename"], run_id))
            loop_trace.stop()
            results.append({"status": status, "steps": trace.steps(), "dropped": trace.dropped})
        else:
            status = loop.run_until_complete(runner.run(cell["code"], cell["filename"], run_id, cell["trace"]))
            results.append({"status": status, "steps": [steps[i] for i in sorted(steps)], "dropped": 0})
    sys.stdout = real_stdout
    json.dump(results, real_stdout)


main()
