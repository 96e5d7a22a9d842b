"""Where a traced loop keeps its queue: one finder for both loops the trace follows, the task loop
(src/kernel/python/loop_trace_execute.py) and the bare generators' (loop_trace_generators.py)."""


def find_queue(frame, item=None):
    """The loop's queue in `frame`: a local, or an attribute of its `self`, that is a deque, a list or
    a queue.Queue (its deque), names with "queue" in them first. With `item`, only a queue that
    holds something, all of it passing `item(value)`: a loop of generators is known by its contents.
    """
    local = frame.f_locals
    candidates = list(local.items())
    owner = local.get("self")
    if owner is not None and hasattr(owner, "__dict__"):
        candidates += list(vars(owner).items())
    candidates.sort(key=lambda pair: "queue" not in pair[0].lower())
    for _, value in candidates:
        inner = getattr(value, "queue", None)
        if inner is not None and hasattr(inner, "__len__") and hasattr(value, "put"):
            value = inner
        elif not (type(value).__name__ == "deque" or isinstance(value, list)):
            continue
        if item is None or (value and all(item(entry) for entry in value)):
            return value
    return None
