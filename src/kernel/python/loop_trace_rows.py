"""The pieces of a loop trace's rows (src/kernel/loop_trace.py): what a step printed, the loop's
queue, one step (or a fold of busy turns) as the plain dict the page receives
(src/kernel/protocol.ts, traceStep), and the sys.monitoring tool id the trace takes."""


class Tee:
    """Stands in for sys.stdout during a trace: remembers what a step printed, passes it on."""

    def __init__(self, target, trace):
        self._target = target
        self._trace = trace

    def write(self, text):
        if text:
            self._trace.printed.append(text)
        return self._target.write(text)

    def __getattr__(self, name):
        return getattr(self._target, name)


def step_row(names, index, task, printed, returned, queue, now):
    """One step of the generator loop: who ran, what it printed and returned, the queue after and who is parked."""
    name = names.name(task)
    file, line = names.where(task)
    parked = []
    holders = list(queue)
    seen = set()
    while holders:  # a task in the queue holds its waiter; a parked waiter holds its own
        holder = holders.pop(0)
        waiter = names.waiter(holder)
        if waiter is not None and id(waiter) not in seen and waiter not in queue:
            seen.add(id(waiter))
            parked.append({"task": names.name(waiter), "state": "yielded", "by": names.name(holder)})
            holders.append(waiter)
    return {
        "index": index,
        "task": name,
        "printed": printed,
        "returned": returned,
        "queue": [names.name(item) for item in queue],
        "parked": parked,
        "count": 1,
        "clock": False,
        "file": file,
        "line": line,
        "start": now,
        "end": now,
    }


def find_queue(frame):
    """The loop's queue: a local or attribute of `self` that is a queue.Queue, a deque or a list."""
    local = frame.f_locals
    candidates = list(local.items())
    owner = local.get("self")
    if owner is not None and hasattr(owner, "__dict__"):
        candidates += list(vars(owner).items())
    candidates.sort(key=lambda item: "queue" not in item[0].lower())
    for _, value in candidates:
        inner = getattr(value, "queue", None)
        if inner is not None and hasattr(inner, "__len__") and hasattr(value, "put"):
            return inner
        if type(value).__name__ == "deque" or isinstance(value, list):
            return value
    return None


def busy_row(busy, turns, now):
    """A fold of busy turns as one step: how many, the tasks that took them, when it ended."""
    row = dict(busy)
    row["turns"] = dict(row["turns"])
    row["count"] = turns
    row["task"] = ", ".join(row["turns"])
    row["end"] = now
    return row


def free_tool(monitoring):
    """A sys.monitoring tool id no one else holds (debuggers and profilers take 0 to 2)."""
    for tool in (4, 5, 3):
        if monitoring.get_tool(tool) is None:
            return tool
    raise RuntimeError("no sys.monitoring tool id is free")
