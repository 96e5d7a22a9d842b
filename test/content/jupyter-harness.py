"""Validates a notebook with nbformat, and prints its code cells' outputs as JSON: {cell id: text}.

Run by test/content/jupyter.test.ts on the notebook nbconvert has executed, with Debian's
/usr/bin/python3 (the one with nbformat).
"""

import json
import sys

import nbformat


def text(output):
    kind = output["output_type"]
    if kind == "stream":
        return output["text"]
    if kind in ("execute_result", "display_data"):
        value = output["data"].get("text/plain", "")
        return value if value.endswith("\n") else value + "\n"
    if kind == "error":
        return "\n".join(output["traceback"]) + "\n"
    return ""


def main():
    notebook = nbformat.read(sys.argv[1], as_version=nbformat.NO_CONVERT)
    nbformat.validate(notebook)  # raises nbformat.ValidationError
    if (notebook.nbformat, notebook.nbformat_minor) != (4, 5):
        raise SystemExit(f"expected nbformat 4.5, got {notebook.nbformat}.{notebook.nbformat_minor}")
    outputs = {
        cell.id: "".join(text(output) for output in cell.outputs)
        for cell in notebook.cells
        if cell.cell_type == "code"
    }
    json.dump(outputs, sys.stdout)


main()
