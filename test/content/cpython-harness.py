"""Runs one chapter's cells on CPython through the notebook's own runner.

Reads {"runner": path, "cells": [{"code", "filename"}]} as JSON on stdin and writes, as JSON, one list
of Jupyter-shaped outputs per cell, so the test compares them exactly like the Pyodide ones.
"""

import asyncio
import importlib.util
import json
import os
import sys


class Capture:
    def __init__(self, name, outputs):
        self.name = name
        self.outputs = outputs

    def write(self, text):
        if text:
            self.outputs[-1].append({"output_type": "stream", "name": self.name, "text": text})
        return len(text)

    def flush(self):
        pass


def main():
    request = json.load(sys.stdin)
    # The runner's helper modules sit beside it, as they do in the page's Pyodide.
    sys.path.insert(0, os.path.dirname(request["runner"]))
    spec = importlib.util.spec_from_file_location("notebook_runner", request["runner"])
    runner_module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(runner_module)
    outputs = []

    def emit(run_id, kind, payload):
        sink = outputs[run_id - 1]
        if kind == "execute_result":
            sink.append({"output_type": kind, "execution_count": run_id, "data": {"text/plain": payload}})
        elif kind == "display_data":
            sink.append({"output_type": kind, "data": payload})
        elif kind == "stream":
            sink.append({"output_type": "stream", "name": "stderr", "text": payload})
        else:
            sink.append({"output_type": "error", **payload})

    runner = runner_module.Runner(emit)
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    real_stdout = sys.stdout
    sys.stdout, sys.stderr = Capture("stdout", outputs), Capture("stderr", outputs)
    for count, cell in enumerate(request["cells"], start=1):
        outputs.append([])
        status = loop.run_until_complete(runner.run(cell["code"], cell["filename"], count))
        outputs[-1].append({"status": status})
    sys.stdout = real_stdout
    json.dump(outputs, real_stdout)


main()
